import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { BUILT_IN_RULES, type CheckReport } from '../../src-main/domain/checks.js';
import { changesSince, lastChange } from '../../src-main/lift/change-log.js';
import { importLift } from '../../src-main/lift/import.js';
import { CheckService } from '../../src-main/worksets/check-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';

/**
 * The consistency checks on the real Sena export: what they find in it as exported (stable
 * counts), then one planted violation of each rule, each found exactly (no other entry).
 */

/** The entries each rule finds in Sena as FLEx exported it (with its ranges). */
const SENA_COUNTS: Record<string, number> = {
  // Nine senses have no Portuguese gloss; en and pt are both on nearly every sense.
  'missing-gloss': 9,
  // Two entries use "Nomzr", which is not in the grammatical-info range (empty values are no part of speech).
  'pos-not-in-ranges': 2,
  'domain-not-in-ranges': 0,
  'dangling-relation': 0,
  'empty-sense': 0,
  'duplicate-gloss': 0,
  'headword-form': 0,
  'missing-headword': 0,
};

describe('consistency checks on Sena', () => {
  let session: BaseXSession;
  let store: Store;
  let checks: CheckService;
  let worksets: WorksetService;
  const db = uniqueName('checks');
  const folder = mkdtempSync(join(tmpdir(), 'wb-checks-'));
  let before: CheckReport;
  const planted: Record<string, string[]> = {};

  const found = (report: CheckReport, rule: string): string[] => [...(report.rules.find((r) => r.rule === rule)?.guids ?? [])];
  /** Live entries with one sense, an en gloss and a lexical unit, none of them flagged before. */
  const cleanEntries = async (n: number): Promise<string[]> => {
    const flagged = new Set(before.rules.flatMap((r) => r.guids));
    const guids = await session.query(
      `declare variable $db external; db:open($db, 'dictionary.lift')/lift/entry[empty(@dateDeleted)][count(sense) = 1][sense/gloss[@lang = 'en']][lexical-unit/form]/@guid/string()`,
      { db },
    );
    return guids.filter((g) => !flagged.has(g)).slice(0, n);
  };
  /** An update of one entry (`$e`), with its values bound. */
  const plant = (guid: string, update: string, bindings: Record<string, string> = {}): Promise<string[]> =>
    session.query(
      `declare variable $db external; declare variable $g external; ${Object.keys(bindings).map((k) => `declare variable $${k} external;`).join(' ')}
       let $e := db:open($db, 'dictionary.lift')/lift/entry[@guid = $g] return ${update}`,
      { db, g: guid, ...bindings },
    );

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, join(SHARED_LIFT, 'Sena/Sena.lift'), { database: db });
    store = openStore(folder);
    worksets = new WorksetService(store, TEST_AUTHOR);
    checks = new CheckService(worksets, TEST_AUTHOR);
    before = await checks.run(session, db);
  });

  afterAll(async () => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
    await dropDictionary(session, db);
    await session.close();
  });

  it('finds in the real export what is there, the same each time', async () => {
    expect(before.rules.map((r) => r.rule)).toEqual([...BUILT_IN_RULES]);
    expect(Object.fromEntries(before.rules.map((r) => [r.rule, r.count]))).toEqual(SENA_COUNTS);
    for (const r of before.rules) expect(r.guids).toHaveLength(r.count);
    expect(before.glossLangs).toEqual({ langs: ['en', 'pt'], source: 'most-used' });
    expect(before.rules[0].note).toMatch(/checked en, pt: none is required/);
    expect(await checks.run(session, db)).toEqual(before);
  });

  it('finds each planted violation, and nothing else new', async () => {
    const [a, b, c, d, e, f, g1, g2, h] = await cleanEntries(9);
    await plant(a, `delete node $e/sense[1]/gloss[@lang = 'en']`);
    await plant(b, `if ($e/sense[1]/grammatical-info) then replace value of node $e/sense[1]/grammatical-info/@value with $v
      else insert node <grammatical-info value="{$v}"/> as first into $e/sense[1]`, { v: 'Not a part of speech' });
    await plant(c, `insert node <trait name="semantic-domain-ddp4" value="{$v}"/> into $e/sense[1]`, { v: '99.9 Nowhere' });
    await plant(d, `insert node <relation type="Synonyms" ref="{$v}"/> into $e`, { v: 'no such entry_0b1c' });
    // An empty sense has no gloss either: missing-gloss finds it too.
    await plant(e, `insert node <sense id="{$v}"/> into $e`, { v: 'planted-empty-sense' });
    await plant(f, `insert node $e/sense[1]/gloss[@lang = 'en'] after $e/sense[1]/gloss[@lang = 'en']`);
    await plant(g1, `replace value of node ($e/lexical-unit/form/text)[1] with $v || string(($e/lexical-unit/form/text)[1]) || $v`, { v: ' ' });
    await plant(g2, `replace value of node ($e/lexical-unit/form/text)[1] with $v`, { v: 'cafe\u0301' });
    await plant(h, `delete node ($e/lexical-unit, $e/citation)`);
    Object.assign(planted, {
      'missing-gloss': [a, e], 'pos-not-in-ranges': [b], 'domain-not-in-ranges': [c], 'dangling-relation': [d],
      'empty-sense': [e], 'duplicate-gloss': [f], 'headword-form': [g1, g2], 'missing-headword': [h],
    });

    const after = await checks.run(session, db);
    for (const rule of BUILT_IN_RULES) {
      const was = found(before, rule);
      const now = found(after, rule);
      expect(now.filter((guid) => !was.includes(guid)).sort(), rule).toEqual([...planted[rule]].sort());
      expect(was.filter((guid) => !now.includes(guid)), rule).toEqual([]);
    }
  });

  it('checks the required writing systems once they are set, and says which', async () => {
    expect(await checks.setRequiredGloss(session, db, ['en', ' en', ''])).toEqual(['en']);
    const required = await checks.run(session, db);
    expect(required.glossLangs).toEqual({ langs: ['en'], source: 'required' });
    expect(required.rules[0].note).toBe('checked en (required)');
    // The nine senses lacking Portuguese are glossed in English.
    expect(found(required, 'missing-gloss').sort()).toEqual([...planted['missing-gloss']].sort());
    const [record] = (await changesSince(session, db, (await lastChange(session, db)) - 1)).slice(-1);
    expect(record).toMatchObject({ op: 'workset', field: 'require-gloss', was: [''], now: ['en'] });
    await expect(checks.setRequiredGloss(session, db, ['e n'])).rejects.toThrow(/"e n" is not a writing system id/);
    await checks.setRequiredGloss(session, db, []);
    expect((await checks.run(session, db)).glossLangs.source).toBe('most-used');
  });

  it('runs rules users saved as queries, kept on the server for every desktop, each create logged', async () => {
    const query = { match: 'all' as const, filters: [{ field: 'pos' as const, op: 'equals' as const, value: 'Nome' }, { field: 'definition' as const, op: 'missing' as const }] };
    const saved = await checks.addRule(session, db, 'Nouns without a definition', query);
    const [record] = await changesSince(session, db, (await lastChange(session, db)) - 1);
    expect(record).toMatchObject({ op: 'workset', field: 'rule-create', name: 'Nouns without a definition', now: ['Nouns without a definition'], who: TEST_AUTHOR.who });
    // Another desktop: its own data folder, the same server.
    const otherFolder = mkdtempSync(join(tmpdir(), 'wb-checks-other-'));
    const otherStore = openStore(otherFolder);
    try {
      const other = new CheckService(new WorksetService(otherStore, { ...TEST_AUTHOR, who: 'Ben' }), { ...TEST_AUTHOR, who: 'Ben' });
      const report = await other.run(session, db);
      const result = report.rules.find((r) => r.userRule === saved.id);
      const expected = await worksets.create(session, { dictionary: db, name: 'nouns without definition', query });
      expect(result).toMatchObject({ rule: 'Nouns without a definition', count: expected.total });
      expect(report.userRules).toEqual([expect.objectContaining({ id: saved.id, name: 'Nouns without a definition', query: { ...query, sort: { by: 'headword', dir: 'asc' } } })]);
    } finally {
      otherStore.close();
      rmSync(otherFolder, { recursive: true, force: true });
    }
    await expect(checks.addRule(session, db, ' nouns WITHOUT a definition ', query)).rejects.toMatchObject({ code: 'Conflict' });
    await expect(checks.addRule(session, db, 'missing-gloss', query)).rejects.toThrow(/built-in check/);
    await expect(checks.addRule(session, db, 'bad', { match: 'all', filters: [{ field: 'gloss', op: 'matches', value: '(' }] })).rejects.toThrow(/query is not valid: filters\[0\]\.value/);
    await checks.deleteRule(session, db, saved.id);
    expect((await checks.run(session, db)).userRules).toEqual([]);
    await expect(checks.deleteRule(session, db, saved.id)).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('opens a rule’s findings as a workset holding exactly those entries, numbered when the name is taken', async () => {
    const first = await checks.open(session, db, 'headword-form');
    expect(first).toMatchObject({ name: 'Clean up: headword-form', total: 2 });
    expect((await worksets.members(session, first.id)).sort()).toEqual([...planted['headword-form']].sort());
    const again = await checks.open(session, db, 'headword-form');
    expect(again.name).toBe('Clean up: headword-form (2)');
    const gloss = await checks.open(session, db, 'missing-gloss');
    expect((await worksets.members(session, gloss.id)).sort()).toEqual(found(await checks.run(session, db), 'missing-gloss').sort());
    await expect(checks.open(session, db, 'duplicate-glosses')).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('says so in words when the dictionary does not exist', async () => {
    await expect(checks.run(session, 'no_such_dictionary')).rejects.toThrow('there is no dictionary "no_such_dictionary"');
  });
});
