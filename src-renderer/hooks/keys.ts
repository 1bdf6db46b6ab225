/**
 * Query keys, in one place so the invalidation rules and the hooks agree on them. A key is a
 * prefix of the longer ones under it: `entriesOf('sample')` matches every entry of that
 * dictionary, `['bulk']` every workset's bulk list.
 */
export const keys = {
  appStatus: ['app-status'],
  dictionaries: ['dictionaries'],
  vocabulary: (dictionary: string) => ['vocabulary', dictionary] as const,
  worksets: (dictionary: string) => ['worksets', dictionary] as const,
  checks: (dictionary: string) => ['checks', dictionary] as const,
  workset: (id: number) => ['workset', id] as const,
  entriesOf: (dictionary: string) => ['entry', dictionary] as const,
  entry: (dictionary: string, guid: string) => ['entry', dictionary, guid] as const,
  /** Under the entry's key, so whatever makes the entry stale makes its history stale too. */
  entryHistory: (dictionary: string, guid: string) => ['entry', dictionary, guid, 'history'] as const,
  /** What the entry's relations point at: under the entry's key, so its changes refresh them. */
  relationTargets: (dictionary: string, guid: string, refs: readonly string[]) => ['entry', dictionary, guid, 'targets', ...refs] as const,
  allEntries: ['entry'],
  /** Where this window is and who else is there: a new key each time the window moves. */
  presence: (dictionary: string | null, worksetId: number | null, guid: string | null) => ['presence', dictionary, worksetId, guid] as const,
  allPresence: ['presence'],
  allBulkOps: ['bulk'],
  duplicates: (dictionary: string) => ['duplicates', dictionary] as const,
  bulkOps: (worksetId: number) => ['bulk', worksetId] as const,
} as const;
