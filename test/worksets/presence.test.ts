import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BaseXSession } from '../../src-main/basex/client-session.js';
import { importLift } from '../../src-main/lift/import.js';
import { withdrawPresence } from '../../src-main/lift/presence.js';
import { PresenceService } from '../../src-main/worksets/presence-service.js';
import { connectTestSession, dropUserOnceLoggedOut, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');

describe('presence: who has which workset and entry open', () => {
  let admin: BaseXSession;
  let reader: BaseXSession;
  const db = uniqueName('presence');
  const readerName = uniqueName('viewer');

  beforeAll(async () => {
    admin = await connectTestSession();
    await importLift(admin, SAMPLE, { database: db });
    await admin.command(`CREATE USER ${readerName} pw`);
    await admin.command(`GRANT read TO ${readerName}`);
    const { host, port } = inject('basex');
    reader = await BaseXSession.connect({ host, port, user: readerName, password: 'pw' });
  });
  afterAll(async () => {
    await reader.close();
    await dropUserOnceLoggedOut(admin, readerName);
    await dropDictionary(admin, db);
    await admin.close();
  });

  it("shows each desktop's windows to the others, not to themselves, and forgets a window that leaves", async () => {
    let clock = 0;
    const ana = new PresenceService({ ...TEST_AUTHOR, who: 'Ana', instance: 'a1' }, () => clock);
    const ben = new PresenceService({ ...TEST_AUTHOR, who: 'Ben', instance: 'b1' });
    expect(await ana.update(admin, 'w1', { dictionary: db, worksetId: 7, guid: 'g1' })).toEqual([]);
    const seen = await ben.update(admin, 'w1', { dictionary: db, worksetId: 7 });
    expect(seen).toEqual([expect.objectContaining({ who: 'Ana', dictionary: db, worksetId: 7, guid: 'g1' })]);
    expect((await ana.update(admin, 'w1', { dictionary: db, worksetId: 7, guid: 'g1' })).map((p) => [p.who, p.worksetId, p.guid])).toEqual([['Ben', 7, null]]);

    // Polling in place writes nothing until the word grows old; a move is written at once.
    const firstAt = seen[0].at;
    expect((await ben.update(admin, 'w1', { dictionary: db, worksetId: 7 }))[0].at).toBe(firstAt);
    await ana.update(admin, 'w1', { dictionary: db, worksetId: 7, guid: 'g2' });
    expect((await ben.update(admin, 'w1', { dictionary: db, worksetId: 7 }))[0]).toMatchObject({ guid: 'g2' });
    // Its document removed behind its back: staying put does not write it again, the next beat does.
    await withdrawPresence(admin, 'a1-w1');
    await ana.update(admin, 'w1', { dictionary: db, worksetId: 7, guid: 'g2' });
    expect(await ben.update(admin, 'w1', { dictionary: db, worksetId: 7 })).toEqual([]);
    clock += 60_000;
    await ana.update(admin, 'w1', { dictionary: db, worksetId: 7, guid: 'g2' });
    expect((await ben.update(admin, 'w1', { dictionary: db, worksetId: 7 })).map((p) => p.who)).toEqual(['Ana']);

    // Another dictionary's windows are not listed.
    expect(await ben.update(admin, 'w2', { dictionary: `${db}_other` })).toEqual([]);

    await ana.leave('w1', admin);
    expect(await ben.update(admin, 'w1', { dictionary: db, worksetId: 7 })).toEqual([]);
    await ben.leave('w1', admin);
    await ben.leave('w2', admin);
  });

  it('lets a read-only user see who is there, without being announced or refused', async () => {
    const ana = new PresenceService({ ...TEST_AUTHOR, who: 'Ana', instance: 'a2' });
    const viewer = new PresenceService({ ...TEST_AUTHOR, who: 'Viewer', instance: 'v2' });
    await ana.update(admin, 'w1', { dictionary: db, worksetId: 3 });
    expect((await viewer.update(reader, 'w1', { dictionary: db, worksetId: 3 })).map((p) => p.who)).toEqual(['Ana']);
    expect(await ana.update(admin, 'w1', { dictionary: db, worksetId: 3 })).toEqual([]);
    await viewer.leave('w1', reader);
    await ana.leave('w1', admin);
  });
});
