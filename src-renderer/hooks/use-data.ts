import { RESUMABLE_STATES, type AppStatus, type CheckReport, type BulkOperation, type ChangeRecord, type DictionarySummary, type DictionaryVocabulary, type EntryDetail, type WorksetSummary } from '../api/contract.js';
import { useApi } from './api-context.js';
import { keys } from './keys.js';
import { useResource } from './use-resource.js';

/**
 * The app's cached reads, one hook each. They refresh on the contract's events (see
 * live-invalidation.ts); components only render what they return.
 */

export function useDictionaries() {
  const api = useApi();
  return useResource<DictionarySummary[]>(keys.dictionaries, 'dictionaries.list', () => api.dictionaries.list());
}

export function useVocabulary(dictionary: string | null) {
  const api = useApi();
  return useResource<DictionaryVocabulary>(dictionary === null ? null : keys.vocabulary(dictionary), 'dictionaries.vocabulary', () =>
    api.dictionaries.vocabulary({ database: dictionary ?? '' }),
  );
}

export function useWorksets(dictionary: string | null) {
  const api = useApi();
  return useResource<WorksetSummary[]>(dictionary === null ? null : keys.worksets(dictionary), 'worksets.list', () => api.worksets.list({ dictionary: dictionary ?? undefined }));
}

/** What the dictionary's consistency checks find (its Clean up area). */
export function useChecks(dictionary: string) {
  const api = useApi();
  return useResource<CheckReport>(keys.checks(dictionary), 'checks.run', () => api.checks.run({ dictionary }));
}

/** One workset's summary: name, query and the done/review/pending counts for its progress bar. */
export function useWorkset(id: number | null) {
  const api = useApi();
  return useResource<WorksetSummary>(id === null ? null : keys.workset(id), 'worksets.get', () => api.worksets.get({ id: id ?? 0 }));
}

export function useEntry(dictionary: string | null, guid: string | null) {
  const api = useApi();
  const key = dictionary === null || guid === null ? null : keys.entry(dictionary, guid);
  return useResource<EntryDetail>(key, 'entries.get', () => api.entries.get({ dictionary: dictionary ?? '', guid: guid ?? '' }));
}

/** An entry's recorded changes, newest first; `open` false reads nothing (the panel is closed). */
export function useEntryHistory(dictionary: string, guid: string, open: boolean) {
  const api = useApi();
  return useResource<ChangeRecord[]>(open ? keys.entryHistory(dictionary, guid) : null, 'entries.history', () => api.entries.history({ dictionary, guid }));
}

export function useAppStatus() {
  const api = useApi();
  return useResource<AppStatus>(keys.appStatus, 'app.status', () => api.app.status());
}

/** Bulk operations of a workset that were cut short (paused, the app quit, a failure): to undo or resume. */
export function useUnfinishedBulk(worksetId: number | null) {
  const api = useApi();
  return useResource<BulkOperation[]>(worksetId === null ? null : keys.bulkOps(worksetId), 'bulk.list', () =>
    api.bulk.list({ worksetId: worksetId ?? undefined, state: [...RESUMABLE_STATES] }),
  );
}
