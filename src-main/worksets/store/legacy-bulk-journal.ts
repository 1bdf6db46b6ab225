import type { BulkState } from '../../domain/bulk-states.js';
import type { Sql } from './sql.js';
import type { JournalState } from './types.js';

/**
 * What a data folder's SQLite journal held before bulk operations moved to the dictionary's
 * server (migration 4 kept it in `legacy_bulk_ops` and `legacy_bulk_journal`): read once by the
 * bulk service, moved operation by operation, and dropped when nothing is left.
 */

export interface LegacyOperation {
  readonly id: number;
  readonly worksetId: number;
  readonly dictionary: string;
  readonly op: string;
  readonly state: BulkState;
  readonly error: string | null;
}

export interface LegacyJournalRow {
  readonly guid: string;
  readonly preImage: string;
  readonly previewHash: string;
  readonly postHash: string | null;
  readonly state: JournalState;
  readonly reason: string | null;
}

interface JournalRecord {
  id: number;
  guid: string;
  pre_image: string;
  preview_hash: string;
  post_hash: string | null;
  state: JournalState;
  reason: string | null;
}

export class LegacyBulkJournal {
  constructor(private readonly sql: Sql) {}

  /** Whether the tables are still there (with or without rows). */
  exists(): boolean {
    return this.sql.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'legacy_bulk_ops'")?.n === 1;
  }

  operations(): LegacyOperation[] {
    if (!this.exists()) return [];
    return this.sql.all<{ id: number; workset_id: number; dictionary: string; op: string; state: BulkState; error: string | null }>(
      'SELECT id, workset_id, dictionary, op, state, error FROM legacy_bulk_ops ORDER BY id',
    ).map((r) => ({ id: r.id, worksetId: r.workset_id, dictionary: r.dictionary, op: r.op, state: r.state, error: r.error }));
  }

  /** An operation's journal in batches, in recording order. */
  *journal(opId: number, batchSize: number): Generator<LegacyJournalRow[]> {
    for (let last = 0; ;) {
      const records = this.sql.all<JournalRecord>(
        'SELECT id, guid, pre_image, preview_hash, post_hash, state, reason FROM legacy_bulk_journal WHERE op_id = ? AND id > ? ORDER BY id LIMIT ?',
        opId, last, batchSize,
      );
      if (records.length === 0) return;
      last = records[records.length - 1].id;
      yield records.map((r) => ({ guid: r.guid, preImage: r.pre_image, previewHash: r.preview_hash, postHash: r.post_hash, state: r.state, reason: r.reason }));
    }
  }

  /** Forgets a moved operation; the tables go with the last one. */
  remove(opId: number): void {
    this.sql.write(() => {
      this.sql.run('DELETE FROM legacy_bulk_journal WHERE op_id = ?', opId);
      this.sql.run('DELETE FROM legacy_bulk_ops WHERE id = ?', opId);
    });
    this.dropIfEmpty();
  }

  dropIfEmpty(): void {
    this.sql.write(() => {
      if (!this.exists()) return;
      if ((this.sql.get<{ n: number }>('SELECT count(*) AS n FROM legacy_bulk_ops')?.n ?? 0) > 0) return;
      this.sql.run('DROP TABLE legacy_bulk_journal');
      this.sql.run('DROP TABLE legacy_bulk_ops');
    });
  }
}
