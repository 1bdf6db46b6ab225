import { useCallback, useEffect, useState } from 'react';
import { useWorkset } from '../hooks/use-data.js';
import { useFileMenu } from '../hooks/use-file-menu.js';
import { useImport } from '../hooks/use-import.js';
import { useRoute } from '../hooks/use-route.js';
import { CleanUpView } from '../cleanup/CleanUpView.js';
import { DuplicatesView } from '../duplicates/DuplicatesView.js';
import { EntryView } from '../entry/EntryView.js';
import { QuickSearchDialog } from '../search/QuickSearchDialog.js';
import { useQuickSearchKey } from '../search/use-quick-search-key.js';
import { ConnectionBanner } from '../status/ConnectionBanner.js';
import { useFontStylesheet } from '../settings/use-writing-system-fonts.js';
import { StatusBar } from '../status/StatusBar.js';
import { WorksetView } from '../workset-view/WorksetView.js';
import { HomeView, type Importer } from './HomeView.js';
import { MenuStatus } from './MenuStatus.js';

/**
 * The window: a view chosen by the location hash, the connection banner and the status bar.
 * The import under way and the File menu live here, above the views, so an import started from
 * the menu in a workset keeps going on the dictionaries view, and Export works from anywhere.
 */
export function App() {
  const [route, navigate] = useRoute();
  const worksetId = route.view === 'workset' ? route.worksetId : null;
  const workset = useWorkset(worksetId);
  const dictionary = route.view === 'workset' ? (workset.data?.dictionary ?? null) : route.dictionary;
  const selectDictionary = useCallback((name: string, replace = false) => navigate({ view: 'home', dictionary: name }, { replace }), [navigate]);
  const goHome = useCallback(() => {
    if (route.view !== 'home') navigate({ view: 'home', dictionary });
  }, [route.view, dictionary, navigate]);

  const imports = useImport();
  const importer: Importer = {
    state: imports.state,
    dismiss: imports.dismiss,
    importFiles: (files) => void imports.importFiles(files).then((result) => result && selectDictionary(result.database)),
    importPath: (path) => void imports.importPath(path).then((result) => result && selectDictionary(result.database)),
    replace: () => void imports.replace().then((result) => result && selectDictionary(result.database)),
  };
  const [creating, setCreating] = useState(false);
  const menu = useFileMenu({ dictionary, goHome, importPath: importer.importPath, createWorkset: () => setCreating(true) });
  const [searching, setSearching] = useState(false);
  useQuickSearchKey(() => setSearching(dictionary !== null));
  useFontStylesheet(dictionary);

  // The query builder belongs to the dictionaries view: leaving it closes the dialog.
  useEffect(() => {
    if (route.view !== 'home') setCreating(false);
  }, [route.view]);

  // Several windows at once: the title tells them apart in the task switcher.
  const title = route.view === 'workset' ? workset.data?.name : dictionary;
  const openEntry = (guid: string): void => {
    if (dictionary === null) return;
    setSearching(false);
    navigate({ view: 'entry', dictionary, guid });
  };
  const openWorkset = (id: number): void => {
    setSearching(false);
    navigate({ view: 'workset', worksetId: id });
  };
  useEffect(() => {
    document.title = title ? `${title} — Workset Browser` : 'Workset Browser';
  }, [title]);

  return (
    <div className="app">
      <ConnectionBanner />
      <header className="app-bar">
        <button type="button" className="app-name" onClick={() => navigate({ view: 'home', dictionary })}>
          Workset Browser
        </button>
        {dictionary !== null && (
          <button type="button" className="button quick-search-button" onClick={() => setSearching(true)} title="Find an entry anywhere in the dictionary (Ctrl+K)">
            Search {dictionary}… <kbd>Ctrl+K</kbd>
          </button>
        )}
      </header>
      <MenuStatus
        exportState={menu.exporter.state}
        onDismissExport={menu.exporter.dismiss}
        onRetryExport={() => void menu.exporter.run()}
        notice={menu.notice}
        onDismissNotice={menu.dismissNotice}
      />
      {route.view === 'workset' && <WorksetView key={route.worksetId} worksetId={route.worksetId} onBack={(name) => navigate({ view: 'home', dictionary: name })} />}
      {route.view === 'entry' && <EntryView key={route.guid} dictionary={route.dictionary} guid={route.guid} onBack={() => navigate({ view: 'home', dictionary: route.dictionary })} />}
      {route.view === 'cleanup' && (
        <CleanUpView key={route.dictionary} dictionary={route.dictionary} onBack={() => navigate({ view: 'home', dictionary: route.dictionary })} onOpenWorkset={openWorkset} onOpenDuplicates={() => navigate({ view: 'duplicates', dictionary: route.dictionary })} />
      )}
      {route.view === 'duplicates' && (
        <DuplicatesView key={route.dictionary} dictionary={route.dictionary} onBack={() => navigate({ view: 'home', dictionary: route.dictionary })} onOpenEntry={openEntry} />
      )}
      {route.view === 'home' && (
        <HomeView
          dictionary={route.dictionary}
          onSelectDictionary={selectDictionary}
          onOpenWorkset={(id) => navigate({ view: 'workset', worksetId: id })}
          onCleanUp={(name) => navigate({ view: 'cleanup', dictionary: name })}
          onOpenDuplicates={(name) => navigate({ view: 'duplicates', dictionary: name })}
          importer={importer}
          creating={creating}
          onCreatingChange={setCreating}
        />
      )}
      {searching && dictionary !== null && <QuickSearchDialog dictionary={dictionary} onClose={() => setSearching(false)} onOpenEntry={openEntry} onOpenWorkset={openWorkset} />}
      <StatusBar dictionary={dictionary} />
    </div>
  );
}
