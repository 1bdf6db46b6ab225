import { hostname } from 'node:os';
import { isAlive } from '../../basex/file-lock.js';
import type { Queryable } from '../../basex/queryable.js';
import { AppError } from '../../domain/app-error.js';
import type { BulkMerge, BulkOperation } from '../../domain/bulk-operations.js';
import type { BulkRequest } from '../../domain/bulk-states.js';
import type { ChangeAuthor } from '../../domain/changes.js';
import type { FieldEdit } from '../../domain/edits.js';
import { fieldEditSchema } from '../../ipc/contract/edit.js';
import {
  dictionariesWithOperations, dictionaryOfOperation, getOperation, listOperations, moveOperation, type OperationRecord, type Runner,
} from '../../lift/bulk-log.js';

/**
 * A runner on another machine that has not written a batch for this long is taken for gone. Its
 * batches take a quarter of a second; a minute leaves room for a long wait on a lock.
 */
export const STALE_RUNNER_MS = 60_000;

/** Runs this process is carrying out now, by `<instance>:<id>`: one set for every service in it. */
const ACTIVE_RUNS = new Set<string>();

/**
 * A run carried out here, as its runner last knew it, and what a window asked of it: a pause or
 * cancel of a run in this process is told to the runner directly, since the window's session
 * may be the one busy writing the batch (a request through BaseX would wait behind it).
 */
interface LocalRun {
  snapshot: BulkOperation;
  requested: BulkRequest | null;
}
const LOCAL_RUNS = new Map<number, LocalRun>();

/** Which desktop made an operation: its machine and data folder. */
export function storeIdentity(author: ChangeAuthor, folder: string): string {
  return `${author.host}:${folder}`;
}

/** This process as the runner of an operation. */
export function thisRunner(author: ChangeAuthor): Runner {
  return { instance: author.instance, pid: process.pid, host: hostname() };
}

/**
 * Finds operations on the server and settles the state of a run whose runner is gone: a run
 * left `running` by this process that it no longer carries out (it lost BaseX), by a process of
 * this machine that exited or was killed, or by another machine that has not written a batch for
 * STALE_RUNNER_MS, is `interrupted`, recorded so on the server the first time anyone looks.
 */
export class OperationFinder {
  private readonly lostErrors = new Map<number, string>();

  constructor(
    private readonly author: ChangeAuthor,
    /** This desktop (storeIdentity). */
    readonly store: string,
  ) {}

  /** Marks a run as carried out by this process until the returned function is called. */
  running(record: OperationRecord): () => void {
    const key = `${this.author.instance}:${record.id}`;
    ACTIVE_RUNS.add(key);
    LOCAL_RUNS.set(record.id, { snapshot: { ...operation(record), state: 'running', requested: null }, requested: null });
    return () => {
      ACTIVE_RUNS.delete(key);
      LOCAL_RUNS.delete(record.id);
    };
  }

  /** After a batch: the counts a local request answers with. */
  progressed(opId: number, counts: { changed: number; skipped: number }): void {
    const run = LOCAL_RUNS.get(opId);
    if (run) run.snapshot = { ...run.snapshot, ...counts };
  }

  /** Asks a run of this process to pause or cancel (a cancel outranks a pause); undefined if none runs here. */
  askLocal(opId: number, request: BulkRequest): BulkOperation | undefined {
    const run = LOCAL_RUNS.get(opId);
    if (!run) return undefined;
    if (run.requested !== 'cancel') run.requested = request;
    return { ...run.snapshot, requested: run.requested };
  }

  /** What was asked of a run of this process, if anything. */
  localRequest(opId: number): BulkRequest | null {
    return LOCAL_RUNS.get(opId)?.requested ?? null;
  }

  /** Why this process's run of `opId` stopped, told to whoever finds it interrupted. */
  lost(opId: number, message: string): void {
    this.lostErrors.set(opId, message);
  }

  async record(session: Queryable, opId: number): Promise<OperationRecord> {
    const db = await dictionaryOfOperation(session, opId);
    const found = db === undefined ? undefined : await getOperation(session, db, opId);
    if (!found) throw new AppError('NotFound', `there is no bulk operation ${opId} on this dictionary server`);
    return this.settled(session, found);
  }

  async operation(session: Queryable, opId: number): Promise<BulkOperation> {
    return operation(await this.record(session, opId));
  }

  /** The operations of one dictionary, or of every one on the server, newest first. */
  async list(session: Queryable, dictionary?: string): Promise<OperationRecord[]> {
    const dictionaries = dictionary === undefined ? await dictionariesWithOperations(session) : [dictionary];
    const found: OperationRecord[] = [];
    for (const db of dictionaries) {
      for (const record of await listOperations(session, db)) found.push(await this.settled(session, record));
    }
    return found.sort((a, b) => b.id - a.id);
  }

  private orphaned(record: OperationRecord): boolean {
    if (record.state !== 'running') return false;
    const { runner } = record;
    if (runner.host === hostname() && runner.pid === process.pid) return !ACTIVE_RUNS.has(`${runner.instance}:${record.id}`);
    if (runner.host === hostname()) return !isAlive(runner.pid);
    return record.beatAgeMs > STALE_RUNNER_MS;
  }

  private async settled(session: Queryable, record: OperationRecord): Promise<OperationRecord> {
    if (!this.orphaned(record)) return record;
    const error = this.lostErrors.get(record.id) ?? `its run stopped: the process running it (pid ${record.runner.pid} on ${record.runner.host}) is gone`;
    await moveOperation(session, record.dictionary, record.id, { from: ['running'], to: 'interrupted', runnerWas: record.runner.instance, error });
    return (await getOperation(session, record.dictionary, record.id)) ?? record;
  }
}

function merged(op: string): { merge?: BulkMerge } {
  const merge = mergeOf(JSON.parse(op));
  return merge ? { merge } : {};
}

export function editOf(op: string): FieldEdit {
  const parsed: unknown = JSON.parse(op);
  // A merge of duplicates (merge-service.ts): what it did to the entries merged away.
  if (mergeOf(parsed)) return { action: 'delete', field: 'entry' };
  return fieldEditSchema.parse(parsed);
}

/** The entries of a merge, for an operation that is one (its op is `{"merge":{"keep","merged"}}`). */
function mergeOf(op: unknown): BulkMerge | undefined {
  if (typeof op !== 'object' || op === null || !('merge' in op)) return undefined;
  const merge = op.merge as BulkMerge;
  return { keep: String(merge.keep), merged: Array.isArray(merge.merged) ? merge.merged.map(String) : [] };
}

export function operation(record: OperationRecord): BulkOperation {
  return {
    id: record.id,
    worksetId: record.worksetId,
    dictionary: record.dictionary,
    op: editOf(record.op),
    ...merged(record.op),
    state: record.state,
    requested: record.requested,
    total: record.total,
    changed: record.changed,
    skipped: record.skipped,
    created: record.created,
    updated: record.updated,
    error: record.error,
    who: record.who,
  };
}
