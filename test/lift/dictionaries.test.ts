import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BaseXSession } from '../../src-main/basex/client-session.js';
import { temporaryName } from '../../src-main/lift/database-names.js';
import { dictionaryInfo, listDictionaries } from '../../src-main/lift/dictionaries.js';
import { LiftError } from '../../src-main/lift/errors.js';
import { importLift } from '../../src-main/lift/import.js';
import { connectTestSession, dropUserOnceLoggedOut, uniqueName } from '../helpers/basex.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');

let session: BaseXSession;
const prefix = uniqueName('dicts');
const names = [`${prefix}_b`, `${prefix}_a`];
const plain = `${prefix}_plain`;
const hidden = temporaryName(`${prefix}_c`, 'import');

beforeAll(async () => {
  session = await connectTestSession();
  for (const name of names) await importLift(session, SAMPLE, { database: name });
  await session.command(`CREATE DB ${plain} <notes/>`);
  await session.command(`CREATE DB ${hidden}`);
  await session.add('dictionary.lift', '<lift version="0.13"/>');
  await session.command('CLOSE');
});

afterAll(async () => {
  for (const name of [...names, plain, hidden]) await session.command(`DROP DB ${name}`);
  await session.close();
});

async function rejection(promise: Promise<unknown>): Promise<LiftError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(LiftError);
  return error as LiftError;
}

describe('listDictionaries', () => {
  it('lists the dictionaries sorted by name, without other databases or imports in progress', async () => {
    const mine = (await listDictionaries(session)).filter((d) => d.name.startsWith(prefix));
    expect(mine).toEqual([
      { name: `${prefix}_a`, entries: 234, deleted: 4, log: { changes: 1, size: expect.stringMatching(/^\d+(\.\d+)? (b|kB|MB|GB)$/) } },
      { name: `${prefix}_b`, entries: 234, deleted: 4, log: { changes: 1, size: expect.any(String) } },
    ]);
  });

  it('lists the same for a user who may only read (who cannot see the database folder)', async () => {
    const user = uniqueName('reader');
    await session.command(`CREATE USER ${user} ${user}_pw`);
    await session.command(`GRANT READ TO ${user}`);
    const reader = await BaseXSession.connect({ ...inject('basex'), user, password: `${user}_pw` });
    try {
      const mine = (await listDictionaries(reader)).filter((d) => d.name.startsWith(prefix));
      expect(mine.map((d) => d.name)).toEqual([`${prefix}_a`, `${prefix}_b`]);
      // What the drop below waits to see gone.
      expect(await session.command('SHOW SESSIONS')).toContain(`${user} [`);
    } finally {
      await reader.close();
      await dropUserOnceLoggedOut(session, user);
    }
  });
});

describe('dictionaryInfo', () => {
  it('summarises one dictionary', async () => {
    expect(await dictionaryInfo(session, names[0])).toEqual({ name: names[0], entries: 234, deleted: 4, log: { changes: 1, size: expect.any(String) } });
  });

  it('reports a missing database and a database that is not a dictionary as NotFound', async () => {
    expect((await rejection(dictionaryInfo(session, `${prefix}_none`))).code).toBe('NotFound');
    expect((await rejection(dictionaryInfo(session, plain))).code).toBe('NotFound');
  });

  it('rejects a name that could not be a database', async () => {
    expect((await rejection(dictionaryInfo(session, '../etc'))).code).toBe('Invalid');
  });
});
