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
