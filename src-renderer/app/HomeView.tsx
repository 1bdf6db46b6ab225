import { useEffect } from 'react';
import { DictionariesPanel } from '../dictionaries/DictionariesPanel.js';
import { DropZone } from '../dictionaries/DropZone.js';
import { useDictionaries } from '../hooks/use-data.js';
import type { ImportState } from '../hooks/use-import.js';
import { EmptyState } from '../ui/EmptyState.js';
import { WorksetsPanel } from '../worksets/WorksetsPanel.js';

/** The import under way, owned by the app shell so the File menu can start one from any view. */
export interface Importer {
  readonly state: ImportState;
  readonly importFiles: (files: readonly File[]) => void;
  readonly importPath: (path: string) => void;
  /** Replace the dictionary the last import was refused over (the user confirmed). */
  readonly replace: () => void;
  readonly dismiss: () => void;
}

interface Props {
  readonly dictionary: string | null;
  readonly onSelectDictionary: (name: string, replace?: boolean) => void;
  readonly onOpenWorkset: (id: number) => void;
  /** The dictionary's Clean up area: its consistency checks. */
  readonly onCleanUp: (dictionary: string) => void;
  readonly onOpenDuplicates: (dictionary: string) => void;
  readonly importer: Importer;
  /** The query builder is open (New workset…, or File › New Workset…). */
  readonly creating: boolean;
  readonly onCreatingChange: (creating: boolean) => void;
}

/** Dictionaries on the left, the chosen one's worksets on the right; a .lift dropped anywhere is imported. */
export function HomeView({ dictionary, onSelectDictionary, onOpenWorkset, onCleanUp, onOpenDuplicates, importer, creating, onCreatingChange }: Props) {
  const dictionaries = useDictionaries();

  // With no dictionary chosen, show the first one rather than an empty half.
  const first = dictionaries.data?.[0]?.name;
  const known = dictionary !== null && dictionaries.data?.some((d) => d.name === dictionary);
  // Not while the list is refetching: a dictionary just imported is not in the old list yet.
  const settled = dictionaries.data !== undefined && !dictionaries.loading;
  useEffect(() => {
    if (first && settled && !known) onSelectDictionary(first, true);
  }, [first, known, settled, onSelectDictionary]);

  return (
    <DropZone onFiles={importer.importFiles}>
      <main className="home">
        <DictionariesPanel selected={dictionary} onSelect={onSelectDictionary} importer={importer} />
        {dictionary && known ? (
          <WorksetsPanel dictionary={dictionary} onOpen={onOpenWorkset} onCleanUp={() => onCleanUp(dictionary)} onOpenDuplicates={() => onOpenDuplicates(dictionary)} creating={creating} onCreatingChange={onCreatingChange} />
        ) : (
          <section className="content">
            {dictionaries.data?.length === 0 && <EmptyState title="Import a dictionary to begin">Use “Import LIFT…”, or drop a .lift file (with its .lift-ranges) on this window.</EmptyState>}
          </section>
        )}
      </main>
    </DropZone>
  );
}
