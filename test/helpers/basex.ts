import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { BaseXSession, type SessionOptions } from '../../src-main/basex/client-session.js';

/** A new session on the run's BaseX server; close it in the test. */
export function connectTestSession(options?: SessionOptions): Promise<BaseXSession> {
  return BaseXSession.connect(inject('basex'), options);
}

/** The run's BaseX server as a `basex://` URL, so a CLI or host under test reuses it instead of starting its own. */
export function testServerUrl(): string {
  const a = inject('basex');
  return `basex://${a.user}:${encodeURIComponent(a.password)}@${a.host}:${a.port}`;
}

/** A database name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/** Client addresses (`host:port`) of every session the server has open (`SHOW SESSIONS`). */
export async function serverSessions(admin: BaseXSession): Promise<Set<string>> {
  const listing = await admin.command('SHOW SESSIONS');
  return new Set([...listing.matchAll(/\[([\d.]+:\d+)\]/g)].map((match) => match[1]));
}

/**
 * BaseX refuses to drop a user it still lists as logged in, and it may take the logout in after
 * our close returns: wait until SHOW SESSIONS no longer names the user (observed, not slept on).
 */
export async function dropUserOnceLoggedOut(admin: BaseXSession, user: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; (await admin.command('SHOW SESSIONS')).includes(`${user} [`); ) {
    if (Date.now() > deadline) throw new Error(`BaseX still lists ${user} as logged in 30 s after the session closed`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await admin.command(`DROP USER ${user}`);
}
