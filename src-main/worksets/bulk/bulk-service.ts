import { isConnectionError } from '../../basex/errors.js';
import { isAlive } from '../../basex/file-lock.js';
import type { Queryable } from '../../basex/queryable.js';
import { AppError } from '../../domain/app-error.js';
import type { BulkOperation, BulkOutcome, BulkPreview, BulkSkip } from '../../domain/bulk-operations.js';
import { fieldEditSchema } from '../../ipc/contract/edit.js';
import type { ChangeAuthor } from '../../domain/changes.js';
import type { FieldEdit } from '../../domain/edits.js';
import type { ChangeMeta } from '../../lift/change-log.js';
import { applyEdit, previewEdit, readEntries, reconcileEdit, restoreEntries, type WriteOutcome } from '../../lift/entry-xml.js';
import { PAUSABLE_STATES, RESUMABLE_STATES, UNDOABLE_STATES } from '../../domain/bulk-states.js';
import type { BulkOpRow, JournalRow, JournalState, Store } from '../store/index.js';
import { checkEdit } from '../check-edit.js';
import { updateSortKeys } from '../sort-keys.js';
import { BatchSizer } from './batch-sizer.js';

/** How many entries a preview shows before and after. */
export const PREVIEW_ROWS = 20;

export interface BulkProgress {
  /** `reconcile`: after a crash, finding out which journalled writes reached BaseX. */
  readonly phase: 'journal' | 'reconcile' | 'apply' | 'undo';
  readonly done: number;
  readonly total: number;
}

export interface BulkHooks {
  /** The window the call came from, recorded in the change log (`cli` when absent). */
  readonly window?: string;
  readonly onProgress?: (progress: BulkProgress) => void;
  /** Entries written by a batch, as soon as it lands and their sort keys are current (other windows refresh them). */
  readonly onWritten?: (dictionary: string, guids: string[]) => void | Promise<void>;
}

const SKIP_REASONS: Record<string, string> = {
  changed: 'changed by someone else since the preview',
  missing: 'deleted from the dictionary since the preview',
  unchanged: 'already had the new value',
};

/**
 * Bulk operations over a workset, with a journal that makes them safe to undo.
 *
 * The preview journals every entry's XML and version before anything is written. A run then
 * applies the edit in batches, each write guarded by the version seen at the preview, so an
 * entry someone changed since is skipped and reported, never clobbered. Undo puts the journalled
 * pre-images back, byte for byte, except over entries changed after the run. A run killed midway
 * is found `interrupted` at the next start, and a run that lost BaseX (killed, restarted) is
 * `interrupted` at once; either can be undone or resumed. A pause or a cancel may be asked by any
 * process (it is kept with the operation); the runner acts on it between two batches, so a
 * paused run has written whole batches only, and stays paused across restarts until resumed.
 *
 * Every walk over entries goes in batches sized by time (BatchSizer), so progress reaches the UI
 * several times a second however large the entries or slow the machine.
 */
export class BulkService {
  constructor(
    private readonly store: Store,
    private readonly author: ChangeAuthor,
  ) {}

  async preview(session: Queryable, worksetId: number, op: FieldEdit, hooks: BulkHooks = {}): Promise<BulkPreview> {
    const workset = this.store.worksets.get(worksetId);
    const guids = this.store.entries.guids(worksetId);
    // Before the row exists: a pattern BaseX refuses would fail every entry, and leave a stray operation.
    await checkEdit(session, op);
    const row = this.store.bulk.create({ worksetId, op: JSON.stringify(op) });
    try {
      const sample = this.store.entries.page(worksetId, { offset: 0, limit: PREVIEW_ROWS });
      const changes = await previewEdit(session, workset.dictionary, op, sample.rows.map((r) => r.guid));
      const headwords = new Map(sample.rows.map((r) => [r.guid, r.keys.headword ?? '']));
      const sizer = new BatchSizer();
      for (let done = 0; done < guids.length; ) {
        const batch = guids.slice(done, done + sizer.size);
        const started = Date.now();
        const entries = await readEntries(session, workset.dictionary, batch);
        this.store.bulk.recordBatch(row.id, entries.map((e) => ({ guid: e.guid, preImage: e.xml, previewHash: e.version })));
        done += batch.length;
        sizer.record(batch.length, Date.now() - started);
        hooks.onProgress?.({ phase: 'journal', done, total: guids.length });
      }
      return {
        operation: operation(this.store.bulk.get(row.id)),
        rows: changes.map((c) => ({ ...c, headword: headwords.get(c.guid) ?? '' })),
      };
    } catch (error) {
      // A half-journalled operation must never run: it would edit only part of the workset.
      this.store.bulk.setState(row.id, 'cancelled', { error: `the preview did not finish: ${messageOf(error)}` });
      throw error;
    }
  }

  /** Applies a previewed operation; cancel() stops it between batches. */
  async run(session: Queryable, opId: number, hooks: BulkHooks = {}): Promise<BulkOutcome> {
    const row = this.store.bulk.get(opId);
    if (row.state !== 'previewed') throw new AppError('Conflict', `bulk operation ${opId} is ${row.state}: only a previewed operation can run`);
    return this.apply(session, row, hooks);
  }

  /** Finishes a paused, interrupted or failed run: entries already written are recognised, not written twice. */
  async resume(session: Queryable, opId: number, hooks: BulkHooks = {}): Promise<BulkOutcome> {
    const row = this.store.bulk.get(opId);
    if (!RESUMABLE_STATES.has(row.state)) {
      throw new AppError('Conflict', `bulk operation ${opId} is ${row.state}: only a paused, interrupted or failed operation can resume`);
    }
    return this.apply(session, row, hooks);
  }

  /** Stops a run for good after its current batch (a paused one at once); what it wrote stays undoable. */
  cancel(opId: number): BulkOperation {
    const row = this.store.bulk.get(opId);
    if (row.state === 'previewed' || row.state === 'paused') return operation(this.store.bulk.setState(opId, 'cancelled'));
    if (row.state !== 'running') throw new AppError('Conflict', `bulk operation ${opId} is ${row.state}: there is nothing to cancel`);
    return operation(this.store.bulk.request(opId, 'cancel'));
  }

  /**
   * Asks a running operation to pause after the batch it is writing. The run's own call then
   * answers with state `paused`; resume() carries on from there.
   */
  pause(opId: number): BulkOperation {
    const row = this.store.bulk.get(opId);
    if (row.state === 'paused') return operation(row);
    if (!PAUSABLE_STATES.has(row.state)) throw new AppError('Conflict', `bulk operation ${opId} is ${row.state}: only a running operation can be paused`);
    return operation(this.store.bulk.request(opId, 'pause'));
  }

  /**
   * Waits until a run that was asked to pause or cancel has acted on it, however far away its
   * runner is (the app, while the CLI asked). A runner that died meanwhile leaves it interrupted.
   */
  async stopped(opId: number, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<BulkOperation> {
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    for (;;) {
      const row = this.store.bulk.get(opId);
      if (row.state !== 'running') return operation(row);
      if (row.runnerPid === null || !isAlive(row.runnerPid)) {
        this.store.bulk.markInterrupted();
        continue;
      }
      if (Date.now() > deadline) throw new AppError('Unavailable', `bulk operation ${opId} is still writing its current batch: try again in a moment`);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 50));
    }
  }

  /** Puts every entry the operation changed back as it was, except those changed since. */
  async undo(session: Queryable, opId: number, hooks: BulkHooks = {}): Promise<BulkOutcome> {
    const row = this.store.bulk.get(opId);
    if (!UNDOABLE_STATES.has(row.state)) {
      throw new AppError('Conflict', `bulk operation ${opId} is ${row.state} and cannot be undone`);
    }
    const edit = editOf(row);
    // After a crash, journal rows still pending may or may not have reached BaseX: find out.
    await this.reconcilePending(session, row, edit, hooks);
    const skipped: BulkSkip[] = [];
    const total = this.store.bulk.journal(opId, { state: 'applied', offset: 0, limit: 0 }).total;
    let done = 0;
    await this.walk(opId, 'applied', async (batch) => {
      const outcomes = await restoreEntries(
        session,
        row.dictionary,
        batch.map((j) => ({ guid: j.guid, xml: j.preImage, expectedVersion: j.postHash ?? '' })),
        { author: this.author, window: hooks.window ?? 'cli', op: 'undo', bulk: opId },
      );
      const preImages = new Map(batch.map((j) => [j.guid, j.previewHash]));
      // Already its pre-image: restored by an undo that was cut off before it could record it.
      const isRestored = (o: WriteOutcome): boolean => o.state === 'applied' || (o.state === 'changed' && o.version === preImages.get(o.guid));
      const restored = outcomes.filter(isRestored).map((o) => o.guid);
      this.store.bulk.markRestored(opId, restored);
      for (const o of outcomes) {
        if (!isRestored(o)) skipped.push({ guid: o.guid, reason: o.state === 'missing' ? SKIP_REASONS.missing : 'changed since the operation: left as it is' });
      }
      done += batch.length;
      await updateSortKeys(this.store, session, row.dictionary, restored);
      hooks.onProgress?.({ phase: 'undo', done, total });
      await hooks.onWritten?.(row.dictionary, restored);
    });
    return { operation: operation(this.store.bulk.setState(opId, 'undone')), skipped };
  }

  list(filter: { worksetId?: number; states?: BulkOperation['state'][] }): BulkOperation[] {
    return this.store.bulk.list(filter).map(operation);
  }

  private async apply(session: Queryable, row: BulkOpRow, hooks: BulkHooks): Promise<BulkOutcome> {
    const edit = editOf(row);
    const change: ChangeMeta = { author: this.author, window: hooks.window ?? 'cli', op: 'bulk', bulk: row.id };
    this.store.bulk.setState(row.id, 'running');
    try {
      await this.reconcilePending(session, row, edit, hooks);
      const total = row.total;
      const sizer = new BatchSizer();
      let done = total - this.store.bulk.journal(row.id, { state: 'pending', offset: 0, limit: 0 }).total;
      for (;;) {
        const requested = this.store.bulk.requested(row.id);
        if (requested === 'cancel') return this.finish(row.id, 'cancelled');
        if (requested === 'pause') return this.finish(row.id, 'paused');
        const batch = this.store.bulk.journal(row.id, { state: 'pending', offset: 0, limit: sizer.size }).rows;
        if (batch.length === 0) break;
        const started = Date.now();
        const outcomes = await applyEdit(session, row.dictionary, edit, batch.map((j) => ({ guid: j.guid, version: j.previewHash })), change);
        const written = this.record(row.id, outcomes);
        await updateSortKeys(this.store, session, row.dictionary, written);
        done += batch.length;
        hooks.onProgress?.({ phase: 'apply', done, total });
        await hooks.onWritten?.(row.dictionary, written);
        // Timed with its hooks: what the UI waits for between two progress reports.
        sizer.record(batch.length, Date.now() - started);
      }
      return this.finish(row.id, 'done');
    } catch (error) {
      // Lost BaseX mid-batch: whether that batch landed is unknown until a resume or undo reconciles it.
      this.store.bulk.setState(row.id, isConnectionError(error) ? 'interrupted' : 'failed', { error: messageOf(error) });
      throw error;
    }
  }

  /** Journal rows left pending by a crash: mark those BaseX has as applied, the rest stay pending. */
  private async reconcilePending(session: Queryable, row: BulkOpRow, edit: FieldEdit, hooks: BulkHooks): Promise<void> {
    if (row.state !== 'interrupted' && row.state !== 'failed') return;
    const total = this.store.bulk.journal(row.id, { state: 'pending', offset: 0, limit: 0 }).total;
    let done = 0;
    await this.walk(row.id, 'pending', async (batch) => {
      const outcomes = await reconcileEdit(session, row.dictionary, edit, batch.map(pending));
      const applied = outcomes.filter((o) => o.state === 'applied' && o.version);
      if (applied.length > 0) this.store.bulk.markApplied(row.id, applied.map((o) => ({ guid: o.guid, postHash: o.version ?? '' })));
      // Written before the crash, maybe before their keys were: bring them up to date now.
      await updateSortKeys(this.store, session, row.dictionary, applied.map((o) => o.guid));
      done += batch.length;
      hooks.onProgress?.({ phase: 'reconcile', done, total });
    });
  }

  /**
   * Hands the journal rows in `state` to `step` a batch at a time, each batch sized to take about
   * a quarter of a second including `step`'s own hooks. The journal is read by id, so rows `step`
   * leaves in `state` are not handed out again.
   */
  private async walk(opId: number, state: JournalState, step: (batch: JournalRow[]) => Promise<void>): Promise<void> {
    const sizer = new BatchSizer();
    for (const batch of this.store.bulk.journalBatches(opId, { state, batchSize: () => sizer.size })) {
      const started = Date.now();
      await step(batch);
      sizer.record(batch.length, Date.now() - started);
    }
  }

  private record(opId: number, outcomes: readonly WriteOutcome[]): string[] {
    const applied = outcomes.filter((o) => o.state === 'applied');
    const skipped = outcomes.filter((o) => o.state !== 'applied');
    this.store.transaction(() => {
      if (applied.length > 0) this.store.bulk.markApplied(opId, applied.map((o) => ({ guid: o.guid, postHash: o.version ?? '' })));
      if (skipped.length > 0) this.store.bulk.markSkipped(opId, skipped.map((o) => ({ guid: o.guid, reason: SKIP_REASONS[o.state] ?? o.state })));
    });
    return applied.map((o) => o.guid);
  }

  private finish(opId: number, state: 'done' | 'cancelled' | 'paused'): BulkOutcome {
    const op = operation(this.store.bulk.setState(opId, state));
    const skipped = this.store.bulk.journal(opId, { state: 'skipped', offset: 0, limit: 500 }).rows;
    return { operation: op, skipped: skipped.map((j) => ({ guid: j.guid, reason: j.reason ?? '' })) };
  }
}

function pending(j: JournalRow): { guid: string; preImage: string; previewVersion: string } {
  return { guid: j.guid, preImage: j.preImage, previewVersion: j.previewHash };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function editOf(row: BulkOpRow): FieldEdit {
  return fieldEditSchema.parse(JSON.parse(row.op));
}

export function operation(row: BulkOpRow): BulkOperation {
  return {
    id: row.id,
    worksetId: row.worksetId,
    dictionary: row.dictionary,
    op: editOf(row),
    state: row.state,
    requested: row.requested,
    total: row.total,
    changed: row.changed,
    skipped: row.skipped,
    created: row.created,
    updated: row.updated,
    error: row.error,
  };
}
