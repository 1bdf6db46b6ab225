import { useEffect, useMemo, type ReactNode } from 'react';
import { createClient } from '../api/client.js';
import type { Transport } from '../api/transport.js';
import { ApiContext, type ApiContextValue } from './api-context.js';
import { startLiveInvalidation } from './live-invalidation.js';
import { ResourceCache } from './resource-cache.js';

/** Provides the typed client, the connection state and the shared cache to every hook below. */
export function ApiProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const value = useMemo<ApiContextValue>(
    () => ({ api: createClient(transport.api), connection: transport.connection, cache: new ResourceCache() }),
    [transport],
  );
  useEffect(() => startLiveInvalidation(value.api, value.connection, value.cache), [value]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}
