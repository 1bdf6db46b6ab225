import type { BulkRequest, BulkState } from '../../domain/bulk-states.js';
import type { BulkOpRow, JournalRow, JournalState } from './types.js';

/** Bulk operations and journal rows as SQLite returns them, and their mapping to the store's records. */

export interface BulkOpRecord {
  id: number;
  workset_id: number;
  dictionary: string;
  op: string;
  state: BulkState;
  requested: BulkRequest | null;
  total: number;
  changed: number;
  skipped: number;
  error: string | null;
  runner_pid: number | null;
  created: string;
  updated: string;
}

export interface JournalRecord {
  id: number;
  op_id: number;
  guid: string;
  pre_image: string;
  preview_hash: string;
  post_hash: string | null;
  state: JournalState;
  reason: string | null;
}

export const OP_COLUMNS = 'id, workset_id, dictionary, op, state, requested, total, changed, skipped, error, runner_pid, created, updated';
export const JOURNAL_COLUMNS = 'id, op_id, guid, pre_image, preview_hash, post_hash, state, reason';

export function toOpRow(record: BulkOpRecord): BulkOpRow {
  return {
    id: record.id,
    worksetId: record.workset_id,
    dictionary: record.dictionary,
    op: record.op,
    state: record.state,
    requested: record.requested,
    total: record.total,
    changed: record.changed,
    skipped: record.skipped,
    error: record.error,
    runnerPid: record.runner_pid,
    created: record.created,
    updated: record.updated,
  };
}

export function toJournalRow(record: JournalRecord): JournalRow {
  return {
    opId: record.op_id,
    guid: record.guid,
    preImage: record.pre_image,
    previewHash: record.preview_hash,
    postHash: record.post_hash,
    state: record.state,
    reason: record.reason,
  };
}
