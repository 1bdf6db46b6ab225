import type { ImportState } from '../hooks/use-import.js';
import { useDictionaries } from '../hooks/use-data.js';
import { EmptyState } from '../ui/EmptyState.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { Loading } from '../ui/Loading.js';
import { DictionaryList } from './DictionaryList.js';
import { ExportButton } from './ExportButton.js';
import { ImportControl } from './ImportControl.js';
import { ImportStatus } from './ImportStatus.js';
import { RestoreBackup } from './RestoreBackup.js';

interface Props {
  readonly selected: string | null;
  readonly onSelect: (name: string) => void;
  readonly importer: { state: ImportState; importFiles: (files: readonly File[]) => void; importPath: (path: string) => void; replace: () => void; dismiss: () => void };
}

/** The sidebar: dictionaries with their sizes, import (button or drop) and export. */
export function DictionariesPanel({ selected, onSelect, importer }: Props) {
  const dictionaries = useDictionaries();
  const busy = importer.state.phase === 'uploading' || importer.state.phase === 'importing';
  return (
    <aside className="sidebar" aria-label="Dictionaries panel">
      <div className="panel-header">
        <h2>Dictionaries</h2>
        <ImportControl busy={busy} onFiles={importer.importFiles} onPath={importer.importPath} />
      </div>
      <ImportStatus state={importer.state} onDismiss={importer.dismiss} onReplace={importer.replace} />
      {dictionaries.error && <ErrorMessage what="Could not list the dictionaries:" error={dictionaries.error} onRetry={dictionaries.refetch} />}
      {!dictionaries.data && dictionaries.loading && <Loading what="Loading dictionaries" />}
      {dictionaries.data?.length === 0 && (
        <EmptyState title="No dictionaries yet">Import a LIFT file exported from FLEx or WeSay, or drop one here.</EmptyState>
      )}
      {dictionaries.data && dictionaries.data.length > 0 && <DictionaryList dictionaries={dictionaries.data} selected={selected} onSelect={onSelect} />}
      {selected && dictionaries.data?.some((d) => d.name === selected) && (
        <div className="sidebar-footer">
          <ExportButton dictionary={selected} />
          <RestoreBackup dictionary={dictionaries.data.find((d) => d.name === selected)} />
        </div>
      )}
      <p className="hint">Tip: drop a .lift file (with its .lift-ranges, to keep its ranges) anywhere here to import it.</p>
    </aside>
  );
}
