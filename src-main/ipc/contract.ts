import { z } from 'zod';
import type { BulkOperation, BulkOutcome, BulkPreview } from '../domain/bulk-operations.js';
import { BULK_STATES } from '../domain/bulk-states.js';
import type { DictionarySummary, DictionaryVocabulary, ExportResult, ImportResult, RestoredWorkset } from '../domain/dictionaries.js';
import type { ChangeRecord } from '../domain/changes.js';
import type { WorksetMenuCommand } from '../domain/workset-menu.js';
import type { CheckReport, UserRule } from '../domain/checks.js';
import type { EntryDetail, RelationTarget, SavedEntry } from '../domain/entries.js';
import type { DuplicateReport, MergeOutcome, MergePreview } from '../domain/duplicates.js';
import type { ApiError } from '../domain/errors.js';
import type { Presence } from '../domain/presence.js';
import { SHEET_FORMATS, type SheetExportResult, type SheetImportResult, type SheetUndoResult } from '../domain/sheets.js';
import type { Validation } from '../domain/query-issues.js';
import { SORT_DIRECTIONS } from '../domain/query-model.js';
import { STATUSES, type StatusCounts } from '../domain/statuses.js';
import { PAGE_SORT_KEYS, type AssignResult, type RefreshResult, type WorksetEntry, type WorksetPage, type WorksetSummary } from '../domain/worksets.js';
import { fieldEditSchema } from './contract/edit.js';
import type { Channel, EventName } from './contract/names.js';
import { querySchema } from './contract/query.js';

/**
 * The contract between the renderer and the main process: every channel's argument schema, its
 * result type and every event. Electron IPC and the browser host's WebSocket are two transports
 * over this same map. The values that cross it are the domain model's (src-main/domain/); this
 * module adds only the channels, their zod schemas and the transport's own types.
 */
export * from './contract/edit.js';
export * from './contract/names.js';
export * from './contract/query.js';

/** What every call answers: its result, or the error as a value (errors lose their fields crossing the context bridge). */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const database = z.string().min(1).max(128);
const guid = z.string().min(1).max(256);
const name = z.string().trim().min(1, 'name is empty').max(200, 'name is longer than 200 characters');
/** Chosen by the renderer so it can match progress events to the call that started them. */
const taskId = z.string().min(1).max(64).optional();
const pageFilter = {
  status: z.array(z.enum(STATUSES)).max(3).optional(),
  favourite: z.boolean().optional(),
  /** Only the entries assigned to this person; null: to nobody. */
  assignedTo: z.string().min(1).max(200).nullable().optional(),
  sort: z.object({ by: z.enum(PAGE_SORT_KEYS), dir: z.enum(SORT_DIRECTIONS) }).strict().optional(),
};
/** A merge: the entry kept, those merged into it, and whose value each conflicting single value takes (`KEY=GUID`). */
const merge = {
  dictionary: database,
  keep: guid,
  merged: z.array(guid).min(1, 'name at least one entry to merge into the kept one').max(100),
  choices: z.array(z.string().min(3).max(400)).max(100),
};
const args = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

export const channels = {
  'app.status': args({}),
  'app.setName': args({ who: name }),
  'dictionaries.list': args({}),
  'dictionaries.import': args({ file: z.string().min(1).max(4096).optional(), uploadId: z.string().max(64).optional(), rangesUploadId: z.string().max(64).optional(), database: database.optional(), replace: z.boolean().optional(), taskId }),
  'dictionaries.export': args({ database, file: z.string().min(1).max(4096).optional(), withCuration: z.boolean().optional() }),
  'dictionaries.vocabulary': args({ database }),
  'dictionaries.restore': args({ database }),
  'dictionaries.restoreCuration': args({ database }),
  'uploads.begin': args({ fileName: z.string().min(1).max(255), size: z.number().int().min(0).max(2 ** 32) }),
  'uploads.chunk': args({ uploadId: z.string().min(1).max(64), base64: z.string().max(4 * 1024 * 1024) }),
  'worksets.list': args({ dictionary: database.optional() }),
  'worksets.get': args({ id }),
  'worksets.create': args({ dictionary: database, name, description: z.string().max(10_000).optional(), query: querySchema }),
  'worksets.validate': args({ dictionary: database, query: z.unknown() }),
  'worksets.rename': args({ id, name }),
  'worksets.delete': args({ id }),
  'worksets.page': args({ id, offset: z.number().int().min(0), limit: z.number().int().min(1).max(500), ...pageFilter }),
  'worksets.refresh': args({ id }),
  'worksets.setQuery': args({ id, query: querySchema }),
  'worksets.duplicate': args({ id, name }),
  'worksets.setStatus': args({ id, guid, status: z.enum(STATUSES) }),
  'worksets.setFavourite': args({ id, guid, favourite: z.boolean() }),
  'worksets.setNotes': args({ id, guid, notes: z.string().max(100_000) }),
  'worksets.navigate': args({ id, guid: guid.optional(), direction: z.enum(['first', 'previous', 'next', 'last']), ...pageFilter }),
  'worksets.progress': args({ id }),
  'worksets.assign': args({
    id,
    to: z.array(z.string().trim().min(1, 'a name is empty').max(200)).max(100),
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('all') }).strict(),
      z.object({ kind: z.literal('unassigned'), count: z.number().int().min(1).optional(), from: z.number().int().min(0).optional() }).strict(),
      z.object({ kind: z.literal('filter'), query: querySchema }).strict(),
      z.object({ kind: z.literal('guids'), guids: z.array(guid).max(100_000) }).strict(),
    ]),
  }),
  'checks.run': args({ dictionary: database }),
  'checks.setRequiredGloss': args({ dictionary: database, langs: z.array(z.string().trim().regex(/^\S{1,64}$/, 'a writing system id has no spaces and at most 64 characters')).max(50) }),
  'checks.addRule': args({ dictionary: database, name, query: querySchema }),
  'checks.deleteRule': args({ dictionary: database, id }),
  'checks.open': args({ dictionary: database, rule: z.string().min(1).max(200) }),
  'presence.update': args({ dictionary: database, worksetId: id.optional(), guid: guid.optional() }),
  'entries.get': args({ dictionary: database, guid }),
  'entries.edit': args({ dictionary: database, guid, version: z.string().min(1).max(128), edit: fieldEditSchema }),
  'entries.create': args({
    dictionary: database,
    lang: z.string().min(1).max(64),
    headword: z.string().trim().min(1, 'the headword is empty').max(1_000),
    gloss: z.object({ lang: z.string().min(1).max(64), text: z.string().max(10_000) }).strict().optional(),
  }),
  'entries.revert': args({ dictionary: database, seq: id, force: z.boolean().optional() }),
  'entries.history': args({ dictionary: database, guid }),
  'entries.targets': args({ dictionary: database, refs: z.array(z.string().min(1).max(1_000)).max(1_000) }),
  // guids: only these members of the workset (the selected rows).
  'bulk.preview': args({ worksetId: id, op: fieldEditSchema, taskId, guids: z.array(guid).min(1, 'no entries are chosen').max(100_000, 'at most 100,000 entries can be chosen at once').optional() }),
  'bulk.run': args({ operationId: id, taskId }),
  'bulk.cancel': args({ operationId: id }),
  'bulk.pause': args({ operationId: id }),
  'bulk.undo': args({ operationId: id, taskId }),
  'bulk.resume': args({ operationId: id, taskId }),
  'bulk.list': args({ worksetId: id.optional(), state: z.array(z.enum(BULK_STATES)).optional() }),
  'sheets.export': args({ worksetId: id, format: z.enum(SHEET_FORMATS), columns: z.array(z.string().min(1).max(100)).max(200).optional() }),
  /** The sheet itself, base64 (a browser page has no path to give): 6 MiB of it fits the host's 8 MiB message. */
  'sheets.import': args({ worksetId: id, fileName: z.string().min(1).max(255), base64: z.string().max(6 * 1024 * 1024), apply: z.boolean() }),
  'sheets.undo': args({ worksetId: id, records: z.array(id).min(1).max(1_000_000) }),
  'duplicates.find': args({ dictionary: database }),
  'duplicates.separate': args({ dictionary: database, guids: z.array(guid).min(2, 'say which entries are not duplicates: at least two').max(100) }),
  'duplicates.preview': args(merge),
  'duplicates.merge': args({ ...merge, versions: z.record(guid, z.string().min(1).max(128)).optional() }),
  'duplicates.undo': args({ operationId: id }),
  'windows.open': args({ worksetId: id.optional() }),
  'dialogs.openLift': args({}),
  'dialogs.saveLift': args({ defaultName: z.string().max(255).optional() }),
} as const satisfies Record<Channel, z.ZodType>;

// Every name in the preload's allowlist has a schema here, and no schema is missing from it.
const _namesMatch: Channel extends keyof typeof channels ? (keyof typeof channels extends Channel ? true : never) : never = true;

/** What the renderer sends (defaults not yet applied). */
export type ChannelArgs<C extends Channel> = z.input<(typeof channels)[C]>;
/** What a handler receives, validated. */
export type ParsedArgs<C extends Channel> = z.output<(typeof channels)[C]>;

export interface AppStatus {
  readonly windowId: string;
  readonly platform: 'electron' | 'browser';
  readonly dataFolder: string;
  readonly server: { readonly url: string; readonly embedded: boolean };
  readonly session: { readonly clientAddress: string | null; readonly live: boolean };
  readonly sessions: { readonly windows: number; readonly live: number };
  /** The person's name the change log records for this app's changes. */
  readonly who: string;
}

export interface ChannelResults {
  'app.status': AppStatus;
  'app.setName': { who: string };
  'dictionaries.list': DictionarySummary[];
  'dictionaries.import': ImportResult;
  'dictionaries.export': ExportResult;
  'dictionaries.vocabulary': DictionaryVocabulary;
  'dictionaries.restore': { restored: string; backup?: string };
  'dictionaries.restoreCuration': RestoredWorkset[];
  'uploads.begin': { uploadId: string };
  'uploads.chunk': { received: number };
  'worksets.list': WorksetSummary[];
  'worksets.get': WorksetSummary;
  'worksets.create': { id: number; name: string; total: number };
  'worksets.validate': Validation;
  'worksets.rename': WorksetSummary;
  'worksets.delete': { deleted: true };
  'worksets.page': WorksetPage;
  'worksets.refresh': RefreshResult;
  'worksets.setQuery': RefreshResult;
  'worksets.duplicate': { id: number; name: string; total: number };
  'worksets.setStatus': WorksetEntry;
  'worksets.setFavourite': WorksetEntry;
  'worksets.setNotes': WorksetEntry;
  'worksets.navigate': WorksetEntry | null;
  'worksets.progress': StatusCounts;
  'worksets.assign': AssignResult;
  'checks.run': CheckReport;
  'checks.setRequiredGloss': { langs: string[] };
  'checks.addRule': UserRule;
  'checks.deleteRule': { deleted: true };
  'checks.open': { id: number; name: string; total: number };
  'presence.update': Presence[];
  'entries.get': EntryDetail;
  'entries.edit': SavedEntry;
  'entries.create': SavedEntry;
  'entries.revert': SavedEntry;
  'entries.history': ChangeRecord[];
  'entries.targets': RelationTarget[];
  'bulk.preview': BulkPreview;
  'bulk.run': BulkOutcome;
  'bulk.cancel': BulkOperation;
  'bulk.pause': BulkOperation;
  'bulk.undo': BulkOutcome;
  'bulk.resume': BulkOutcome;
  'bulk.list': BulkOperation[];
  'sheets.export': SheetExportResult;
  'sheets.import': SheetImportResult;
  'sheets.undo': SheetUndoResult;
  'duplicates.find': DuplicateReport;
  'duplicates.separate': { separated: number };
  'duplicates.preview': MergePreview;
  'duplicates.merge': MergeOutcome;
  'duplicates.undo': BulkOutcome;
  'windows.open': { opened: boolean; url?: string };
  'dialogs.openLift': { file: string | null };
  'dialogs.saveLift': { file: string | null };
}
export type ChannelResult<C extends Channel> = ChannelResults[C];

/** The commands of Electron's menus that the focused window carries out. */
export type MenuCommand = 'import' | 'export' | 'new-workset' | 'undo' | 'redo' | 'quick-search' | 'shortcuts' | WorksetMenuCommand;

/** Events from main to renderer windows. */
export interface EventPayloads {
  /** Progress of a long task this window started. */
  progress: { taskId: string; kind: 'import' | 'bulk' | 'undo'; phase: string; done: number; total: number };
  /** Entries another (or this) window wrote: views showing them refetch. */
  /** `origin` is the window that wrote, or `log` for a change another process or desktop made (`who` names its people). */
  'entries-changed': { dictionary: string; guids: string[]; origin: string; who?: string };
  /** Worksets created, renamed, deleted or refreshed, or their entries' curation (guids). */
  'worksets-changed': { dictionary: string; worksetId?: number; guids?: string[]; origin: string };
  /** A dictionary was imported or replaced. */
  'dictionaries-changed': { name: string; origin: string };
  /** Sessions open on the BaseX server through this app, for the status bar. */
  sessions: { windows: number; live: number };
  /** A menu command for the focused window (Electron menus). */
  menu: { command: MenuCommand };
}
const _eventsMatch: EventName extends keyof EventPayloads ? (keyof EventPayloads extends EventName ? true : never) : never = true;

/**
 * What the renderer gets as `window.api`, from the preload (Electron) or the WebSocket bridge
 * (browser host): calls answer with a result value, never a thrown error, because errors lose
 * their fields crossing the context bridge.
 */
export interface RendererApi {
  readonly platform: 'electron' | 'browser';
  call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ApiResult<ChannelResult<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
