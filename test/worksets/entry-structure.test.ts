import { beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { changeRecord } from '../../src-main/lift/change-log.js';
import { fieldEditSchema } from '../../src-main/ipc/contract/edit.js';
import type { FieldEdit } from '../../src-main/domain/edits.js';
import type { EntryService } from '../../src-main/worksets/entry-service.js';
import { conflictOf, twoEditors } from '../helpers/two-editors.js';

/**
 * The entry's parts themselves: senses added (and subsenses), deleted and moved, examples and
 * their translations edited, an entry created and deleted (leaving FLEx's tombstone). Each is one
 * change in the log, and undoing it puts the entry back byte for byte.
 */
describe('editing the shape of an entry', () => {
  const fixture = twoEditors('structure');
  let session: BaseXSession;
  let db: string;
  let ana: EntryService;
  let ben: EntryService;
  const find = (where: string): Promise<string[]> =>
    session.query(`declare variable $db external; db:open($db, 'dictionary.lift')/lift/entry[empty(@dateDeleted)]${where}/@guid/string()`, { db });
  const senseIds = (xml: string): string[] => [...xml.matchAll(/<sense id="([^"]+)"/g)].map((m) => m[1]);

  beforeAll(() => {
    ({ session, db, ana, ben } = fixture);
  });

  it('adds a sense with its gloss at the end, and a subsense to a sense; undo takes each away exactly', async () => {
    const [guid] = await find('[count(sense) = 1]');
    const opened = await ana.get(session, db, guid);
    const added = await ana.edit(session, db, guid, opened.version, { action: 'add', field: 'sense', lang: 'en', value: 'a second meaning' }, 'w1');
    expect(added.view.senses).toBe(2);
    expect(added.view.glosses.en?.at(-1)).toBe('a second meaning');
    expect(senseIds(added.xml)[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await changeRecord(session, db, added.change ?? 0)).toMatchObject({ op: 'edit', field: 'sense', was: [expect.any(String)], now: [expect.any(String), 'a second meaning'] });
    const sub = await ana.edit(session, db, guid, added.version, { action: 'add', field: 'sense', sense: 0, lang: 'en', value: 'a narrower one' });
    expect(sub.xml).toMatch(/<subsense id="[0-9a-f-]{36}"><gloss lang="en"><text>a narrower one<\/text><\/gloss><\/subsense><\/sense>/);
    const unsub = await ana.revert(session, db, sub.change ?? 0);
    expect(unsub.xml).toBe(added.xml);
    const undone = await ana.revert(session, db, added.change ?? 0);
    expect(undone.xml).toBe(opened.xml);
  });

  it('moves a sense to another place and deletes one; undo puts each back', async () => {
    const [, guid] = await find('[count(sense) = 1]');
    let entry = await ana.get(session, db, guid);
    for (const gloss of ['second', 'third']) entry = await ana.edit(session, db, guid, entry.version, { action: 'add', field: 'sense', lang: 'en', value: gloss });
    const before = senseIds(entry.xml);
    expect(before).toHaveLength(3);
    const moved = await ana.edit(session, db, guid, entry.version, { action: 'move', field: 'sense', sense: 0, to: 2 });
    expect(senseIds(moved.xml)).toEqual([before[1], before[2], before[0]]);
    expect(moved.view.glosses.en?.slice(0, 2)).toEqual(['second', 'third']);
    const back = await ana.edit(session, db, guid, moved.version, { action: 'move', field: 'sense', sense: 2, to: 0 });
    expect(back.xml.replace(/dateModified="[^"]*"/, '')).toBe(entry.xml.replace(/dateModified="[^"]*"/, ''));
    const deleted = await ana.edit(session, db, guid, back.version, { action: 'delete', field: 'sense', sense: 1 });
    expect(senseIds(deleted.xml)).toEqual([before[0], before[2]]);
    expect((await ana.revert(session, db, deleted.change ?? 0)).xml).toBe(back.xml);
    // Undoing a move puts the senses back in their order.
    const undoneMove = await ana.revert(session, db, moved.change ?? 0);
    expect(senseIds(undoneMove.xml)).toEqual(before);
  });

  it('a change to the senses since the user opened the entry is a conflict for any edit, never a merge', async () => {
    const [, , guid] = await find('[count(sense) = 1]');
    const opened = await ana.get(session, db, guid);
    await ben.edit(session, db, guid, opened.version, { action: 'add', field: 'sense', lang: 'en', value: 'Ben’s' });
    const conflict = await conflictOf(ana.edit(session, db, guid, opened.version, { action: 'set', field: 'gloss', sense: 0, lang: 'en', value: 'Ana’s' }));
    expect(conflict.details.change).toMatchObject({ who: 'Ben', field: 'sense' });
  });

  it('edits an example and its translation, adds and deletes an example; clearing its text keeps its translations', async () => {
    const [guid] = await find('[sense[1]/example[1]/translation/form[@lang = "en"]]');
    const opened = await ana.get(session, db, guid);
    const [vernacular] = await session.query(`declare variable $db external; declare variable $g external; (db:open($db, 'dictionary.lift')/lift/entry[@guid = $g]/sense[1]/example[1]/form/@lang/string())[1]`, { db, g: guid });
    const text = await ana.edit(session, db, guid, opened.version, { action: 'set', field: 'example', sense: 0, example: 0, lang: vernacular, value: 'a new sentence' });
    expect(text.xml).toMatch(new RegExp(`<example>\\s*<form lang="${vernacular}"><text>a new sentence</text></form>`));
    const translated = await ana.edit(session, db, guid, text.version, { action: 'set', field: 'translation', sense: 0, example: 0, lang: 'en', value: 'its translation' });
    expect(translated.xml).toMatch(/<translation[^>]*>\s*<form lang="en"><text>its translation<\/text><\/form>/);
    const cleared = await ana.edit(session, db, guid, translated.version, { action: 'clear', field: 'example', sense: 0, example: 0, lang: vernacular });
    expect(cleared.xml).toContain('<text>its translation</text>');
    const added = await ana.edit(session, db, guid, cleared.version, { action: 'add', field: 'example', sense: 0, lang: vernacular, value: 'a second sentence' });
    expect(added.xml).toMatch(/<\/example><example><form lang="[^"]+"><text>a second sentence<\/text><\/form><\/example>/);
    const removed = await ana.edit(session, db, guid, added.version, { action: 'delete', field: 'example', sense: 0, example: 1 });
    expect(removed.xml).not.toContain('a second sentence');
    for (const seq of [removed, added, cleared, translated, text].map((s) => s.change ?? 0)) await ana.revert(session, db, seq);
    expect((await ana.get(session, db, guid)).xml.replace(/dateModified="[^"]*"/, '')).toBe(opened.xml.replace(/dateModified="[^"]*"/, ''));
  });

  it('deletes an entry to the tombstone FLEx expects, and undo brings it back byte for byte', async () => {
    const [guid] = await find('');
    const opened = await ana.get(session, db, guid);
    const deleted = await ana.edit(session, db, guid, opened.version, { action: 'delete', field: 'entry' }, 'w1');
    expect(deleted).toMatchObject({ deleted: true, change: expect.any(Number) });
    const [tombstone] = await session.query(`declare variable $db external; declare variable $g external; serialize(db:open($db, 'dictionary.lift')/lift/entry[@guid = $g])`, { db, g: guid });
    // FLEx's order: the entry's own attributes as they were, dateDeleted last.
    const attributes = (xml: string): string[] => [...(/^<entry ([^>]*?)\/?>/.exec(xml)?.[1] ?? '').matchAll(/([\w:-]+)="/g)].map((m) => m[1]);
    expect(tombstone).toMatch(/^<entry [^>]*\/>$/);
    expect(attributes(tombstone)).toEqual([...attributes(opened.xml), 'dateDeleted']);
    expect(tombstone).toContain(`guid="${guid}"`);
    expect(tombstone).toMatch(/ dateDeleted="\d{4}-\d\d-\d\dT[\d:]+Z"\/>$/);
    await expect(ana.get(session, db, guid)).rejects.toMatchObject({ code: 'NotFound' });
    expect(await changeRecord(session, db, deleted.change ?? 0)).toMatchObject({ field: 'entry', was: [expect.any(String)], now: [] });
    const undone = await ana.revert(session, db, deleted.change ?? 0);
    expect(undone.xml).toBe(opened.xml);
  });

  it('creates an entry with its headword and first gloss (NFC, trimmed); undoing it leaves a tombstone', async () => {
    const created = await ana.create(session, db, { lang: 'seh', headword: ' cafe\u0301 ', gloss: { lang: 'en', text: 'coffee' } }, 'w1');
    expect(created.view.headword).toEqual({ seh: 'café' });
    expect(created.view.glosses).toEqual({ en: ['coffee'] });
    expect(created.xml).toMatch(/^<entry id="café_[0-9a-f-]{36}" dateCreated="[^"]+" dateModified="[^"]+" guid="[0-9a-f-]{36}"><lexical-unit><form lang="seh"><text>café<\/text><\/form><\/lexical-unit><sense id="[0-9a-f-]{36}"><gloss lang="en"><text>coffee<\/text><\/gloss><\/sense><\/entry>$/);
    expect(await changeRecord(session, db, created.change ?? 0)).toMatchObject({ op: 'edit', field: 'entry', guid: created.view.guid, was: [], now: ['café'] });
    const undone = await ana.revert(session, db, created.change ?? 0);
    expect(undone.deleted).toBe(true);
    const redone = await ana.revert(session, db, undone.change ?? 0);
    expect(redone.xml).toBe(created.xml);
    await expect(ana.create(session, db, { lang: 'seh', headword: '   ' })).rejects.toMatchObject({ code: 'Invalid' });
  });

  it('every save answers the version the entry is stored at, so the next edit needs no reload', async () => {
    const created = await ana.create(session, db, { lang: 'seh', headword: 'zumbalo' });
    const guid = created.view.guid;
    let entry = created;
    const steps: FieldEdit[] = [
      { action: 'add', field: 'sense' },
      { action: 'set', field: 'gloss', sense: 0, lang: 'en', value: 'to dance' },
      { action: 'add', field: 'sense' },
      { action: 'set', field: 'gloss', sense: 1, lang: 'en', value: 'a dance' },
      { action: 'move', field: 'sense', sense: 1, to: 0 },
      { action: 'add', field: 'example', sense: 0, lang: 'seh', value: 'zumbalo wa ngoma' },
      { action: 'set', field: 'translation', sense: 0, example: 0, lang: 'en', value: 'the drum dance' },
      { action: 'add', field: 'sense', sense: 1, lang: 'en', value: 'a wedding dance' },
      { action: 'delete', field: 'sense', sense: 0 },
    ];
    for (const edit of steps) {
      entry = await ana.edit(session, db, guid, entry.version, edit);
      expect((await ana.get(session, db, guid)).version, `${edit.action} ${edit.field}`).toBe(entry.version);
    }
  });

  it('refuses edits that do not say which part, or that no part can have', () => {
    const problems = (edit: unknown): string[] => {
      const parsed = fieldEditSchema.safeParse(edit);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(problems({ action: 'move', field: 'sense', sense: 0 })).toEqual(['to: moving a sense needs where to (to)']);
    expect(problems({ action: 'delete', field: 'sense' })).toEqual(['sense: delete needs the sense (its position)']);
    expect(problems({ action: 'set', field: 'sense', value: 'x' })).toEqual(['action: a sense is added, deleted or moved, not given text (edit its fields instead)']);
    expect(problems({ action: 'add', field: 'gloss', lang: 'en', value: 'x' })).toEqual(['action: add is not something a gloss can have done to it']);
    expect(problems({ action: 'set', field: 'translation', sense: 0, lang: 'en', value: 'x' })).toEqual(['example: translation needs the example (its position)']);
    expect(problems({ action: 'delete', field: 'entry' })).toEqual([]);
  });
});
