import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, invalid, toStoreError } from './errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { Sql } from './sql.js';

/** The store's one file in the data folder (next to the embedded BaseX server's files). */
export const STORE_FILE = 'worksets.sqlite';
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Page cache per connection, in KiB (negative means KiB to SQLite). A 100,000-entry snapshot
 * writes into eight b-trees at once; with the 2 MB default it took twice as long.
 */
const CACHE_KIB = 32 * 1024;
const WAL_LIMIT_BYTES = 16 * 1024 * 1024;

export interface DatabaseOptions {
  /** How long a write waits for another connection's write lock before failing `Unavailable`. */
  readonly busyTimeoutMs?: number;
  /** For tests of the migration runner; the app always uses MIGRATIONS. */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) the store file, refuses one written by a newer build, sets the
 * connection up for several processes sharing the file, and applies pending migrations.
 */
export function openDatabase(dataFolder: string, options: DatabaseOptions = {}): Sql {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) throw invalid(`busyTimeoutMs must be a whole number of milliseconds ≥ 0, not ${busyTimeoutMs}`);
  const migrations = options.migrations ?? MIGRATIONS;
  checkOrder(migrations);
  let db: Database.Database;
  try {
    mkdirSync(dataFolder, { recursive: true });
    // Under Electron the addon must be the one built for Electron's ABI (scripts/electron-native.mjs).
    const nativeBinding = process.versions.electron ? process.env.WORKSET_BROWSER_SQLITE_ADDON : undefined;
    db = new Database(join(dataFolder, STORE_FILE), { timeout: busyTimeoutMs, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw unavailable(error, `cannot open the workset store in ${dataFolder}`);
  }
  try {
    // Before anything that writes (even switching the journal mode): a newer file stays as it is.
    refuseNewer(userVersion(db), migrations);
    // WAL lets every window read while one writes; NORMAL sync is durable across app crashes
    // (only a power cut can lose the last commits, never corrupt the file).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    // A 100,000-entry snapshot grows the WAL by tens of megabytes; cut it back after a checkpoint
    // instead of leaving it that size in the user's data folder.
    db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
    migrate(db, migrations);
    return new Sql(db);
  } catch (error) {
    db.close();
    throw toStoreError(error);
  }
}

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  for (const migration of migrations) {
    // Up to date is the usual case: decide that without the write lock, so a window opening
    // while another writes a long snapshot does not wait for it.
    if (userVersion(db) >= migration.version) continue;
    db.transaction(() => {
      // Read again under the write lock: another process may have migrated since we looked.
      const current = userVersion(db);
      refuseNewer(current, migrations);
      if (current >= migration.version) return;
      db.exec(migration.sql);
      // user_version lives in the file header and is rolled back with the transaction.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function refuseNewer(version: number, migrations: readonly Migration[]): void {
  const known = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (version <= known) return;
  throw new StoreError(
    'Unavailable',
    `the workset store was written by a newer Workset Browser (schema version ${version}; this one knows up to ${known}): ` +
      'update the app to use it; the file was left untouched',
    { schemaVersion: version, known },
  );
}

function userVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error(`PRAGMA user_version returned ${String(version)}`);
  return version;
}

/** Migrations are numbered 1, 2, 3… with no gaps: a wrong list is a bug, caught at open. */
function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration "${migration.title}" has version ${migration.version}, expected ${index + 1}`);
  });
}

function unavailable(error: unknown, what: string): unknown {
  const translated = toStoreError(error);
  if (translated instanceof StoreError) return translated;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreError('Unavailable', `${what}: ${reason}`, undefined, { cause: error });
}
