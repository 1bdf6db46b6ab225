/**
 * Everything the renderer may know about the other side: the domain model (plain types and
 * constants) and the channel and event names. Never the zod schemas: the main process validates
 * every call, and bundling zod here would only add to the page. The contract's transport types
 * are imported as types only, so nothing of that module reaches the bundle.
 */
export type { AppStatus, ApiResult, Channel, ChannelArgs, ChannelResult, ChannelResults, EventName, EventPayloads, RendererApi } from '../../src-main/ipc/contract.js';
export { CHANNEL_NAMES, EVENT_NAMES } from '../../src-main/ipc/contract/names.js';
export * from '../../src-main/domain/bulk-operations.js';
export * from '../../src-main/domain/bulk-states.js';
export * from '../../src-main/domain/changes.js';
export * from '../../src-main/domain/checks.js';
export * from '../../src-main/domain/dictionaries.js';
export * from '../../src-main/domain/duplicates.js';
export * from '../../src-main/domain/edits.js';
export * from '../../src-main/domain/entry-part-edits.js';
export * from '../../src-main/domain/entries.js';
export * from '../../src-main/domain/errors.js';
export * from '../../src-main/domain/fields.js';
export * from '../../src-main/domain/sheets.js';
export * from '../../src-main/domain/operators.js';
export * from '../../src-main/domain/query-issues.js';
export * from '../../src-main/domain/range-values.js';
export * from '../../src-main/domain/presence.js';
export * from '../../src-main/domain/query-model.js';
export * from '../../src-main/domain/statuses.js';
export * from '../../src-main/domain/worksets.js';
export * from '../../src-main/domain/workset-menu.js';
