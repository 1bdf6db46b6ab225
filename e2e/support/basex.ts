import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BaseXSession } from '../../src-main/basex/session.js';

/**
 * An admin session on the host's embedded BaseX server, to check from outside the app what the
 * server holds (its sessions, an entry's stored value) and to KILL a window's session.
 */
export async function adminSession(dataFolder: string): Promise<BaseXSession> {
  const { port } = JSON.parse(readFileSync(join(dataFolder, 'basex', 'server.json'), 'utf8')) as { port: number };
  const password = readFileSync(join(dataFolder, 'basex', 'admin-password'), 'utf8').trim();
  return BaseXSession.connect({ host: '127.0.0.1', port, user: 'admin', password });
}

/** Client addresses of the sessions open on the server. */
export async function serverSessions(admin: BaseXSession): Promise<string[]> {
  const listing = await admin.command('SHOW SESSIONS');
  return [...listing.matchAll(/\[([\d.]+:\d+)\]/g)].map((match) => match[1]);
}

/** The English gloss of an entry's first sense, as stored. */
export async function storedGloss(admin: BaseXSession, db: string, guid: string, lang = 'en'): Promise<string> {
  return storedForm(admin, db, guid, 'gloss', lang);
}

/** A gloss's or definition's text in an entry's first sense, as stored ('' when there is none). */
export async function storedForm(admin: BaseXSession, db: string, guid: string, field: 'gloss' | 'definition', lang = 'en'): Promise<string> {
  // A gloss holds its text directly, a definition in a form per writing system.
  const path = field === 'gloss' ? 'gloss[@lang = $lang]/text' : 'definition/form[@lang = $lang]/text';
  return admin.execute(
    `declare variable $db external; declare variable $guid external; declare variable $lang external;
     string((db:open($db, 'dictionary.lift')/lift/entry[@guid = $guid]/sense)[1]/${path})`,
    { db, guid, lang },
  );
}
