import type { Queryable } from '../basex/queryable.js';
import type { ImportWouldReplace } from '../domain/dictionaries.js';
import { ensureOperationsRegister } from './server-register.js';
import { CHANGE_LOG_PROLOG, changeBindings, changedSinceImport, ensureChangeLog, type ChangeMeta } from './change-log.js';
import { backupName, checkDatabaseSyntax, LIFT_DOC } from './database-names.js';
import { onDatabase } from './database-query.js';
import { isOpenedElsewhere, LiftError } from './errors.js';

/**
 * Putting a whole database in a dictionary's place: a finished import, or a backup brought back.
 *
 * The dictionary there (if any) is renamed to a backup first; then one updating query renames the
 * new database to the dictionary's name and writes the log's record of it (naming the backup), so
 * the dictionary and its record change together. If that fails, the backup gets its name back.
 * (Both renames in one query do not work: BaseX applies them in its own order, and the second
 * found its source gone.)
 */

const INSTALL = String.raw`
declare variable $db external;
${CHANGE_LOG_PROLOG}
(db:alter($source, $db), local:log(local:dictionary-change($log-last + 1)))`;

export interface SwapOutcome {
  /** The backup of the dictionary that was there, if there was one. */
  readonly backup?: string;
}

/** What is at `database`: nothing, a dictionary, or a database that is no dictionary. */
export async function databaseKind(session: Queryable, database: string): Promise<'none' | 'dictionary' | 'other'> {
  const [exists, isDictionary] = await session.query(
    onDatabase(database, `declare variable $db external; (db:exists($db), db:exists($db) and db:exists($db, '${LIFT_DOC}'))`),
  );
  return exists !== 'true' ? 'none' : isDictionary === 'true' ? 'dictionary' : 'other';
}

/**
 * Refuses to go on when a dictionary is at `database` and the caller did not ask to replace it:
 * a Conflict that says how many entries were changed since it was imported, with those facts in
 * its details (ImportWouldReplace) for the UI's confirmation.
 */
export async function refuseToReplace(session: Queryable, database: string, replace: boolean): Promise<void> {
  const kind = await databaseKind(session, database);
  if (kind === 'other') throw new LiftError('Conflict', `database "${database}" exists and is not a dictionary: choose another name`);
  if (kind !== 'dictionary' || replace) return;
  const changed = await changedSinceImport(session, database);
  const details: ImportWouldReplace = { exists: database, changedSinceImport: changed };
  const since = changed === 0 ? 'no entries were changed since it was imported' : `${changed} ${changed === 1 ? 'entry was' : 'entries were'} changed since it was imported`;
  throw new LiftError('Conflict', `there is already a dictionary "${database}" (${since})`, { details });
}

/**
 * Puts database `source` in the place of dictionary `database`, keeping what was there as a
 * backup; records it in the dictionary's log as `change.op` (import or restore), naming
 * `change.name` (a restore's backup) or else the backup kept.
 */
export async function installDictionary(session: Queryable, source: string, database: string, change: ChangeMeta): Promise<SwapOutcome> {
  const kind = await databaseKind(session, database);
  if (kind === 'other') throw new LiftError('Conflict', `database "${database}" exists and is not a dictionary: choose another name`);
  await ensureChangeLog(session, database);
  await ensureOperationsRegister(session);
  const backup = kind === 'dictionary' ? await freeBackupName(session, database) : undefined;
  if (backup) await alter(session, database, backup);
  try {
    await renamed(database, () =>
      session.query(onDatabase(database, INSTALL.replace('$source', `'${checkDatabaseSyntax(source)}'`)), changeBindings({ ...change, name: change.name ?? backup })),
    );
  } catch (error) {
    if (backup) await alter(session, backup, database).catch(() => undefined);
    throw error;
  }
  return backup ? { backup } : {};
}

/** A backup name not taken yet (two replaces in one second would otherwise share one). */
async function freeBackupName(session: Queryable, database: string): Promise<string> {
  for (let at = Date.now(); ; at += 1000) {
    const name = backupName(database, new Date(at));
    if ((await databaseKind(session, name)) === 'none') return name;
  }
}

async function alter(session: Queryable, from: string, to: string): Promise<void> {
  await renamed(to, () => session.command(`ALTER DB ${from} ${to}`));
}

async function renamed<T>(to: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isOpenedElsewhere(error)) throw error;
    throw new LiftError('Conflict', `dictionary "${to}" is open in another session: close it there and try again`, { cause: error });
  }
}
