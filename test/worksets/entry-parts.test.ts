import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { FieldEdit } from '../../src-main/domain/edits.js';
import type { SavedEntry } from '../../src-main/domain/entries.js';
import { fieldEditSchema } from '../../src-main/ipc/contract/edit.js';
import { changeRecord } from '../../src-main/lift/change-log.js';
import { importLift } from '../../src-main/lift/import.js';
import { EntryService } from '../../src-main/worksets/entry-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';
import { conflictOf, twoEditors } from '../helpers/two-editors.js';

/**
 * Pronunciations, variants and relations, edited as ordinary changes: each edit lands where LIFT
 * 0.13 puts it, is one record in the log, and undoing the edits puts the entry back byte for byte.
 */
describe('pronunciations, variants and relations of an entry', () => {
  const fixture = twoEditors('parts');
  let session: BaseXSession;
  let db: string;
  let ana: EntryService;
  let ben: EntryService;
  const guidsWith = (where: string): Promise<string[]> =>
    fixture.session.query(`declare variable $db external; db:open($db, 'dictionary.lift')/lift/entry[empty(@dateDeleted)]${where}/@guid/string()`, { db });
  const undoAll = async (saves: readonly SavedEntry[]): Promise<void> => {
    for (const saved of [...saves].reverse()) await ana.revert(session, db, saved.change ?? 0);
  };
  const compact = (xml: string): string => xml.replace(/>\s+</g, '><');

  beforeAll(() => {
    ({ session, db, ana, ben } = fixture);
  });

  it('adds pronunciations after the headword, sets and clears their forms, deletes one; undo restores every byte', async () => {
    const [guid] = await guidsWith('[lexical-unit][count(sense) = 1]');
    const opened = await ana.get(session, db, guid);
    const saves: SavedEntry[] = [];
    const edit = async (change: FieldEdit): Promise<SavedEntry> => {
      const saved = await ana.edit(session, db, guid, (saves.at(-1) ?? opened).version, change, 'w1');
      saves.push(saved);
      return saved;
    };
    const first = await edit({ action: 'add', field: 'pronunciation', lang: 'qaa-fonipa', value: 'aˈhiː' });
    expect(compact(first.xml)).toMatch(/<\/lexical-unit><pronunciation><form lang="qaa-fonipa"><text>aˈhiː<\/text><\/form><\/pronunciation><trait name="morph-type"/);
    expect(await changeRecord(session, db, first.change ?? 0)).toMatchObject({ op: 'edit', field: 'pronunciation', lang: 'qaa-fonipa', was: [], now: ['aˈhiː'] });
    const second = await edit({ action: 'add', field: 'pronunciation', lang: 'qaa-fonipa', value: 'ˈahi' });
    expect(compact(second.xml)).toContain('<text>aˈhiː</text></form></pronunciation><pronunciation><form lang="qaa-fonipa"><text>ˈahi</text>');
    const formed = await edit({ action: 'set', field: 'pronunciation', index: 1, lang: 'en', value: 'AH-hee' });
    expect(compact(formed.xml)).toContain('<pronunciation><form lang="qaa-fonipa"><text>ˈahi</text></form><form lang="en"><text>AH-hee</text></form></pronunciation>');
    const reset = await edit({ action: 'set', field: 'pronunciation', index: 0, lang: 'qaa-fonipa', value: 'aˈhi' });
    expect(reset.xml).toContain('<text>aˈhi</text>');
    const cleared = await edit({ action: 'clear', field: 'pronunciation', index: 1, lang: 'en' });
    expect(cleared.xml).not.toContain('AH-hee');
    const deleted = await edit({ action: 'delete', field: 'pronunciation', index: 0 });
    expect(compact(deleted.xml)).toMatch(/<\/lexical-unit><pronunciation><form lang="qaa-fonipa"><text>ˈahi<\/text><\/form><\/pronunciation><trait/);
    expect(await changeRecord(session, db, deleted.change ?? 0)).toMatchObject({ field: 'pronunciation', was: ['aˈhi', 'ˈahi'], now: ['ˈahi'] });
    // Clearing a pronunciation's last form leaves nothing of it.
    const emptied = await edit({ action: 'clear', field: 'pronunciation', index: 0, lang: 'qaa-fonipa' });
    expect(emptied.xml).not.toContain('<pronunciation');
    await undoAll(saves);
    expect((await ana.get(session, db, guid)).xml).toBe(opened.xml);
  });

  it('adds a variant after the pronunciations (LIFT order), edits its forms and deletes it; undo restores every byte', async () => {
    const [, guid] = await guidsWith('[lexical-unit][count(sense) = 1]');
    const opened = await ana.get(session, db, guid);
    const saves: SavedEntry[] = [];
    const edit = async (change: FieldEdit): Promise<SavedEntry> => {
      const saved = await ana.edit(session, db, guid, (saves.at(-1) ?? opened).version, change);
      saves.push(saved);
      return saved;
    };
    // A variant first, then a pronunciation: the pronunciation still goes before the variant.
    await edit({ action: 'add', field: 'variant', lang: 'qaa-x-sample', value: 'ahii' });
    const both = await edit({ action: 'add', field: 'pronunciation', lang: 'qaa-fonipa', value: 'aˈhiː' });
    expect(compact(both.xml)).toMatch(/<\/lexical-unit><pronunciation>.*?<\/pronunciation><variant><form lang="qaa-x-sample"><text>ahii<\/text><\/form><\/variant><trait name="morph-type"/);
    const second = await edit({ action: 'add', field: 'variant', lang: 'qaa-x-sample', value: 'ahiya' });
    expect(compact(second.xml)).toContain('<text>ahii</text></form></variant><variant><form lang="qaa-x-sample"><text>ahiya</text></form></variant>');
    const set = await edit({ action: 'set', field: 'variant', index: 0, lang: 'qaa-x-sample', value: 'ahī' });
    expect(await changeRecord(session, db, set.change ?? 0)).toMatchObject({ field: 'variant', was: ['ahii', 'ahiya'], now: ['ahī', 'ahiya'] });
    const gone = await edit({ action: 'delete', field: 'variant', index: 1 });
    expect(gone.xml).not.toContain('ahiya');
    await undoAll(saves);
    expect((await ana.get(session, db, guid)).xml).toBe(opened.xml);
  });

  it('relates an entry and a sense to other entries, changes a type and deletes one; undo restores every byte', async () => {
    const [guid, target] = await guidsWith('[lexical-unit][count(sense) = 1][sense/definition]');
    const opened = await ana.get(session, db, guid);
    const other = await ana.get(session, db, target);
    const saves: SavedEntry[] = [];
    const edit = async (change: FieldEdit): Promise<SavedEntry> => {
      const saved = await ana.edit(session, db, guid, (saves.at(-1) ?? opened).version, change);
      saves.push(saved);
      return saved;
    };
    const related = await edit({ action: 'add', field: 'relation', value: 'Synonyms', ref: other.view.id });
    // After the senses, as LIFT orders an entry's children.
    expect(compact(related.xml)).toMatch(new RegExp(`</sense><relation type="Synonyms" ref="${other.view.id}"/></entry>$`));
    expect(await changeRecord(session, db, related.change ?? 0)).toMatchObject({ field: 'relation', was: [], now: [`Synonyms → ${other.view.id}`] });
    const [senseId] = /<sense id="([^"]+)"/.exec(other.xml)?.slice(1) ?? [];
    const ofSense = await edit({ action: 'add', field: 'relation', sense: 0, value: 'Compare', ref: senseId });
    // In the sense: after its glosses and definition, before its semantic domain.
    expect(compact(ofSense.xml)).toMatch(new RegExp(`</definition><relation type="Compare" ref="${senseId}"/><trait name="semantic-domain-ddp4"`));
    const retyped = await edit({ action: 'set', field: 'relation', index: 0, value: 'Antonym' });
    expect(retyped.xml).toContain(`<relation type="Antonym" ref="${other.view.id}"/>`);
    const targets = await ana.targets(session, db, [other.view.id, senseId, 'no-such-id']);
    expect(targets).toEqual([
      { ref: other.view.id, guid: target, headword: Object.values(other.view.headword)[0], lang: 'qaa-x-sample' },
      { ref: senseId, guid: target, headword: Object.values(other.view.headword)[0], lang: 'qaa-x-sample', gloss: expect.any(String) },
    ]);
    const removed = await edit({ action: 'delete', field: 'relation', sense: 0, index: 0 });
    expect(removed.xml).not.toContain('type="Compare"');
    await undoAll(saves);
    expect((await ana.get(session, db, guid)).xml).toBe(opened.xml);
  });

  it('a change to an entry’s pronunciations since it was opened is a conflict for another pronunciation edit, not a merge', async () => {
    const [, , guid] = await guidsWith('[lexical-unit][count(sense) = 1]');
    const opened = await ana.get(session, db, guid);
    const added = await ana.edit(session, db, guid, opened.version, { action: 'add', field: 'pronunciation', lang: 'qaa-fonipa', value: 'one' });
    const deleted = await ben.edit(session, db, guid, added.version, { action: 'delete', field: 'pronunciation', index: 0 });
    const conflict = await conflictOf(ana.edit(session, db, guid, added.version, { action: 'set', field: 'pronunciation', index: 0, lang: 'en', value: 'x' }));
    expect(conflict.details.change).toMatchObject({ who: 'Ben', field: 'pronunciation', seq: deleted.change });
    // Another field merges as before.
    const glossed = await ana.edit(session, db, guid, added.version, { action: 'set', field: 'gloss', sense: 0, lang: 'en', value: 'merged' });
    expect(glossed.xml).toContain('<text>merged</text>');
  });

  it('reverts a part’s change alone, keeping a later change elsewhere in the entry (three-way merge)', async () => {
    const [guid, target] = await guidsWith('[lexical-unit][count(sense) = 1][empty(relation)]');
    const ref = (await ana.get(session, db, target)).view.id;
    const opened = await ana.get(session, db, guid);
    const spoken = await ana.edit(session, db, guid, opened.version, { action: 'add', field: 'pronunciation', lang: 'qaa-fonipa', value: 'ˈtoko' });
    const related = await ana.edit(session, db, guid, spoken.version, { action: 'add', field: 'relation', value: 'Synonyms', ref });
    const retyped = await ana.edit(session, db, guid, related.version, { action: 'set', field: 'relation', index: 0, value: 'Antonym' });
    const glossed = await ben.edit(session, db, guid, retyped.version, { action: 'set', field: 'gloss', sense: 0, lang: 'en', value: 'kept' });
    const untyped = await ana.revert(session, db, retyped.change ?? 0);
    expect(untyped.xml).toContain(`<relation type="Synonyms" ref="${ref}"/>`);
    const unspoken = await ana.revert(session, db, spoken.change ?? 0);
    expect(unspoken.xml).not.toContain('<pronunciation');
    expect(unspoken.xml).toContain('<text>kept</text>');
    expect(unspoken.xml).toContain(`<relation type="Synonyms" ref="${ref}"/>`);
    expect(await changeRecord(session, db, untyped.change ?? 0)).toMatchObject({ op: 'revert', field: 'relation', was: [`Antonym → ${ref}`], now: [`Synonyms → ${ref}`] });
    expect(glossed.change).toBeDefined();
  });

  it('refuses, in words, an edit that does not say which part, or names one the entry lacks; nothing is written', async () => {
    const problems = (edit: unknown): string[] => {
      const parsed = fieldEditSchema.safeParse(edit);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(problems({ action: 'set', field: 'pronunciation', lang: 'en', value: 'x' })).toEqual(['index: set needs the pronunciation (its position, index)']);
    expect(problems({ action: 'add', field: 'variant', lang: 'en' })).toEqual(['value: a new variant needs its text and writing system (value and lang)']);
    expect(problems({ action: 'add', field: 'relation', value: 'Synonyms' })).toEqual(['ref: a new relation needs its target (ref)']);
    expect(problems({ action: 'clear', field: 'relation', index: 0 })).toEqual(['action: a relation is added, deleted or given another type, not clear']);
    expect(problems({ action: 'replace', field: 'variant', index: 0, pattern: 'a' })).toEqual(['action: a variant is added, deleted, or has its forms set or cleared, not replace']);
    expect(problems({ action: 'add', field: 'pronunciation', sense: 0, lang: 'en', value: 'x' })).toEqual(['sense: a pronunciation belongs to the entry, not to a sense']);
    expect(problems({ action: 'set', field: 'gloss', sense: 0, lang: 'en', value: 'x', index: 1 })).toEqual(['index: gloss has no index: only pronunciations, variants and relations are picked by it']);
    expect(problems({ action: 'add', field: 'relation', sense: 0, value: 'Compare', ref: 'x' })).toEqual([]);

    const [guid] = await guidsWith('[lexical-unit][count(sense) = 1][empty(pronunciation)]');
    const opened = await ana.get(session, db, guid);
    await expect(ana.edit(session, db, guid, opened.version, { action: 'delete', field: 'pronunciation', index: 0 })).rejects.toMatchObject({ code: 'Invalid', message: 'the entry has no pronunciation 1 (it has 0)' });
    await expect(ana.edit(session, db, guid, opened.version, { action: 'add', field: 'relation', sense: 3, value: 'Compare', ref: opened.view.id })).rejects.toMatchObject({ code: 'Invalid', message: 'the entry has no sense 4' });
    await expect(ana.edit(session, db, guid, opened.version, { action: 'add', field: 'relation', value: 'Synonyms', ref: 'nowhere"]; db:drop("x")' })).rejects.toMatchObject({ code: 'Invalid', message: `no entry or sense of ${db} has the id “nowhere"]; db:drop("x")”` });
    await expect(ana.edit(session, db, guid, opened.version, { action: 'add', field: 'relation', value: 'Synonyms', ref: opened.view.id })).rejects.toMatchObject({ code: 'Invalid', message: 'an entry cannot be related to itself' });
    expect((await ana.get(session, db, guid)).xml).toBe(opened.xml);
  });
});

/** Sena (FLEx): variants holding traits, pronunciations holding only media, relations of senses. */
describe('pronunciations, variants and relations as FLEx writes them', () => {
  const folder = mkdtempSync(join(tmpdir(), 'wb-parts-sena-'));
  const db = uniqueName('parts_sena');
  let session: BaseXSession;
  let store: Store;
  let ana: EntryService;
  const first = async (where: string): Promise<string> =>
    (await session.query(`declare variable $db external; (db:open($db, 'dictionary.lift')/lift/entry[empty(@dateDeleted)]${where})[1]/@guid/string()`, { db }))[0];

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, join(SHARED_LIFT, 'Sena/Sena.lift'), { database: db });
    store = openStore(folder);
    ana = new EntryService(store, { ...TEST_AUTHOR, who: 'Ana', instance: 'ana' });
  });
  afterAll(async () => {
    store?.close();
    await dropDictionary(session, db);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps what a variant holds besides its forms: its traits stay when its form is set or cleared', async () => {
    const guid = await first('[variant[form][trait[@name = "environment"]]]');
    const opened = await ana.get(session, db, guid);
    const set = await ana.edit(session, db, guid, opened.version, { action: 'set', field: 'variant', index: 0, lang: 'seh', value: '-kwo' });
    expect(set.xml).toMatch(/<variant>\s*<form lang="seh"><text>-kwo<\/text><\/form>\s*<trait name="environment" value="\/ _ #"\/>\s*<trait name="morph-type" value="suffix"\/>\s*<\/variant>/);
    const cleared = await ana.edit(session, db, guid, set.version, { action: 'clear', field: 'variant', index: 0 });
    expect(cleared.xml).toMatch(/<variant>\s*<trait name="environment" value="\/ _ #"\/>\s*<trait name="morph-type" value="suffix"\/>\s*<\/variant>/);
    await ana.revert(session, db, cleared.change ?? 0);
    await ana.revert(session, db, set.change ?? 0);
    expect((await ana.get(session, db, guid)).xml).toBe(opened.xml);
  });

  it('gives a pronunciation that holds only a recording its first form, before the media', async () => {
    const guid = await first('[pronunciation[media][empty(form)]]');
    const opened = await ana.get(session, db, guid);
    const set = await ana.edit(session, db, guid, opened.version, { action: 'set', field: 'pronunciation', index: 0, lang: 'seh-fonipa', value: 'ˈmbira' });
    expect(set.xml).toMatch(/<pronunciation><form lang="seh-fonipa"><text>ˈmbira<\/text><\/form>\s*<media href=/);
    expect((await ana.revert(session, db, set.change ?? 0)).xml).toBe(opened.xml);
  });

  it('shows a sense’s relation by the headword of the entry holding the target sense', async () => {
    const [ref] = await session.query(`declare variable $db external; (db:open($db, 'dictionary.lift')/lift/entry/sense/relation[@type = 'Synonyms']/@ref/string())[1]`, { db });
    const [owner] = await session.query(`declare variable $db external; declare variable $ref external; db:open($db, 'dictionary.lift')/lift/entry[sense[@id = $ref]]/@guid/string()`, { db, ref });
    const [target] = await ana.targets(session, db, [ref]);
    expect(target).toMatchObject({ ref, guid: owner, lang: 'seh', gloss: expect.any(String) });
    expect(target.headword).not.toBe('');
  });
});
