import type { Queryable } from '../basex/queryable.js';
import type { ChangeMeta } from './change-log.js';
import { backupTime, checkDatabaseName } from './database-names.js';
import { databaseNames } from './dictionaries.js';
import { installDictionary } from './dictionary-swap.js';
import { LiftError } from './errors.js';

/** A backup an import kept of the dictionary it replaced. */
export interface DictionaryBackup {
  /** Its database. */
  readonly database: string;
  /** When it was replaced, ISO 8601. */
  readonly at: string;
}

/** The backups of dictionary `name`, newest first. */
export async function listBackups(session: Queryable, name: string): Promise<DictionaryBackup[]> {
  checkDatabaseName(name);
  const backups: DictionaryBackup[] = [];
  for (const database of await databaseNames(session)) {
    const at = backupTime(name, database);
    if (at) backups.push({ database, at: at.toISOString() });
  }
  return backups.sort((a, b) => (a.database < b.database ? 1 : a.database > b.database ? -1 : 0));
}

/**
 * Brings back the newest backup of dictionary `name` (or the one named): it takes the name
 * again, and the dictionary it replaces becomes a backup in turn, so a restore can be undone by
 * restoring again. Recorded in the dictionary's log as a `restore` naming the backup.
 */
export async function restoreBackup(session: Queryable, name: string, change: Omit<ChangeMeta, 'op'>, which?: string): Promise<{ restored: string; backup?: string }> {
  const backups = await listBackups(session, name);
  const chosen = which === undefined ? backups[0] : backups.find((b) => b.database === which);
  if (!chosen) {
    throw new LiftError('NotFound', which === undefined ? `there is no backup of "${name}": one is kept when an import replaces a dictionary` : `"${which}" is not a backup of "${name}"`);
  }
  const { backup } = await installDictionary(session, chosen.database, name, { ...change, op: 'restore', name: chosen.database });
  return { restored: chosen.database, ...(backup ? { backup } : {}) };
}
