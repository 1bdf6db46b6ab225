import { openDatabase } from './database.js';
import { EntriesRepo } from './entries-repo.js';
import { LegacyBulkJournal } from './legacy-bulk-journal.js';
import { WorksetCopies } from './workset-copies.js';
import { WorksetsRepo } from './worksets-repo.js';

export { STORE_FILE } from './database.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { SCHEMA_VERSION } from './migrations.js';
export type { LegacyBulkJournal, LegacyJournalRow, LegacyOperation } from './legacy-bulk-journal.js';
export type { EntriesRepo } from './entries-repo.js';
export type { WorksetsRepo } from './worksets-repo.js';
export type { HeldCopy, WorksetCopies } from './workset-copies.js';
export * from './types.js';

export interface StoreOptions {
  /** How long a write waits for another window's or process's write lock; default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** The clock for created/updated/modified stamps (tests pin it). */
  readonly now?: () => Date;
}

/**
 * The workset store: one SQLite file shared by every window and process using a data folder.
 *
 * All calls are synchronous (better-sqlite3) and every write is its own transaction unless
 * wrapped in `transaction`. Failures are StoreErrors: `Unavailable` when another process holds
 * the write lock longer than the busy timeout, `NotFound`, `Invalid` or `Conflict` otherwise.
 */
export interface Store {
  readonly worksets: WorksetsRepo;
  readonly entries: EntriesRepo;
  /** The copies of servers' worksets this file holds (it is their local index). */
  readonly copies: WorksetCopies;
  /** The data folder the store is in. */
  readonly folder: string;
  /** Bulk operations the data folder held before they moved to the dictionary's server. */
  readonly legacyBulk: LegacyBulkJournal;
  /**
   * Runs `fn` as one write transaction (nested calls become savepoints): everything or nothing.
   * `fn` must be synchronous; the write lock is held until it returns.
   */
  transaction<T>(fn: () => T): T;
  /** Closes the connection; later calls fail `Unavailable`. Safe to call twice. */
  close(): void;
}

/** Opens `worksets.sqlite` in the data folder, creating or migrating it as needed. */
export function openStore(dataFolder: string, options: StoreOptions = {}): Store {
  const sql = openDatabase(dataFolder, { busyTimeoutMs: options.busyTimeoutMs });
  const clock = options.now ?? (() => new Date());
  const now = (): string => clock().toISOString();
  return {
    worksets: new WorksetsRepo(sql, now),
    entries: new EntriesRepo(sql, now),
    copies: new WorksetCopies(sql),
    folder: dataFolder,
    legacyBulk: new LegacyBulkJournal(sql),
    transaction: (fn) => sql.write(fn),
    close: () => sql.close(),
  };
}
