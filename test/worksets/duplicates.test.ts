import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { DuplicateGroup } from '../../src-main/domain/duplicates.js';
import { entryHistory } from '../../src-main/lift/change-log.js';
import { importLift } from '../../src-main/lift/import.js';
import { BulkService } from '../../src-main/worksets/bulk/bulk-service.js';
import { DuplicateService } from '../../src-main/worksets/duplicates/duplicate-service.js';
import { MergeService } from '../../src-main/worksets/duplicates/merge-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';

const SENA = resolve(SHARED_LIFT, 'Sena/Sena.lift');
const DOC = `declare variable $db external; declare variable $doc := db:open($db, 'dictionary.lift');`;

/**
 * Duplicates planted in the real Sena dictionary: a copy of an entry with its headword in NFD,
 * another case and extra spaces; an entry one letter off another's headword; an entry sharing
 * another's gloss and part of speech. Each is found with its reason, "not duplicates" hides a
 * group, and a merge (senses combined, a relation re-pointed, a tombstone left) is undone byte for byte.
 */
describe('duplicates in Sena', () => {
  const folder = mkdtempSync(join(tmpdir(), 'wb-dupes-'));
  const db = uniqueName('dupes');
  let session: BaseXSession;
  let store: Store;
  let duplicates: DuplicateService;
  let merges: MergeService;
  let bulk: BulkService;
  /** The entry copied (kept by the merge), its NFD copy, the typo'd entry and its original, the gloss sharer and its original, the relating entry. */
  const planted = { keep: '', copy: '', typo: '', typoOf: '', sharer: '', sharerOf: '', relating: '', keepHeadword: '', typoWord: '' };

  const query = (xquery: string, bindings: Record<string, string> = {}): Promise<string[]> => session.query(`${DOC}${xquery}`, { db, ...bindings });
  /** Every entry with the guid, tombstones included, as stored. */
  const serialized = async (guids: string[]): Promise<string[]> =>
    query(`declare variable $guids external; for $g in tokenize($guids, ' ') return $doc/lift/entry[@guid = $g] ! serialize(., map { 'method': 'xml', 'indent': 'no' })`, { guids: guids.join(' ') });
  const plant = (guid: string, of: string, edit: string, bindings: Record<string, string> = {}): Promise<string[]> =>
    query(`declare variable $guid external; declare variable $of external; ${Object.keys(bindings).map((k) => `declare variable $${k} external;`).join(' ')}
      let $e := $doc/lift/entry[@guid = $of]
      let $c := copy $c := $e modify (replace value of node $c/@guid with $guid, replace value of node $c/@id with 'planted_' || $guid, ${edit}) return $c
      return insert node $c as last into $doc/lift`, { guid, of, ...bindings });

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, SENA, { database: db });
    store = openStore(folder);
    bulk = new BulkService(store, TEST_AUTHOR);
    duplicates = new DuplicateService(TEST_AUTHOR);
    merges = new MergeService(store, TEST_AUTHOR, bulk);
    const unique = `let $hw := $e/lexical-unit/form[@lang = 'seh'][1]/text
      where count($doc/lift/entry/lexical-unit/form[lower-case(normalize-space(text)) = lower-case(normalize-space($hw))]) = 1`;
    // An accented headword, so NFD differs from it.
    [planted.keep, planted.keepHeadword] = await query(`(for $e in $doc/lift/entry[@id][count(sense) = 1][sense/gloss[@lang = 'en']][matches(lexical-unit/form[@lang = 'seh']/text, '^\\p{Ll}+á\\p{Ll}+$')]
      ${unique} return (string($e/@guid), string($hw)))[position() le 2]`);
    [planted.typoOf, planted.typoWord] = await query(`(for $e in $doc/lift/entry[@id][sense/gloss[@lang = 'en']][matches(lexical-unit/form[@lang = 'seh']/text, '^[a-z]{8,10}$')]
      ${unique} return (string($e/@guid), string($hw)))[position() le 2]`);
    [planted.sharerOf] = await query(`(for $e in $doc/lift/entry[count(sense) = 1][sense/grammatical-info/@value != ''][sense/gloss[@lang = 'en']/text[matches(., '^[a-z]{5,}$')]]
      let $g := $e/sense/gloss[@lang = 'en']/text
      where count($doc/lift/entry/sense/gloss[@lang = 'en'][lower-case(text) = lower-case($g)]) = 1
      return string($e/@guid))[1]`);
    [planted.relating] = await query(`(for $e in $doc/lift/entry[@id][empty(.//relation)][lexical-unit/form/text = ('mwana', 'madzi', 'nyumba')] return string($e/@guid), $doc/lift/entry[@id][empty(.//relation)][100]/@guid/string())[1]`);
    planted.copy = '00000000-0000-4000-8000-00000000c0d1';
    planted.typo = '00000000-0000-4000-8000-00000000c0d2';
    planted.sharer = '00000000-0000-4000-8000-00000000c0d3';
    const nfd = `  ${planted.keepHeadword.normalize('NFD').toUpperCase()}   `;
    expect(nfd.trim()).not.toBe(planted.keepHeadword);
    await plant(planted.copy, planted.keep, `replace value of node $c/lexical-unit/form[@lang = 'seh']/text with $hw,
      insert node <sense id="planted-extra-sense"><gloss lang="en"><text>a planted extra meaning</text></gloss></sense> after $c/sense[last()]`, { hw: nfd });
    const word = planted.typoWord;
    const typo = `${word.slice(0, 4)}${word[4] === 'x' ? 'y' : 'x'}${word.slice(5)}`;
    await plant(planted.typo, planted.typoOf, `replace value of node $c/lexical-unit/form[@lang = 'seh']/text with $hw,
      for $g in $c//gloss/text return replace value of node $g with 'planted typo gloss'`, { hw: typo });
    await plant(planted.sharer, planted.sharerOf, `replace value of node $c/lexical-unit/form[@lang = 'seh']/text with 'zzqplantedword'`);
    await query(`declare variable $g external; declare variable $ref external;
      insert node <relation type="synonym" ref="{$ref}"/> as last into $doc/lift/entry[@guid = $g]`, { g: planted.relating, ref: `planted_${planted.copy}` });
  }, 60_000);

  afterAll(async () => {
    store.close();
    await dropDictionary(session, db);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const groupWith = (groups: readonly DuplicateGroup[], a: string, b: string): DuplicateGroup | undefined => groups.find((g) => g.guids.includes(a) && g.guids.includes(b));

  it('finds each planted pair with its reason, scored between 0 and 1', async () => {
    const { groups } = await duplicates.find(session, db);
    for (const g of groups) {
      expect(g.score).toBeGreaterThan(0);
      expect(g.score).toBeLessThanOrEqual(1);
    }
    const same = groupWith(groups, planted.keep, planted.copy);
    expect(same?.reasons).toContain(`same headword after folding (${planted.keepHeadword.normalize('NFC').toLowerCase()})`);
    const typo = groupWith(groups, planted.typo, planted.typoOf);
    expect(typo?.reasons.some((r) => r.startsWith('headwords 1 edit apart ('))).toBe(true);
    const sharer = groupWith(groups, planted.sharer, planted.sharerOf);
    expect(sharer?.reasons.some((r) => r.startsWith("same gloss '"))).toBe(true);
    // The same headword and a shared gloss count for more than either.
    expect(same?.score ?? 0).toBeGreaterThan(sharer?.score ?? 1);
  });

  it('never proposes again entries said not to be duplicates', async () => {
    await duplicates.separate(session, db, [planted.sharer, planted.sharerOf]);
    const { groups } = await duplicates.find(session, db);
    expect(groupWith(groups, planted.sharer, planted.sharerOf)).toBeUndefined();
    expect(groupWith(groups, planted.typo, planted.typoOf)).toBeDefined();
  });

  it('previews a merge field by field without writing', async () => {
    const before = await serialized([planted.keep, planted.copy, planted.relating]);
    const preview = await merges.preview(session, db, { keep: planted.keep, merged: [planted.copy], choices: [] });
    expect(preview.senses.filter((s) => s.from === planted.copy).map((s) => s.kept)).toEqual([false, true]);
    expect(preview.conflicts).toEqual([expect.objectContaining({ key: 'lexeme:seh', chosen: planted.keep, byDefault: true })]);
    expect(preview.relations).toEqual([expect.objectContaining({ guid: planted.relating, type: 'synonym', from: `planted_${planted.copy}` })]);
    expect(await serialized([planted.keep, planted.copy, planted.relating])).toEqual(before);
  });

  it('merges: senses combined, the same sense once, the relation re-pointed, a tombstone left; undo restores every entry byte for byte', async () => {
    const touched = [planted.keep, planted.copy, planted.relating];
    const before = await serialized(touched);
    const [keptId] = await query(`declare variable $g external; string($doc/lift/entry[@guid = $g]/@id)`, { g: planted.keep });
    const outcome = await merges.merge(session, db, { keep: planted.keep, merged: [planted.copy], choices: [] });
    expect([...outcome.touched].sort()).toEqual([...touched].sort());
    const [kept, tomb, relating] = await serialized(touched);
    expect(kept.match(/<sense /g)).toHaveLength(2);
    expect(kept).toContain('a planted extra meaning');
    expect(kept).toContain(`<text>${planted.keepHeadword}</text>`);
    expect(tomb).toMatch(/^<entry [^>]*dateDeleted="[^"]+"\/>$/);
    expect(tomb).toMatch(/guid="[^"]+" dateDeleted=/);
    expect(relating).toContain(`<relation type="synonym" ref="${keptId}"/>`);
    // One operation, in each entry's history.
    const history = await entryHistory(session, db, planted.relating);
    expect(history[0]).toMatchObject({ op: 'merge', bulk: outcome.operationId });
    const listed = await bulk.list(session, { dictionary: db });
    expect(listed.find((op) => op.id === outcome.operationId)).toMatchObject({ state: 'done', changed: 3, merge: { keep: planted.keep, merged: [planted.copy] } });
    // The group is gone once merged.
    expect(groupWith((await duplicates.find(session, db)).groups, planted.keep, planted.copy)).toBeUndefined();

    const undone = await merges.undo(session, outcome.operationId);
    expect(undone.skipped).toEqual([]);
    expect(undone.operation.state).toBe('undone');
    expect(await serialized(touched)).toEqual(before);
  });

  it('refuses a choice of a value not in conflict, and a guid named twice, writing nothing', async () => {
    const before = await serialized([planted.keep, planted.copy]);
    await expect(merges.merge(session, db, { keep: planted.keep, merged: [planted.copy], choices: [`trait:nothing=${planted.copy}`] })).rejects.toMatchObject({ code: 'Invalid' });
    await expect(merges.merge(session, db, { keep: planted.keep, merged: [planted.keep], choices: [] })).rejects.toMatchObject({ code: 'Invalid' });
    await expect(merges.merge(session, db, { keep: planted.keep, merged: ['no-such-guid'], choices: [] })).rejects.toMatchObject({ code: 'NotFound' });
    expect(await serialized([planted.keep, planted.copy])).toEqual(before);
  });

  it('takes the merged entry\'s value where the user chose it', async () => {
    const preview = await merges.preview(session, db, { keep: planted.keep, merged: [planted.copy], choices: [`lexeme:seh=${planted.copy}`] });
    expect(preview.conflicts[0]).toMatchObject({ chosen: planted.copy, byDefault: false });
    expect(preview.headword).toBe(planted.keepHeadword.toUpperCase().normalize('NFC'));
  });
});
