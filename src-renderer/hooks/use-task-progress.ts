import { useCallback, useRef, useState } from 'react';
import type { EventPayloads } from '../api/contract.js';
import { useEvent } from './use-event.js';

export type TaskProgress = EventPayloads['progress'];

let counter = 0;

/**
 * Progress of a long call this component starts (import, bulk run, undo). `begin()` returns a
 * fresh taskId to pass with the call; progress events carry it back, so two dialogs (or two
 * windows) never read each other's bars.
 */
export function useTaskProgress(): { progress: TaskProgress | null; begin: () => string; reset: () => void } {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const current = useRef<string | null>(null);
  useEvent('progress', (payload) => {
    if (payload.taskId === current.current) setProgress(payload);
  });
  const begin = useCallback(() => {
    counter += 1;
    current.current = `task-${Date.now().toString(36)}-${counter}`;
    setProgress(null);
    return current.current;
  }, []);
  const reset = useCallback(() => {
    current.current = null;
    setProgress(null);
  }, []);
  return { progress, begin, reset };
}
