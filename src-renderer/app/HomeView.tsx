import { useEffect, useState } from 'react';
import { DictionariesPanel } from '../dictionaries/DictionariesPanel.js';
import { DropZone } from '../dictionaries/DropZone.js';
import { useApi } from '../hooks/api-context.js';
import { useDictionaries } from '../hooks/use-data.js';
import { useEvent } from '../hooks/use-event.js';
import { useImport } from '../hooks/use-import.js';
import { EmptyState } from '../ui/EmptyState.js';
import { WorksetsPanel } from '../worksets/WorksetsPanel.js';

interface Props {
  readonly dictionary: string | null;
  readonly onSelectDictionary: (name: string, replace?: boolean) => void;
  readonly onOpenWorkset: (id: number) => void;
}

/** Dictionaries on the left, the chosen one's worksets on the right; a .lift dropped anywhere is imported. */
export function HomeView({ dictionary, onSelectDictionary, onOpenWorkset }: Props) {
  const api = useApi();
  const dictionaries = useDictionaries();
  const importer = useImport();
  const [creating, setCreating] = useState(false);
  const importFile = (file: File): void => {
    void importer.importFile(file).then((result) => result && onSelectDictionary(result.database));
  };
  const importPath = (path: string): void => {
    void importer.importPath(path).then((result) => result && onSelectDictionary(result.database));
  };

  // With no dictionary chosen, show the first one rather than an empty half.
  const first = dictionaries.data?.[0]?.name;
  const known = dictionary !== null && dictionaries.data?.some((d) => d.name === dictionary);
  // Not while the list is refetching: a dictionary just imported is not in the old list yet.
  const settled = dictionaries.data !== undefined && !dictionaries.loading;
  useEffect(() => {
    if (first && settled && !known) onSelectDictionary(first, true);
  }, [first, known, settled, onSelectDictionary]);

  // Electron's File menu.
  useEvent('menu', ({ command }) => {
    if (command === 'new-workset' && dictionary) setCreating(true);
    if (command === 'import') void api.dialogs.openLift().then(({ file }) => file && importPath(file));
  });

  return (
    <DropZone onFile={importFile}>
      <main className="home">
        <DictionariesPanel selected={dictionary} onSelect={onSelectDictionary} importer={{ ...importer, importFile, importPath }} />
        {dictionary && known ? (
          <WorksetsPanel dictionary={dictionary} onOpen={onOpenWorkset} creating={creating} onCreatingChange={setCreating} />
        ) : (
          <section className="content">
            {dictionaries.data?.length === 0 && <EmptyState title="Import a dictionary to begin">Use “Import LIFT…”, or drop a .lift file on this window.</EmptyState>}
          </section>
        )}
      </main>
    </DropZone>
  );
}
