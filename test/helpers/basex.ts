import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { BaseXSession, type SessionOptions } from '../../src-main/basex/client-session.js';

/** A new session on the run's BaseX server; close it in the test. */
export function connectTestSession(options?: SessionOptions): Promise<BaseXSession> {
  return BaseXSession.connect(inject('basex'), options);
}

/** A database name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}
