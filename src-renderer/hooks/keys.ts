/**
 * Cache keys, in one place so the invalidation rules and the hooks agree on them.
 * Names are URI-encoded because a dictionary name may contain a colon.
 */
const part = (value: string | number): string => encodeURIComponent(String(value));

export const keys = {
  appStatus: 'app-status',
  dictionaries: 'dictionaries',
  vocabulary: (dictionary: string) => `vocabulary:${part(dictionary)}`,
  worksets: (dictionary: string) => `worksets:${part(dictionary)}`,
  workset: (id: number) => `workset:${id}`,
  entry: (dictionary: string, guid: string) => `entry:${part(dictionary)}:${part(guid)}`,
  bulkOps: (worksetId: number) => `bulk:${worksetId}`,
} as const;

export const prefixes = {
  worksets: 'worksets:',
  workset: 'workset:',
  bulk: 'bulk:',
  entriesOf: (dictionary: string) => `entry:${part(dictionary)}:`,
} as const;
