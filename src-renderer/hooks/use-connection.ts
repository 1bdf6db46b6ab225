import { useSyncExternalStore } from 'react';
import type { ConnectionState } from '../api/connection.js';
import { useApiContext } from './api-context.js';

/** This window's link to the app (always open in Electron). */
export function useConnection(): ConnectionState & { retry: () => void } {
  const { connection } = useApiContext();
  const state = useSyncExternalStore(connection.subscribe, connection.get);
  return { ...state, retry: connection.retry };
}
