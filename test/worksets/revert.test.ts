import { beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { changeRecord } from '../../src-main/lift/change-log.js';
import type { EntryService } from '../../src-main/worksets/entry-service.js';
import { conflictOf, twoEditors } from '../helpers/two-editors.js';

/**
 * Reverting one recorded change (undo, redo, "revert this change"): what it changed goes back,
 * what was changed since elsewhere stays, and a part changed since is never silently overwritten.
 */
describe('reverting a change', () => {
  const fixture = twoEditors('revert');
  let session: BaseXSession;
  let db: string;
  let guids: readonly string[];
  let ana: EntryService;
  let ben: EntryService;

  beforeAll(() => {
    ({ session, db, guids, ana, ben } = fixture);
    expect(guids.length).toBeGreaterThan(5);
  });

  it('puts the entry back byte for byte when nothing changed it since, and redo is the revert of the revert', async () => {
    const opened = await ana.get(session, db, guids[0]);
    const saved = await ana.edit(session, db, guids[0], opened.version, { action: 'set', field: 'gloss', lang: 'en', value: 'undo me' }, 'w1');
    expect(saved.change).toBeGreaterThan(0);
    const undone = await ana.revert(session, db, saved.change ?? 0, { window: 'w1' });
    expect(undone.xml).toBe(opened.xml);
    expect(undone.version).toBe(opened.version);
    expect(await changeRecord(session, db, undone.change ?? 0)).toMatchObject({ op: 'revert', reverts: saved.change, who: 'Ana', window: 'w1', field: 'gloss', lang: 'en', before: saved.version, after: opened.version, now: expect.not.arrayContaining(['undo me']), was: expect.arrayContaining(['undo me']) });
    const redone = await ana.revert(session, db, undone.change ?? 0, { window: 'w1' });
    expect(redone.xml).toBe(saved.xml);
    // Reverting it again when it is already as before changes nothing and records nothing.
    const again = await ana.revert(session, db, undone.change ?? 0);
    expect(again.change).toBeUndefined();
    expect(again.version).toBe(redone.version);
  });

  it('reverts only what the change did, keeping what others changed since in other fields', async () => {
    const guid = guids[1];
    const opened = await ana.get(session, db, guid);
    const mine = await ana.edit(session, db, guid, opened.version, { action: 'set', field: 'gloss', lang: 'en', value: 'mine' });
    const theirs = await ben.edit(session, db, guid, mine.version, { action: 'set', field: 'gloss', lang: 'fr', value: 'le leur' });
    const noted = await ben.edit(session, db, guid, theirs.version, { action: 'set', field: 'note', lang: 'en', value: 'a new note' });
    const undone = await ana.revert(session, db, mine.change ?? 0);
    expect(undone.xml).not.toContain('mine');
    expect(undone.xml).toContain('<text>le leur</text>');
    expect(undone.xml).toContain('a new note');
    // The English glosses are the ones the entry had before, and nothing else moved.
    const enGlosses = (xml: string) => [...xml.matchAll(/<gloss lang="en"><text>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(enGlosses(undone.xml)).toEqual(enGlosses(opened.xml));
    expect(undone.xml.replace(/dateModified="[^"]*"/, '')).toBe(noted.xml.replace(/dateModified="[^"]*"/, '').replace(/<gloss lang="en"><text>mine<\/text>/, `<gloss lang="en"><text>${enGlosses(opened.xml)[0]}</text>`));
  });

  it('puts back a part the change removed, where it was, and removes a part it added', async () => {
    const guid = guids[2];
    const opened = await ana.get(session, db, guid);
    const cleared = await ana.edit(session, db, guid, opened.version, { action: 'clear', field: 'gloss', lang: 'fr' });
    expect(cleared.xml).not.toContain('<gloss lang="fr"');
    const added = await ana.edit(session, db, guid, cleared.version, { action: 'set', field: 'note', lang: 'en', value: 'added note' });
    await ben.edit(session, db, guid, added.version, { action: 'set', field: 'definition', lang: 'en', value: 'Ben defined it' });
    const restored = await ana.revert(session, db, cleared.change ?? 0);
    const frGlosses = (xml: string) => [...xml.matchAll(/<gloss lang="fr">.*?<\/gloss>/gs)].map((m) => m[0]);
    expect(frGlosses(restored.xml)).toEqual(frGlosses(opened.xml));
    // Each back in its place: the glosses' writing systems come in the order they had.
    const glossLangs = (xml: string) => [...xml.matchAll(/<(gloss lang="[^"]*"|sense\b)/g)].map((m) => m[1]);
    expect(glossLangs(restored.xml)).toEqual(glossLangs(opened.xml));
    expect(restored.xml).toContain('Ben defined it');
    const withoutNote = await ana.revert(session, db, added.change ?? 0);
    expect(withoutNote.xml).not.toContain('added note');
    expect(withoutNote.xml).toContain('Ben defined it');
    expect(frGlosses(withoutNote.xml)).toEqual(frGlosses(opened.xml));
  });

  it('refuses to revert a change whose field was changed again, naming who; revert anyway puts it back', async () => {
    const guid = guids[3];
    const opened = await ana.get(session, db, guid);
    const mine = await ana.edit(session, db, guid, opened.version, { action: 'set', field: 'gloss', lang: 'en', value: 'mine' });
    const theirs = await ben.edit(session, db, guid, mine.version, { action: 'set', field: 'gloss', lang: 'en', value: 'theirs' });
    const { message, details } = await conflictOf(ana.revert(session, db, mine.change ?? 0));
    expect(message).toMatch(new RegExp(`Ben changed it again \\(change ${theirs.change}\\)`));
    expect(details.change).toMatchObject({ seq: theirs.change, who: 'Ben', field: 'gloss', lang: 'en' });
    expect(details.version).toBe(theirs.version);
    expect((await ana.get(session, db, guid)).version).toBe(theirs.version);
    const forced = await ana.revert(session, db, mine.change ?? 0, { force: true });
    expect(forced.xml).not.toContain('theirs');
    expect(forced.xml).not.toContain('>mine<');
  });

  it('says clearly when the change or the entry is not there', async () => {
    await expect(ana.revert(session, db, 999_999)).rejects.toMatchObject({ code: 'NotFound', message: expect.stringMatching(/no change 999999/) });
    const guid = guids[4];
    const opened = await ana.get(session, db, guid);
    const saved = await ana.edit(session, db, guid, opened.version, { action: 'set', field: 'gloss', lang: 'en', value: 'soon gone' });
    await session.query(`declare variable $db external; declare variable $g external;
      insert node attribute dateDeleted { '2026-01-01T00:00:00Z' } into db:open($db, 'dictionary.lift')/lift/entry[@guid = $g]`, { db, g: guid });
    await expect(ana.revert(session, db, saved.change ?? 0)).rejects.toMatchObject({ code: 'NotFound', message: expect.stringMatching(/was deleted/) });
  });
});
