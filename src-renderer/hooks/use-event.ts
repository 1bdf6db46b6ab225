import { useEffect, useRef } from 'react';
import type { EventName, EventPayloads } from '../api/contract.js';
import { useApi } from './api-context.js';

/** Subscribes to one of the contract's events for the component's lifetime. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): void {
  const api = useApi();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event]);
}
