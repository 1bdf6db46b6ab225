import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { createClient } from '../api/client.js';
import type { Transport } from '../api/transport.js';
import { UndoStack } from '../undo/undo-stack.js';
import { ApiContext, type ApiContextValue } from './api-context.js';
import { startLiveInvalidation } from './live-invalidation.js';
import { createQueryClient, limitIdleEntries } from './query-client.js';

/** Provides the typed client, the connection state and the window's query cache to every hook below. */
export function ApiProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const value = useMemo<ApiContextValue>(() => ({ api: createClient(transport.api), connection: transport.connection, undo: new UndoStack() }), [transport]);
  const queryClient = useMemo(() => createQueryClient(), [transport]);
  useEffect(() => limitIdleEntries(queryClient), [queryClient]);
  useEffect(() => startLiveInvalidation(value.api, value.connection, queryClient), [value, queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext.Provider value={value}>{children}</ApiContext.Provider>
    </QueryClientProvider>
  );
}
