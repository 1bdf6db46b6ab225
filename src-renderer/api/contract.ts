/**
 * Everything the renderer may know about the other side: the shared contract's types and the
 * zod-free metadata (field specs, names). One import path, so no component reaches into
 * src-main for anything else.
 */
export type * from '../../src-main/ipc/contract.js';
export { CHANNEL_NAMES, EVENT_NAMES } from '../../src-main/ipc/contract/names.js';
export { STATUSES, PAGE_SORT_KEYS } from '../../src-main/ipc/contract/workset.js';
export { EDIT_ACTIONS, EDIT_FIELDS, TEXT_FIELDS, SENSE_FIELDS } from '../../src-main/ipc/contract/edit.js';
export { BULK_STATES } from '../../src-main/ipc/contract/bulk.js';
export {
  FIELDS,
  FIELD_SPECS,
  OPS_BY_KIND,
  VALUELESS_OPS,
  LIST_OPS,
  SORT_KEYS,
  MATCH_MODES,
  MAX_DEPTH,
  formatIssuePath,
} from '../../src-main/ipc/contract/query.js';
