/**
 * Channel and event names without zod, for the preload: it checks every call against these
 * allowlists and bundles nothing else. contract.ts checks that its schemas match this list.
 */
export const CHANNEL_NAMES = [
  'app.status',
  'app.setName',
  'dictionaries.list',
  'dictionaries.import',
  'dictionaries.export',
  'dictionaries.vocabulary',
  'dictionaries.restore',
  'dictionaries.restoreCuration',
  'uploads.begin',
  'uploads.chunk',
  'worksets.list',
  'worksets.get',
  'worksets.create',
  'worksets.validate',
  'worksets.rename',
  'worksets.delete',
  'worksets.page',
  'worksets.refresh',
  'worksets.setQuery',
  'worksets.duplicate',
  'worksets.setStatus',
  'worksets.setFavourite',
  'worksets.setNotes',
  'worksets.navigate',
  'worksets.progress',
  'worksets.assign',
  'checks.run',
  'checks.setRequiredGloss',
  'checks.addRule',
  'checks.deleteRule',
  'checks.open',
  'presence.update',
  'entries.get',
  'entries.edit',
  'entries.create',
  'entries.revert',
  'entries.history',
  'entries.targets',
  'bulk.preview',
  'bulk.run',
  'bulk.cancel',
  'bulk.pause',
  'bulk.undo',
  'bulk.resume',
  'bulk.list',
  'sheets.export',
  'sheets.import',
  'sheets.undo',
  'duplicates.find',
  'duplicates.separate',
  'duplicates.preview',
  'duplicates.merge',
  'duplicates.undo',
  'windows.open',
  'dialogs.openLift',
  'dialogs.saveLift',
] as const;
export type Channel = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = ['progress', 'entries-changed', 'worksets-changed', 'dictionaries-changed', 'sessions', 'menu'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The IPC channel names Electron uses under the hood (the preload and main agree on them). */
export const IPC_CALL = 'workset-browser:call';
export const IPC_EVENT = 'workset-browser:event';
