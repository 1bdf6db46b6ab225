import type Database from 'better-sqlite3';
import { StoreError, toStoreError } from './errors.js';

/** What SQLite binds. Booleans are not in it: better-sqlite3 refuses them, so pass 0 or 1. */
export type Param = string | number | bigint | null;

type Statement<T> = Database.Statement<Param[], T>;

/**
 * All SQL of the store goes through this one connection wrapper.
 *
 * It caches prepared statements by their text (the repositories build a few dozen distinct
 * statements, never one per value) and turns every SQLite failure into a StoreError in one
 * place, so no repository has to remember that a busy file is `Unavailable`.
 */
export class Sql {
  private readonly statements = new Map<string, Statement<unknown>>();

  constructor(private readonly db: Database.Database) {}

  run(text: string, ...params: Param[]): Database.RunResult {
    return this.guard(() => this.prepare(text).run(...params));
  }

  get<T>(text: string, ...params: Param[]): T | undefined {
    return this.guard(() => this.prepare<T>(text).get(...params));
  }

  all<T>(text: string, ...params: Param[]): T[] {
    return this.guard(() => this.prepare<T>(text).all(...params));
  }

  /** The first column of every row, for id and guid lists. */
  column<T extends Param>(text: string, ...params: Param[]): T[] {
    return this.guard(() => this.prepare<T>(text, true).all(...params));
  }

  /**
   * A cached statement for a hot loop (a 100,000-row snapshot) inside `write`; its errors are
   * translated by the surrounding `write`.
   */
  prepare<T>(text: string, pluck = false): Statement<T> {
    // A plucking statement returns bare values, so it is cached apart from the same text's rows.
    const key = pluck ? `pluck:${text}` : text;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare<Param[], unknown>(text);
      if (pluck) statement.pluck();
      this.statements.set(key, statement);
    }
    return statement as Statement<T>;
  }

  /**
   * Runs `fn` in a write transaction, or in a savepoint when one is already open.
   *
   * BEGIN IMMEDIATE takes the write lock first: a deferred transaction that reads and then
   * writes fails at once with SQLITE_BUSY_SNAPSHOT when another process committed in between,
   * whereas waiting for the lock up front honours the busy timeout.
   */
  write<T>(fn: () => T): T {
    return this.guard(() => this.db.transaction(fn).immediate());
  }

  /** Runs reads that must agree with each other (a page's total and rows) on one snapshot. */
  read<T>(fn: () => T): T {
    return this.guard(() => this.db.transaction(fn).deferred());
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private guard<T>(fn: () => T): T {
    if (!this.db.open) throw new StoreError('Unavailable', 'the workset store is closed');
    try {
      return fn();
    } catch (error) {
      throw toStoreError(error);
    }
  }
}
