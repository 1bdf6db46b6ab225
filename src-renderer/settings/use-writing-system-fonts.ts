import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { fontStylesheet, fontsKey, parseFonts, type WritingSystemFonts } from './writing-system-fonts.js';

/** Windows of this profile hear of a change through `storage`; this page's own hooks through this event. */
const CHANGED = 'workset-browser:fonts-changed';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** The dictionary's fonts per writing system, and a setter that keeps them in this browser profile. */
export function useWritingSystemFonts(dictionary: string): [WritingSystemFonts, (fonts: WritingSystemFonts) => void] {
  const key = fontsKey(dictionary);
  // The stored text is the snapshot (a string compares by value); parsing it is cheap.
  const text = useSyncExternalStore(subscribe, () => read(key));
  const set = useCallback(
    (fonts: WritingSystemFonts) => {
      try {
        window.localStorage.setItem(key, JSON.stringify(fonts));
      } catch {
        // Storage refused (private mode): nothing is kept.
      }
      window.dispatchEvent(new Event(CHANGED));
    },
    [key],
  );
  return [parseFonts(text), set];
}

/** Puts the dictionary's font rules in the page while mounted: every element of a `lang` gets its font. */
export function useFontStylesheet(dictionary: string | null): void {
  const [fonts] = useWritingSystemFonts(dictionary ?? '');
  const css = dictionary === null ? '' : fontStylesheet(fonts);
  useEffect(() => {
    if (css === '') return;
    const style = document.createElement('style');
    style.dataset.testid = 'writing-system-fonts';
    style.textContent = css;
    document.head.append(style);
    return () => style.remove();
  }, [css]);
}
