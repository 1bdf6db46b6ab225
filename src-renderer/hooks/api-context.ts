import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client.js';
import type { ConnectionStore } from '../api/connection.js';
import type { ResourceCache } from './resource-cache.js';

export interface ApiContextValue {
  readonly api: ApiClient;
  readonly connection: ConnectionStore;
  readonly cache: ResourceCache;
}

export const ApiContext = createContext<ApiContextValue | null>(null);

/** The typed client, the connection state and the shared cache; only hooks use this. */
export function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApiContext needs <ApiProvider> above it');
  return value;
}

export function useApi(): ApiClient {
  return useApiContext().api;
}
