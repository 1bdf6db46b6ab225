import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseXSession } from '../../src-main/basex/client-session.js';

/**
 * An admin session on the host's embedded BaseX server, to check from outside the app what the
 * server holds (its sessions, an entry's stored value) and to KILL a window's session.
 */
export async function adminSession(dataFolder: string): Promise<BaseXSession> {
  const { port } = JSON.parse(readFileSync(join(dataFolder, 'basex', 'server.json'), 'utf8')) as { port: number };
  const password = readFileSync(join(dataFolder, 'basex', 'admin-password'), 'utf8').trim();
  return BaseXSession.connect({ host: '127.0.0.1', port, user: 'admin', password });
}

/** The address of the host's embedded BaseX server as `--basex` takes it, admin credentials included. */
export function serverUrl(dataFolder: string): string {
  const { port } = JSON.parse(readFileSync(join(dataFolder, 'basex', 'server.json'), 'utf8')) as { port: number };
  const password = readFileSync(join(dataFolder, 'basex', 'admin-password'), 'utf8').trim();
  return `basex://admin:${encodeURIComponent(password)}@127.0.0.1:${port}`;
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

/**
 * Holds a write lock on database `db` from inside BaseX until released: every query that writes
 * or reads `db` waits behind it. Resolves once the lock is held (its query has begun), so a test
 * can make a write wait exactly where it wants it, instead of hoping it is slow enough.
 */
export async function holdDatabase(dataFolder: string, db: string): Promise<{ release: () => Promise<void> }> {
  // A literal name, so BaseX locks just this database (test code: the name is one of ours).
  if (!/^[A-Za-z0-9_-]+$/.test(db)) throw new Error(`not a database name: ${db}`);
  const session = await adminSession(dataFolder);
  const folder = mkdtempSync(join(tmpdir(), 'wb-gate-'));
  const started = join(folder, 'started');
  const gate = join(folder, 'open');
  // Bounded (3000 × 20 ms): a test that never releases cannot hold the server for ever.
  const held = session.query(
    `declare variable $started external; declare variable $gate external;
     let $begun := file:write-text($started, '')
     let $waited := hof:until(function($n) { file:exists($gate) or $n >= 3000 }, function($n) { prof:sleep(20), $n + 1 }, 0)
     return (update:output($waited), delete node db:open('${db}', 'dictionary.lift')/lift/no-such-element)`,
    { started, gate },
    { timeoutMs: 120_000 },
  );
  held.catch(() => undefined);
  for (let tries = 0; !existsSync(started); tries++) {
    if (tries > 1_000) throw new Error(`the lock on ${db} was not taken within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return {
    release: async () => {
      writeFileSync(gate, '');
      await held;
      await session.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Waits until some write is queued inside BaseX, waiting for a lock (see holdDatabase). */
export async function waitForQueuedWrite(admin: BaseXSession): Promise<void> {
  for (let tries = 0; ; tries++) {
    const queued = await admin.execute(`count(jobs:list-details()[@state = 'queued'][@writes != '(none)'])`);
    if (Number(queued) > 0) return;
    if (tries > 1_000) throw new Error('no write was queued within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}
