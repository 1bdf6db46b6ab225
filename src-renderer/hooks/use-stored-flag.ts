import { useCallback, useState } from 'react';

/** An on/off preference of this browser profile (localStorage), e.g. "mark and move on". */
export function useStoredFlag(name: string): [boolean, (on: boolean) => void] {
  const key = `workset-browser:${name}`;
  const [on, setOn] = useState(() => {
    try {
      return window.localStorage.getItem(key) === 'on';
    } catch {
      return false;
    }
  });
  const set = useCallback(
    (value: boolean) => {
      setOn(value);
      try {
        window.localStorage.setItem(key, value ? 'on' : 'off');
      } catch {
        // Storage refused (private mode): the choice lasts for this page only.
      }
    },
    [key],
  );
  return [on, set];
}
