import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BaseXSession } from '../../src-main/basex/client-session.js';
import { PermissionError, refusal } from '../../src-main/basex/errors.js';
import { createOperation } from '../../src-main/lift/bulk-log.js';
import { applyEdit, readEntries } from '../../src-main/lift/entry-xml.js';
import { importLift } from '../../src-main/lift/import.js';
import { connectTestSession, dropUserOnceLoggedOut, uniqueName } from '../helpers/basex.js';
import { TEST_CHANGE } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');

it("turns the server's refusals for want of a right into one line in the user's words", () => {
  expect(refusal('write permission needed.', 'ana')).toEqual(expect.objectContaining({ code: 'Forbidden', right: 'write' }));
  expect(refusal('Stopped at ., 2/19:\n[basex:permission] No create permission.', 'ana').message).toBe(
    'only a BaseX user with create rights (an admin) can do this: "ana" may not create or replace dictionaries on this server',
  );
  expect(refusal('Stopped at ., 1/1:\n[XPST0003] Unexpected end of query.', 'ana')).not.toBeInstanceOf(PermissionError);
});

/** Users of the run's real server with read and write rights only, as a team's admin makes them. */
describe('a BaseX user without every right', () => {
  let admin: BaseXSession;
  let reader: BaseXSession;
  let writer: BaseXSession;
  const db = uniqueName('rights');
  const names = { reader: uniqueName('reader'), writer: uniqueName('writer') };

  beforeAll(async () => {
    admin = await connectTestSession();
    await importLift(admin, SAMPLE, { database: db });
    for (const [right, name] of [['read', names.reader], ['write', names.writer]]) {
      await admin.command(`CREATE USER ${name} pw`);
      await admin.command(`GRANT ${right} TO ${name}`);
    }
    const { host, port } = inject('basex');
    reader = await BaseXSession.connect({ host, port, user: names.reader, password: 'pw' });
    writer = await BaseXSession.connect({ host, port, user: names.writer, password: 'pw' });
  });
  afterAll(async () => {
    await Promise.all([reader.close(), writer.close()]);
    for (const name of Object.values(names)) await dropUserOnceLoggedOut(admin, name);
    await dropDictionary(admin, db);
    await admin.close();
  });

  it('with read rights browses, and every write is refused as read-only, changing nothing', async () => {
    const [entry] = await readEntries(reader, db, [(await reader.query(`db:open('${db}', 'dictionary.lift')/lift/entry[1]/@guid/string()`))[0]]);
    const edit = applyEdit(reader, db, { action: 'set', field: 'gloss', lang: 'en', value: 'not allowed' }, [{ guid: entry.guid, version: entry.version }], TEST_CHANGE);
    await expect(edit).rejects.toThrow(`read-only on this server: BaseX user "${names.reader}" may browse and search, not change dictionaries`);
    expect((await readEntries(admin, db, [entry.guid]))[0].version).toBe(entry.version);
  });

  it('with write rights edits and starts bulk operations, but may not create a dictionary', async () => {
    const [entry] = await readEntries(writer, db, [(await writer.query(`db:open('${db}', 'dictionary.lift')/lift/entry[2]/@guid/string()`))[0]]);
    const [outcome] = await applyEdit(writer, db, { action: 'set', field: 'gloss', lang: 'en', value: 'allowed' }, [{ guid: entry.guid, version: entry.version }], TEST_CHANGE);
    expect(outcome.state).toBe('applied');
    // The import made the register of operation ids, which a writer could not have created.
    expect((await createOperation(writer, db, { worksetId: 0, op: '{}', store: 'test', who: 'writer' })).id).toBeGreaterThan(0);
    await expect(importLift(writer, SAMPLE, { database: uniqueName('notallowed') })).rejects.toThrow(/^only a BaseX user with create rights \(an admin\) can do this/);
  });
});
