import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { Presence, PresencePlace } from '../api/contract.js';
import { useApi } from './api-context.js';
import { keys } from './keys.js';

/** How often a window says where it is and hears who else is there (the server keeps it fresh for 30 s). */
const PRESENCE_POLL_MS = 5000;

/**
 * Says where this window is (`place`: the dictionary, workset and entry it shows) and answers
 * the other windows on the same dictionary, on any desktop of the server. Soft: a failed look
 * shows nobody rather than an error, since presence is a courtesy, not data.
 */
export function usePresence(place: PresencePlace | null): readonly Presence[] {
  const api = useApi();
  const query = useQuery({
    queryKey: keys.presence(place?.dictionary ?? null, place?.worksetId ?? null, place?.guid ?? null),
    queryFn: place === null ? skipToken : () => api.presence.update({ dictionary: place.dictionary, worksetId: place.worksetId, guid: place.guid }),
    refetchInterval: PRESENCE_POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
    // A move is a new key: the old place's answer is still the best guess until the new one lands.
    placeholderData: (previous) => previous,
  });
  return query.data ?? [];
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cai": each name once. */
export function namesOf(present: readonly Presence[]): string {
  const names = [...new Set(present.map((p) => p.who))];
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const NOBODY: readonly Presence[] = [];

/**
 * Who else is on `dictionary`, as the view that reports this window's place last heard it:
 * read from the cache, never asked, since asking is saying where this window is (and a second
 * place would move it). Nobody until a view has asked.
 */
export function usePresenceHeard(dictionary: string | null): readonly Presence[] {
  const client = useQueryClient();
  const subscribe = useCallback((listener: () => void) => client.getQueryCache().subscribe(listener), [client]);
  const read = useCallback((): readonly Presence[] => {
    if (dictionary === null) return NOBODY;
    const heard = client.getQueryCache().findAll({ queryKey: ['presence', dictionary] }).filter((query) => query.state.data !== undefined);
    const newest = heard.sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)[0];
    return (newest?.state.data as readonly Presence[] | undefined) ?? NOBODY;
  }, [client, dictionary]);
  return useSyncExternalStore(subscribe, read);
}
