import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client.js';
import type { ConnectionStore } from '../api/connection.js';
import type { UndoStack } from '../undo/undo-stack.js';

export interface ApiContextValue {
  readonly api: ApiClient;
  readonly connection: ConnectionStore;
  /** This window's own changes, to undo and redo. */
  readonly undo: UndoStack;
}

export const ApiContext = createContext<ApiContextValue | null>(null);

/** The typed client and the connection state; only hooks use this (the query cache is TanStack's own context). */
export function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApiContext needs <ApiProvider> above it');
  return value;
}

export function useApi(): ApiClient {
  return useApiContext().api;
}
