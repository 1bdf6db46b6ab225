import { isAlive } from '../../basex/file-lock.js';
import { BULK_REQUESTS, BULK_STATES, canBecome, type BulkRequest, type BulkState } from '../../domain/bulk-states.js';
import { StoreError, notFound } from './errors.js';
import { JOURNAL_COLUMNS, OP_COLUMNS, toJournalRow, toOpRow, type BulkOpRecord, type JournalRecord } from './bulk-records.js';
import { requireWorkset } from './entry-sql.js';
import type { Param, Sql } from './sql.js';
import {
  JOURNAL_STATES, type BulkOpFilter, type BulkOpRow, type JournalInput, type JournalPageRequest, type JournalRow,
  type JournalState, type NewBulkOp, type Page,
} from './types.js';
import { requireId, requireJson, requireOneOf, requirePage, requireText } from './validate.js';


/**
 * Bulk operations over a workset and their journal: each entry's XML before the change, the
 * version seen at preview and the one written, so a run can be resumed after a crash and undone
 * without touching entries edited since.
 *
 * The counts on the operation follow the journal inside the same transactions (total = rows
 * recorded, changed = applied, skipped = skipped): they cannot disagree after a kill.
 */
export class BulkJournalRepo {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => string,
  ) {}

  /** A new operation in state `previewed`, on the workset's dictionary. */
  create(input: NewBulkOp): BulkOpRow {
    const op = requireJson(input.op, 'the bulk operation');
    return this.sql.write(() => {
      const { dictionary } = requireWorkset(this.sql, input.worksetId);
      const stamp = this.now();
      const { lastInsertRowid } = this.sql.run(
        'INSERT INTO bulk_ops (workset_id, dictionary, op, created, updated) VALUES (?, ?, ?, ?, ?)',
        input.worksetId, dictionary, op, stamp, stamp,
      );
      return this.get(Number(lastInsertRowid));
    });
  }

  get(opId: number): BulkOpRow {
    const record = this.sql.get<BulkOpRecord>(`SELECT ${OP_COLUMNS} FROM bulk_ops WHERE id = ?`, requireId(opId, 'the bulk operation id'));
    if (!record) throw notFound(`bulk operation ${opId}`);
    return toOpRow(record);
  }

  /** Newest first. */
  list(filter: BulkOpFilter = {}): BulkOpRow[] {
    const where: string[] = [];
    const params: Param[] = [];
    if (filter.worksetId !== undefined) {
      where.push('workset_id = ?');
      params.push(requireId(filter.worksetId, 'the workset id'));
    }
    if (filter.dictionary !== undefined) {
      where.push('dictionary = ?');
      params.push(filter.dictionary);
    }
    if (filter.states !== undefined) {
      for (const state of filter.states) requireOneOf(state, BULK_STATES, 'a bulk state');
      where.push(filter.states.length ? `state IN (${filter.states.map(() => '?').join(', ')})` : '0');
      params.push(...filter.states);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    return this.sql.all<BulkOpRecord>(`SELECT ${OP_COLUMNS} FROM bulk_ops${clause} ORDER BY id DESC`, ...params).map(toOpRow);
  }

  listInterrupted(dictionary?: string): BulkOpRow[] {
    return this.list({ dictionary, states: ['interrupted'] });
  }

  /**
   * Moves an operation to `state` (see BULK_TRANSITIONS; anything else is a Conflict). Going to
   * `running` records this process as the runner; `error` is kept with `failed`. Any request
   * (pause, cancel) is settled by the move.
   */
  setState(opId: number, state: BulkState, options: { error?: string } = {}): BulkOpRow {
    requireOneOf(state, BULK_STATES, 'the bulk state');
    return this.sql.write(() => {
      const current = this.get(opId);
      if (!canBecome(current.state, state)) {
        throw new StoreError('Conflict', `bulk operation ${opId} is ${current.state} and cannot become ${state}`, { state: current.state });
      }
      this.sql.run(
        'UPDATE bulk_ops SET state = ?, requested = NULL, runner_pid = ?, error = ?, updated = ? WHERE id = ?',
        state, state === 'running' ? process.pid : null, options.error ?? (state === 'running' ? null : current.error), this.now(), opId,
      );
      return this.get(opId);
    });
  }

  /**
   * Asks the runner of a running operation to pause or cancel between two batches. Any process
   * may ask (the CLI beside the app); the runner reads it with takeRequest. A cancel outranks a
   * pause asked before it; asking again what is already asked changes nothing.
   */
  request(opId: number, request: BulkRequest): BulkOpRow {
    requireOneOf(request, BULK_REQUESTS, 'the request');
    return this.sql.write(() => {
      const current = this.get(opId);
      if (current.state !== 'running') {
        throw new StoreError('Conflict', `bulk operation ${opId} is ${current.state}: only a running operation can be asked to ${request}`, { state: current.state });
      }
      if (current.requested === 'cancel') return current;
      this.sql.run('UPDATE bulk_ops SET requested = ?, updated = ? WHERE id = ?', request, this.now(), opId);
      return this.get(opId);
    });
  }

  /** What was asked of the operation since the runner last looked, if anything. */
  requested(opId: number): BulkRequest | null {
    return this.get(opId).requested;
  }

  /**
   * Journals a batch of entries before they are written, in one transaction. Refused once the
   * operation is no longer previewed or running (a cancelled run must not write on), and when
   * an entry is already journaled for this operation.
   */
  recordBatch(opId: number, rows: readonly JournalInput[]): BulkOpRow {
    return this.sql.write(() => {
      const op = this.get(opId);
      if (op.state !== 'previewed' && op.state !== 'running') {
        throw new StoreError('Conflict', `bulk operation ${opId} is ${op.state}: nothing more can be journaled`, { state: op.state });
      }
      const insert = this.sql.prepare('INSERT INTO bulk_journal (op_id, guid, pre_image, preview_hash) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
      for (const row of rows) {
        const guid = requireText(row.guid, 'an entry guid');
        if (typeof row.preImage !== 'string' || typeof row.previewHash !== 'string') throw new StoreError('Invalid', `entry ${guid} needs its pre-image and preview hash as text`);
        if (insert.run(opId, guid, row.preImage, row.previewHash).changes === 0) {
          throw new StoreError('Conflict', `entry ${guid} is already journaled for bulk operation ${opId}`, { guid });
        }
      }
      this.sql.run('UPDATE bulk_ops SET total = total + ?, updated = ? WHERE id = ?', rows.length, this.now(), opId);
      return this.get(opId);
    });
  }

  /**
   * Marks written entries applied with their new version hash. Allowed in any operation state:
   * a batch already written when the run was cancelled must still be journaled to be undone.
   */
  markApplied(opId: number, rows: readonly { guid: string; postHash: string }[]): BulkOpRow {
    const values = rows.map((row) => ({ guid: row.guid, values: [requireText(row.postHash, `the post-image hash of ${row.guid}`)] }));
    return this.transition(opId, values, 'pending', 'applied', 'post_hash = ?', 'changed');
  }

  /** Marks entries left alone (changed since the preview, deleted, no match) with the reason. */
  markSkipped(opId: number, rows: readonly { guid: string; reason: string }[]): BulkOpRow {
    const values = rows.map((row) => ({ guid: row.guid, values: [requireText(row.reason, `the reason ${row.guid} was skipped`)] }));
    return this.transition(opId, values, 'pending', 'skipped', 'reason = ?', 'skipped');
  }

  /** Marks applied entries put back to their pre-image by an undo. */
  markRestored(opId: number, guids: readonly string[]): BulkOpRow {
    return this.transition(opId, guids.map((guid) => ({ guid, values: [] })), 'applied', 'restored', '', undefined);
  }

  /** A page of the journal in recording order, optionally of one state. */
  journal(opId: number, request: JournalPageRequest): Page<JournalRow> {
    requirePage(request.offset, request.limit);
    const state = request.state === undefined ? undefined : requireOneOf(request.state, JOURNAL_STATES, 'the journal state');
    const where = state === undefined ? 'op_id = ?' : 'op_id = ? AND state = ?';
    const params: Param[] = state === undefined ? [opId] : [opId, state];
    return this.sql.read(() => {
      this.get(opId);
      const total = this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM bulk_journal WHERE ${where}`, ...params)?.n ?? 0;
      const records = request.limit === 0 ? [] : this.sql.all<JournalRecord>(
        `SELECT ${JOURNAL_COLUMNS} FROM bulk_journal WHERE ${where} ORDER BY id LIMIT ? OFFSET ?`, ...params, request.limit, request.offset,
      );
      return { total, offset: request.offset, rows: records.map(toJournalRow) };
    });
  }

  /**
   * The journal in batches, for a run or an undo to walk. Each batch is read afresh after the
   * previous one is handed out, so the walker may mark rows in between (an open SQLite
   * iterator would block every other statement on the connection). `batchSize` may be a function,
   * asked before each batch, for walkers that size batches by time.
   */
  *journalBatches(opId: number, options: { state?: JournalState; batchSize?: number | (() => number) } = {}): Generator<JournalRow[]> {
    const sizeOf = options.batchSize ?? 200;
    const state = options.state === undefined ? undefined : requireOneOf(options.state, JOURNAL_STATES, 'the journal state');
    this.get(opId);
    for (let last = 0; ;) {
      const batchSize = typeof sizeOf === 'function' ? sizeOf() : sizeOf;
      requirePage(0, batchSize);
      const records = state === undefined
        ? this.sql.all<JournalRecord>(`SELECT ${JOURNAL_COLUMNS} FROM bulk_journal WHERE op_id = ? AND id > ? ORDER BY id LIMIT ?`, opId, last, batchSize)
        : this.sql.all<JournalRecord>(`SELECT ${JOURNAL_COLUMNS} FROM bulk_journal WHERE op_id = ? AND state = ? AND id > ? ORDER BY id LIMIT ?`, opId, state, last, batchSize);
      if (records.length === 0) return;
      last = records[records.length - 1].id;
      yield records.map(toJournalRow);
    }
  }

  /**
   * Turns every `running` operation whose runner process is gone into `interrupted`: call once
   * at startup. Runs of processes still alive (the CLI next to the app, another instance) are
   * left running. A pid reused by an unrelated process keeps its op running until that exits.
   */
  markInterrupted(): BulkOpRow[] {
    return this.sql.write(() => {
      const running = this.sql.all<BulkOpRecord>(`SELECT ${OP_COLUMNS} FROM bulk_ops WHERE state = 'running' ORDER BY id`);
      const dead = running.filter((op) => op.runner_pid === null || !isAlive(op.runner_pid));
      const stamp = this.now();
      for (const op of dead) {
        this.sql.run("UPDATE bulk_ops SET state = 'interrupted', runner_pid = NULL, updated = ? WHERE id = ?", stamp, op.id);
      }
      return dead.map((op) => this.get(op.id));
    });
  }

  /** Moves journal rows from one state to another, counting them on the operation. */
  private transition(
    opId: number, rows: readonly { guid: string; values: Param[] }[], from: JournalState, to: JournalState, assignment: string,
    counter: 'changed' | 'skipped' | undefined,
  ): BulkOpRow {
    return this.sql.write(() => {
      this.get(opId);
      const set = assignment ? `state = ?, ${assignment}` : 'state = ?';
      const update = this.sql.prepare(`UPDATE bulk_journal SET ${set} WHERE op_id = ? AND guid = ? AND state = ?`);
      for (const row of rows) {
        if (update.run(to, ...row.values, opId, row.guid, from).changes === 0) {
          const state = this.sql.get<{ state: JournalState }>('SELECT state FROM bulk_journal WHERE op_id = ? AND guid = ?', opId, row.guid)?.state;
          if (!state) throw notFound(`entry ${row.guid} in the journal of bulk operation ${opId}`);
          throw new StoreError('Conflict', `entry ${row.guid} of bulk operation ${opId} is ${state}, not ${from}: cannot mark it ${to}`, { guid: row.guid, state });
        }
      }
      if (counter) this.sql.run(`UPDATE bulk_ops SET ${counter} = ${counter} + ? WHERE id = ?`, rows.length, opId);
      this.sql.run('UPDATE bulk_ops SET updated = ? WHERE id = ?', this.now(), opId);
      return this.get(opId);
    });
  }
}
