import { useCallback, useSyncExternalStore } from 'react';

/**
 * Where this window is, kept in `location.hash` so a reload stays put and "open in new window"
 * can hand over a workset (`#workset=12`, the form Electron's main and the browser host use). An
 * entry opened from a quick search, outside any workset, is `#dictionary=Sena&entry=GUID`; a
 * dictionary's Clean up area (its consistency checks) is `#dictionary=Sena&cleanup`, and its
 * candidate duplicates `#dictionary=Sena&duplicates`.
 */
export type Route =
  | { readonly view: 'home'; readonly dictionary: string | null }
  | { readonly view: 'workset'; readonly worksetId: number }
  | { readonly view: 'entry'; readonly dictionary: string; readonly guid: string }
  | { readonly view: 'cleanup'; readonly dictionary: string }
  | { readonly view: 'duplicates'; readonly dictionary: string };

export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const workset = Number(params.get('workset'));
  if (Number.isSafeInteger(workset) && workset > 0) return { view: 'workset', worksetId: workset };
  const dictionary = params.get('dictionary');
  const guid = params.get('entry');
  if (dictionary && guid) return { view: 'entry', dictionary, guid };
  if (dictionary && params.has('cleanup')) return { view: 'cleanup', dictionary };
  if (dictionary && params.has('duplicates')) return { view: 'duplicates', dictionary };
  return { view: 'home', dictionary };
}

export function routeHash(route: Route): string {
  if (route.view === 'workset') return `#workset=${route.worksetId}`;
  if (route.view === 'cleanup') return `#dictionary=${encodeURIComponent(route.dictionary)}&cleanup`;
  if (route.view === 'duplicates') return `#dictionary=${encodeURIComponent(route.dictionary)}&duplicates`;
  if (route.view === 'entry') return `#dictionary=${encodeURIComponent(route.dictionary)}&entry=${encodeURIComponent(route.guid)}`;
  return route.dictionary ? `#dictionary=${encodeURIComponent(route.dictionary)}` : '#';
}

const subscribe = (listener: () => void): (() => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};
const getHash = (): string => window.location.hash;

export function useRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const hash = useSyncExternalStore(subscribe, getHash);
  const navigate = useCallback((route: Route, options?: { replace?: boolean }) => {
    if (!options?.replace) {
      window.location.hash = routeHash(route);
      return;
    }
    // A choice the app made (the first dictionary): no extra step for the Back button.
    history.replaceState(history.state, '', routeHash(route));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, []);
  return [parseRoute(hash), navigate];
}
