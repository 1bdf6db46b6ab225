import { isConnectionError } from '../../basex/errors.js';
import type { Queryable } from '../../basex/queryable.js';
import { AppError } from '../../domain/app-error.js';
import type { BulkOperation, BulkOutcome, BulkPreview, BulkSkip } from '../../domain/bulk-operations.js';
import { PAUSABLE_STATES, RESUMABLE_STATES, UNDOABLE_STATES, type BulkState } from '../../domain/bulk-states.js';
import type { ChangeAuthor } from '../../domain/changes.js';
import { ENTRY_PANE_FIELDS, STRUCTURE_ACTIONS, type FieldEdit } from '../../domain/edits.js';
import { completeOperation, createOperation, moveOperation, requestOperation, type OperationRecord, type Runner } from '../../lift/bulk-log.js';
import { addMembers, countMembers, countSkipped, membersIn, MEMBER_STATES } from '../../lift/bulk-members.js';
import { applyBulkBatch, undoBulkBatch } from '../../lift/bulk-writes.js';
import type { ChangeMeta } from '../../lift/change-log.js';
import { dictionaryInfo } from '../../lift/dictionaries.js';
import { changingEntries, previewEdit } from '../../lift/entry-xml.js';
import type { Store } from '../store/index.js';
import { checkEdit } from '../check-edit.js';
import { storeSortKeys } from '../sort-keys.js';
import { WorksetService } from '../workset-service.js';
import { BatchSizer } from './batch-sizer.js';
import { migrateLegacyJournal } from './bulk-migration.js';
import { OperationFinder, editOf, operation, storeIdentity, thisRunner } from './operation-finder.js';

/** How many entries a preview shows before and after. */
export const PREVIEW_ROWS = 20;

export interface BulkProgress {
  /** `journal`: the preview recording each entry's version on the server. */
  readonly phase: 'journal' | 'apply' | 'undo';
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
const KEEP_REASONS: Record<string, string> = {
  changed: 'changed since the operation: left as it is',
  missing: SKIP_REASONS.missing,
  compacted: 'its earlier version was dropped by `log compact`: left as it is',
};
/** The most skipped entries an outcome lists. */
const SKIPS_LISTED = 500;

/**
 * Bulk operations over a workset, kept on the dictionary's server beside its change log
 * (bulk-log.ts), so any desktop connected to it can list, undo or resume any of them.
 *
 * The preview records every entry's version on the server before anything is written. A run
 * then applies the edit in batches; each batch writes its entries, their change log records and
 * their marks on the operation in one updating query, guarded by the versions of the preview,
 * so an entry someone changed since is skipped and reported, never clobbered, and a kill leaves
 * nothing half done. Undo puts back the pre-images the log records hold, byte for byte, except
 * over entries changed after the run. A run whose runner is gone is `interrupted` (see
 * OperationFinder); it can be undone or resumed. A pause or a cancel may be asked by any process;
 * the runner's next batch sees it and writes nothing, so a paused run has written whole batches.
 *
 * Every walk over entries goes in batches sized by time (BatchSizer), so progress reaches the UI
 * several times a second however large the entries or slow the machine.
 */
export class BulkService {
  private readonly finder: OperationFinder;
  private migrated: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly author: ChangeAuthor,
    private readonly worksets: WorksetService = new WorksetService(store, author),
  ) {
    this.finder = new OperationFinder(author, storeIdentity(author, store.folder));
  }

  /** `chosen`: only these members of the workset (the rows a person selected); every one must be a member. */
  async preview(session: Queryable, worksetId: number, op: FieldEdit, hooks: BulkHooks = {}, chosen?: readonly string[]): Promise<BulkPreview> {
    if (STRUCTURE_ACTIONS.includes(op.action) || ENTRY_PANE_FIELDS.includes(op.field)) {
      throw new AppError('Invalid', `a bulk edit sets, clears or rewrites a field of every entry; to ${op.action} ${op.field === 'entry' ? 'an entry' : `a ${op.field}`}, open the entry`);
    }
    await this.ready(session);
    const { localId, meta } = await this.worksets.copy(session, worksetId);
    const members = this.store.entries.guids(localId);
    const guids = chosen === undefined ? members : chosenMembers(members, chosen);
    // Before the operation exists: a pattern BaseX refuses would fail every entry, and leave a stray operation.
    await checkEdit(session, op);
    const db = meta.dictionary;
    const created = await createOperation(session, db, { worksetId, op: JSON.stringify(op), store: this.finder.store, who: this.author.who });
    try {
      const changing = await changingEntries(session, db, op, guids, PREVIEW_ROWS);
      // The entries that change first; the list filled up with some that do not.
      const sample = chosen === undefined ? this.store.entries.page(localId, { offset: 0, limit: PREVIEW_ROWS }).rows.map((r) => r.guid) : guids.slice(0, PREVIEW_ROWS);
      const shown = [...changing.first, ...sample.filter((guid) => !changing.first.includes(guid))].slice(0, PREVIEW_ROWS);
      const changes = await previewEdit(session, db, op, shown);
      const headwords = new Map(shown.map((guid) => [guid, this.store.entries.get(localId, guid).keys.headword ?? '']));
      await this.batches(guids.length, async (done, size) => {
        await addMembers(session, db, created.id, guids.slice(done, done + size));
        hooks.onProgress?.({ phase: 'journal', done: Math.min(done + size, guids.length), total: guids.length });
        return Math.min(size, guids.length - done);
      });
      await completeOperation(session, db, created.id);
      return {
        operation: await this.finder.operation(session, created.id),
        changing: changing.count,
        rows: changes.map((c) => ({ ...c, headword: headwords.get(c.guid) ?? '' })),
      };
    } catch (error) {
      // A half-recorded operation never runs (it is not complete); say why it stopped.
      await moveOperation(session, db, created.id, { from: ['previewed'], to: 'cancelled', error: `the preview did not finish: ${messageOf(error)}` }).catch(() => undefined);
      throw error;
    }
  }

  /** Applies a previewed operation; cancel() stops it between batches. */
  async run(session: Queryable, opId: number, hooks: BulkHooks = {}): Promise<BulkOutcome> {
    const record = await this.finder.record(session, opId);
    if (record.state !== 'previewed') throw new AppError('Conflict', `bulk operation ${opId} is ${record.state}: only a previewed operation can run`);
    if (!record.complete) throw new AppError('Conflict', `bulk operation ${opId} was not fully previewed: preview it again`);
    return this.apply(session, record, hooks);
  }

  /** Finishes a paused, interrupted or failed run, from any desktop: entries already written are not written twice. */
  async resume(session: Queryable, opId: number, hooks: BulkHooks = {}): Promise<BulkOutcome> {
    const record = await this.finder.record(session, opId);
    if (!RESUMABLE_STATES.has(record.state)) {
      throw new AppError('Conflict', `bulk operation ${opId} is ${record.state}: only a paused, interrupted or failed operation can resume`);
    }
    return this.apply(session, record, hooks);
  }

  /** Stops a run for good after its current batch (a paused one at once); what it wrote stays undoable. */
  async cancel(session: Queryable, opId: number): Promise<BulkOperation> {
    const local = this.finder.askLocal(opId, 'cancel');
    if (local) return local;
    const record = await this.finder.record(session, opId);
    if (record.state === 'previewed' || record.state === 'paused') {
      await this.move(session, record, [record.state], 'cancelled');
      return this.finder.operation(session, opId);
    }
    if (record.state !== 'running') throw new AppError('Conflict', `bulk operation ${opId} is ${record.state}: there is nothing to cancel`);
    return this.ask(session, record, 'cancel');
  }

  /** Asks a running operation to pause after the batch it is writing; resume() carries on from there. */
  async pause(session: Queryable, opId: number): Promise<BulkOperation> {
    const local = this.finder.askLocal(opId, 'pause');
    if (local) return local;
    const record = await this.finder.record(session, opId);
    if (record.state === 'paused') return operation(record);
    if (!PAUSABLE_STATES.has(record.state)) throw new AppError('Conflict', `bulk operation ${opId} is ${record.state}: only a running operation can be paused`);
    return this.ask(session, record, 'pause');
  }

  /**
   * Waits until a run that was asked to pause or cancel has acted on it, however far away its
   * runner is (the app, while the CLI asked). A runner that died meanwhile leaves it interrupted.
   */
  async stopped(session: Queryable, opId: number, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<BulkOperation> {
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    for (;;) {
      const found = await this.finder.operation(session, opId);
      if (found.state !== 'running') return found;
      if (Date.now() > deadline) throw new AppError('Unavailable', `bulk operation ${opId} is still writing its current batch: try again in a moment`);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 50));
    }
  }

  /** Puts every entry the operation changed back as it was, except those changed since. */
  async undo(session: Queryable, opId: number, hooks: BulkHooks = {}): Promise<BulkOutcome> {
    const record = await this.finder.record(session, opId);
    if (!UNDOABLE_STATES.has(record.state)) throw new AppError('Conflict', `bulk operation ${opId} is ${record.state} and cannot be undone`);
    const db = record.dictionary;
    const change: ChangeMeta = { author: this.author, window: hooks.window ?? 'cli', op: 'undo', bulk: opId };
    const total = await countMembers(session, db, opId, MEMBER_STATES.applied);
    let done = 0;
    await this.batches(total, async (_, size) => {
      const { outcomes, keys } = await undoBulkBatch(session, db, opId, size, change);
      const restored = outcomes.filter((o) => o.state === 'applied').map((o) => o.guid);
      done += outcomes.length;
      storeSortKeys(this.store, db, keys);
      hooks.onProgress?.({ phase: 'undo', done, total });
      await hooks.onWritten?.(db, restored);
      return outcomes.length;
    });
    await this.move(session, record, [record.state], 'undone');
    const kept = await membersIn(session, db, opId, MEMBER_STATES.kept, SKIPS_LISTED);
    return { operation: await this.finder.operation(session, opId), skipped: kept.map((k) => ({ guid: k.guid, reason: KEEP_REASONS[k.why] ?? k.why })) };
  }

  /**
   * Operations on the server, newest first: a workset's (from any desktop; one moved from a data
   * folder's old journal only on that desktop, its workset ids were the folder's), a
   * dictionary's, or every one.
   */
  async list(session: Queryable, filter: { worksetId?: number; dictionary?: string; states?: readonly BulkState[] } = {}): Promise<BulkOperation[]> {
    await this.ready(session);
    const dictionary = filter.worksetId === undefined ? filter.dictionary : await this.worksets.dictionaryOf(session, filter.worksetId);
    const all = await this.finder.list(session, dictionary);
    // None listed: say so only of a dictionary that exists.
    if (all.length === 0 && dictionary !== undefined) await dictionaryInfo(session, dictionary);
    return all
      .filter((op) => filter.worksetId === undefined || (op.worksetId === filter.worksetId && (op.legacy === '' || op.store === this.finder.store)))
      .filter((op) => filter.states === undefined || filter.states.includes(op.state))
      .map(operation);
  }

  /** One operation, wherever it was made. */
  async get(session: Queryable, opId: number): Promise<BulkOperation> {
    await this.ready(session);
    return this.finder.operation(session, opId);
  }

  private async apply(session: Queryable, record: OperationRecord, hooks: BulkHooks): Promise<BulkOutcome> {
    const db = record.dictionary;
    const edit = editOf(record.op);
    const change: ChangeMeta = { author: this.author, window: hooks.window ?? 'cli', op: 'bulk', bulk: record.id };
    const runner = thisRunner(this.author);
    await this.move(session, record, [record.state], 'running', { runner });
    const stopRunning = this.finder.running(record);
    try {
      let { changed, skipped } = record;
      let stop: string | undefined;
      await this.batches(record.total - changed - skipped, async (_, size) => {
        stop = this.finder.localRequest(record.id) ?? undefined;
        if (stop) return 0;
        const batch = await applyBulkBatch(session, db, record.id, edit, size, runner.instance, change);
        stop = batch.stop;
        if (batch.stop) return 0;
        const written = batch.outcomes.filter((o) => o.state === 'applied').map((o) => o.guid);
        changed += written.length;
        skipped += batch.outcomes.length - written.length;
        this.finder.progressed(record.id, { changed, skipped });
        storeSortKeys(this.store, db, batch.keys);
        hooks.onProgress?.({ phase: 'apply', done: changed + skipped, total: record.total });
        await hooks.onWritten?.(db, written);
        return batch.outcomes.length;
      });
      if (stop === 'lost') throw new AppError('Conflict', `bulk operation ${record.id} is being run by another process now`);
      const final = stop === 'cancel' ? 'cancelled' : stop === 'pause' ? 'paused' : 'done';
      await moveOperation(session, db, record.id, { from: ['running'], to: final, runnerWas: runner.instance });
      return this.outcome(session, record.id);
    } catch (error) {
      // Lost BaseX mid-batch: the batch landed whole or not at all, and the server says which.
      if (isConnectionError(error)) this.finder.lost(record.id, messageOf(error));
      else if (!(error instanceof AppError)) {
        await moveOperation(session, db, record.id, { from: ['running'], to: 'failed', runnerWas: runner.instance, error: messageOf(error) }).catch(() => undefined);
      }
      throw error;
    } finally {
      stopRunning();
    }
  }

  private async outcome(session: Queryable, opId: number): Promise<BulkOutcome> {
    const found = await this.finder.operation(session, opId);
    // "Unchanged" (already had the new value) is not "skipped" (someone changed or deleted it): counted apart.
    const listed = await membersIn(session, found.dictionary, opId, MEMBER_STATES.skipped, SKIPS_LISTED, 'unchanged');
    const skipped: BulkSkip[] = listed.map((s) => ({ guid: s.guid, reason: SKIP_REASONS[s.why] ?? s.why }));
    const unchanged = found.skipped === 0 ? 0 : await countSkipped(session, found.dictionary, opId, 'unchanged');
    return { operation: found, skipped, unchanged };
  }

  private async ask(session: Queryable, record: OperationRecord, request: 'pause' | 'cancel'): Promise<BulkOperation> {
    const state = await requestOperation(session, record.dictionary, record.id, request);
    if (state !== 'running') throw new AppError('Conflict', `bulk operation ${record.id} is ${state}: only a running operation can be asked to ${request}`);
    return this.finder.operation(session, record.id);
  }

  private async move(session: Queryable, record: OperationRecord, from: readonly BulkState[], to: BulkState, extra: { runner?: Runner } = {}): Promise<void> {
    const moved = await moveOperation(session, record.dictionary, record.id, { from, to, ...extra });
    if (!moved.moved) throw new AppError('Conflict', `bulk operation ${record.id} is ${moved.state} now and cannot become ${to}`);
  }

  /**
   * Calls `step(done, size)` until it answers 0 or `total` is reached; `size` is sized by time so
   * each step, hooks included, takes about a quarter of a second.
   */
  private async batches(total: number, step: (done: number, size: number) => Promise<number>): Promise<void> {
    const sizer = new BatchSizer();
    for (let done = 0; done < total; ) {
      const started = Date.now();
      const size = sizer.size;
      const did = await step(done, size);
      if (did === 0) return;
      done += did;
      sizer.record(did, Date.now() - started);
    }
  }

  /** Once per service: operations a data folder's SQLite journal still holds move to the server first. */
  private ready(session: Queryable): Promise<void> {
    this.migrated ??= migrateLegacyJournal(this.store, session, { author: this.author, store: this.finder.store }).catch((error: unknown) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }
}

/** The chosen guids in workset order, once each; refused in words if any is not a member. */
function chosenMembers(members: readonly string[], chosen: readonly string[]): string[] {
  const wanted = new Set(chosen);
  const kept = members.filter((guid) => wanted.has(guid));
  const strangers = wanted.size - kept.length;
  if (strangers > 0) {
    throw new AppError('Invalid', `${strangers} of the entries chosen ${strangers === 1 ? 'is' : 'are'} not in this workset: refresh the workset and choose again`);
  }
  return kept;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
