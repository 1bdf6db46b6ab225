import { resolve } from 'node:path';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { logDatabase } from '../../src-main/lift/database-query.js';
import { uniqueName } from './basex.js';

/**
 * Loads a LIFT file into a new BaseX database the way the app's importer does: one document at
 * `dictionary.lift`, whitespace kept (CHOP off), no DTD or XInclude processing, indexes kept up
 * to date by updates. The server is local, so it reads the file from its path in place.
 */
export async function loadDictionary(session: BaseXSession, liftFile: string, prefix = 'dict'): Promise<string> {
  const db = uniqueName(prefix);
  for (const option of ['SET CHOP false', 'SET INTPARSE true', 'SET DTD false', 'SET XINCLUDE false', 'SET UPDINDEX true']) {
    await session.command(option);
  }
  await session.command(`CREATE DB ${db}`);
  await session.command(`ADD TO dictionary.lift ${resolve(liftFile)}`);
  return db;
}

/** Drops a test database (made by loadDictionary or importLift) and its change log, if it has one. */
export async function dropDictionary(session: BaseXSession, db: string): Promise<void> {
  await session.command(`DROP DB ${db}`);
  await session.command(`DROP DB ${logDatabase(db)}`);
}
