import { useCallback, useEffect } from 'react';
import { useWorkset } from '../hooks/use-data.js';
import { useRoute } from '../hooks/use-route.js';
import { ConnectionBanner } from '../status/ConnectionBanner.js';
import { StatusBar } from '../status/StatusBar.js';
import { WorksetView } from '../workset-view/WorksetView.js';
import { HomeView } from './HomeView.js';

/** The window: a view chosen by the location hash, the connection banner and the status bar. */
export function App() {
  const [route, navigate] = useRoute();
  const worksetId = route.view === 'workset' ? route.worksetId : null;
  const workset = useWorkset(worksetId);
  const dictionary = route.view === 'home' ? route.dictionary : (workset.data?.dictionary ?? null);
  const selectDictionary = useCallback((name: string, replace = false) => navigate({ view: 'home', dictionary: name }, { replace }), [navigate]);

  // Several windows at once: the title tells them apart in the task switcher.
  const title = route.view === 'workset' ? workset.data?.name : dictionary;
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
      </header>
      {route.view === 'workset' ? (
        <WorksetView key={route.worksetId} worksetId={route.worksetId} onBack={(name) => navigate({ view: 'home', dictionary: name })} />
      ) : (
        <HomeView dictionary={route.dictionary} onSelectDictionary={selectDictionary} onOpenWorkset={(id) => navigate({ view: 'workset', worksetId: id })} />
      )}
      <StatusBar dictionary={dictionary} />
    </div>
  );
}
