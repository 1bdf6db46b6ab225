import { beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { EntryService } from '../../src-main/worksets/entry-service.js';
import { conflictOf, twoEditors } from '../helpers/two-editors.js';

/** Two people save the same entry from the same version: other fields merge, the same field conflicts. */
describe('field-level merge of stale saves', () => {
  const fixture = twoEditors('merge');
  let session: BaseXSession;
  let db: string;
  let guids: readonly string[];
  let ana: EntryService;
  let ben: EntryService;

  beforeAll(() => {
    ({ session, db, guids, ana, ben } = fixture);
    expect(guids.length).toBeGreaterThan(3);
  });

  it('applies a save to the current entry when only other fields changed since its version', async () => {
    const guid = guids[0];
    const opened = await ana.get(session, db, guid);
    await ben.edit(session, db, guid, opened.version, { action: 'set', field: 'gloss', lang: 'fr', value: 'par Ben' }, 'ben-window');
    const saved = await ana.edit(session, db, guid, opened.version, { action: 'set', field: 'gloss', lang: 'en', value: 'by Ana' }, 'ana-window');
    expect(saved.xml).toContain('<text>par Ben</text>');
    expect(saved.xml).toContain('<text>by Ana</text>');
    // A change to another field (the note) merges too, and so do several in a row.
    const again = await ben.edit(session, db, guid, saved.version, { action: 'set', field: 'note', lang: 'en', value: 'noted by Ben' });
    const third = await ana.edit(session, db, guid, opened.version, { action: 'set', field: 'definition', lang: 'en', value: 'defined by Ana' });
    expect(third.xml).toContain('noted by Ben');
    expect(third.xml).toContain('defined by Ana');
    expect(third.xml).toContain('<text>par Ben</text>');
    expect(again.version).not.toBe(third.version);
  });

  it('refuses a save of the same field with a Conflict naming who changed it, and what it was', async () => {
    const guid = guids[1];
    const opened = await ana.get(session, db, guid);
    await ben.edit(session, db, guid, opened.version, { action: 'set', field: 'gloss', lang: 'fr', value: 'par Ben' });
    const { message, details } = await conflictOf(ana.edit(session, db, guid, opened.version, { action: 'set', field: 'gloss', lang: 'fr', value: 'par Ana' }));
    expect(message).toMatch(/^Ben changed this field/);
    expect(details.change).toMatchObject({ who: 'Ben', field: 'gloss', lang: 'fr', now: expect.arrayContaining(['par Ben']) });
    expect(details.xml).toContain('<text>par Ben</text>');
    expect(details.xml).not.toContain('par Ana');
    // An edit of every writing system of the field clashes with a change to one of them.
    await conflictOf(ana.edit(session, db, guid, opened.version, { action: 'clear', field: 'gloss' }));
    // Saved over the current version, as "keep my version" does, it lands.
    expect((await ana.edit(session, db, guid, details.version, { action: 'set', field: 'gloss', lang: 'fr', value: 'par Ana' }, 'ana-window')).xml).toContain('par Ana');
  });

  it('refuses when the log cannot tell what changed since the version', async () => {
    const guid = guids[2];
    const opened = await ana.get(session, db, guid);
    // Written around the app (no record): the version is not one the log knows.
    await session.query(`declare variable $db external; declare variable $g external;
      replace value of node db:open($db, 'dictionary.lift')/lift/entry[@guid = $g]/@dateModified with '2001-01-01T00:00:00Z'`, { db, g: guid });
    const { message, details } = await conflictOf(ana.edit(session, db, guid, opened.version, { action: 'set', field: 'gloss', lang: 'en', value: 'x' }));
    expect(message).toMatch(/changed elsewhere/);
    expect(details.change).toBeUndefined();
  });
});
