import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { querySchema } from '../../src-main/ipc/contract/query.js';
import { SORT_KEYS, type Filter, type WorksetQuery } from '../../src-main/domain/query-model.js';
import { entryViews } from '../../src-main/lift/entry-view.js';
import { compareMatchKeys, keysOf, matchKeys } from '../../src-main/worksets/query/run.js';
import { connectTestSession } from '../helpers/basex.js';
import { dropDictionary, loadDictionary } from '../helpers/dictionary-db.js';
import { sharedLiftFiles, type SharedLiftFile } from '../helpers/shared-lift.js';
import { LiftOracle } from './query-oracle.js';

/**
 * Sorting, nesting, view models, key lookups, tombstones and hostile input on the real FLEx and
 * WeSay exports, each checked against the JS oracle.
 */

function shared(name: string): SharedLiftFile {
  const file = sharedLiftFiles().find((f) => f.name === name);
  if (!file) throw new Error(`no shared LIFT file ${name}`);
  return file;
}

const NESTED: Filter[][] = [
  [{ match: 'any', filters: [{ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'nome' }, { field: 'definition', lang: 'en', op: 'missing' }] }, { field: 'gloss', op: 'contains', value: 'water' }] }],
  [{ field: 'headword', op: 'starts-with', value: 'ku' }, { match: 'any', filters: [{ field: 'senses', op: 'gt', value: 1 }, { match: 'all', filters: [{ field: 'note', op: 'exists' }, { field: 'gloss', lang: 'pt', op: 'exists' }] }] }],
  [{ match: 'any', filters: [{ field: 'semantic-domain', op: 'starts-with', value: '1.' }, { field: 'custom', name: 'Plural', op: 'exists' }] }, { field: 'morph-type', op: 'not-in', value: ['stem', 'root'] }],
];

/** Guids of the matches, in the query's order, through the runner worksets use. */
async function guidsOf(session: BaseXSession, db: string, query: WorksetQuery): Promise<string[]> {
  return (await matchKeys(session, db, query)).map((k) => k.guid);
}

/** Strings that would be XQuery if anything spliced them into the query text. */
const HOSTILE = [
  `"] | db:drop("DB") | ["`,
  `') or db:drop('DB') or ('`,
  `{db:drop("DB")}`,
  `(: comment :)`,
  `$db`,
  `&amp; &#x3C; <x/> ]]>`,
  `'; DROP DB DB; '`,
];

describe('Sena, against the oracle', () => {
  let session: BaseXSession;
  let db: string;
  let oracle: LiftOracle;

  beforeAll(async () => {
    session = await connectTestSession();
    db = await loadDictionary(session, shared('Sena').lift, 'real_sena');
    oracle = new LiftOracle(shared('Sena').lift);
  });
  afterAll(async () => {
    await dropDictionary(session, db);
    await session.close();
  });

  it.each(SORT_KEYS.flatMap((by) => [[by, 'asc'], [by, 'desc']] as const))('sorts every entry by %s %s as the oracle does', async (by, dir) => {
    const query = querySchema.parse({ match: 'all', filters: [], sort: { by, dir } });
    const keys = await matchKeys(session, db, query);
    expect(keys.map((k) => k.guid)).toEqual(oracle.expectedSorted(query));
    expect(keys).toEqual(keys.map((k) => oracle.keys(oracle.byGuid(k.guid)!)));
    expect([...keys].sort(compareMatchKeys(query.sort))).toEqual(keys);
  });

  it.each(NESTED.map((filters, i) => [i, filters] as const))('matches nested groups %i as the oracle does', async (_, filters) => {
    const query = querySchema.parse({ match: 'all', filters, sort: { by: 'gloss', dir: 'desc' } });
    const expected = oracle.expectedSorted(query);
    expect(expected.length).toBeGreaterThan(0);
    expect((await matchKeys(session, db, query)).map((k) => k.guid)).toEqual(expected);
  });

  it('treats hostile values, langs, names and types as plain text', async () => {
    for (const text of HOSTILE.map((h) => h.replaceAll('DB', db))) {
      const filters: Filter[] = [
        { field: 'gloss', op: 'equals', value: text },
        { field: 'headword', op: 'in', value: [text, 'x'] },
        { field: 'gloss', op: 'exists', lang: text.replaceAll(' ', '') },
        { field: 'trait', op: 'exists', name: text },
        { field: 'relation', op: 'exists', type: text },
        { field: 'custom', op: 'contains', name: text, value: text },
        { field: 'id', op: 'matches', value: text.replace(/[()[\]{}$*+?.\\^|]/g, '\\$&') },
      ];
      for (const filter of filters) {
        const query = querySchema.parse({ match: 'all', filters: [filter] });
        expect(await guidsOf(session, db, query), JSON.stringify(filter)).toEqual(oracle.expectedSorted(query));
      }
      const any = querySchema.parse({ match: 'any', filters });
      expect(await matchKeys(session, db, any)).toEqual([]);
      expect(await entryViews(session, db, [text])).toEqual([]);
      expect(await keysOf(session, db, [text])).toEqual([]);
    }
    expect(await session.execute('declare variable $db external; db:exists($db)', { db })).toBe('true');
    expect(await matchKeys(session, db, querySchema.parse({ match: 'all', filters: [] }))).toHaveLength(oracle.live().length);
  });

  it('builds view models as the oracle reads them, in the order asked, skipping unknown guids', async () => {
    const live = oracle.live();
    const sample = live.filter((_, i) => i % 37 === 0).map((e) => e.guid).reverse();
    const asked = [sample[3], 'no-such-guid', ...sample, sample[0]];
    const views = await entryViews(session, db, asked);
    expect(views.map((v) => v.guid)).toEqual(asked.filter((guid) => guid !== 'no-such-guid'));
    expect(views).toEqual(views.map((v) => oracle.view(oracle.byGuid(v.guid)!)));
    expect(views.some((v) => Object.keys(v.definitions).length > 1)).toBe(true);
    expect(await entryViews(session, db, [])).toEqual([]);
  });

  it('gives the current keys of entries in the order asked', async () => {
    const picked = oracle.live().filter((_, i) => i % 101 === 0).map((e) => e.guid).reverse();
    const keys = await keysOf(session, db, [...picked, 'missing']);
    expect(keys.map((k) => k.guid)).toEqual(picked);
    expect(keys).toEqual(picked.map((guid) => oracle.keys(oracle.byGuid(guid)!)));
  });
});

describe('biatah (WeSay, tombstones, BOM)', () => {
  let session: BaseXSession;
  let db: string;
  let oracle: LiftOracle;

  beforeAll(async () => {
    session = await connectTestSession();
    db = await loadDictionary(session, shared('biatah').lift, 'real_biatah');
    oracle = new LiftOracle(shared('biatah').lift);
  });
  afterAll(async () => {
    await dropDictionary(session, db);
    await session.close();
  });

  it('never matches, shows or keys a deleted entry', async () => {
    const deleted = oracle.entries.filter((e) => e.deleted);
    expect(deleted.length).toBe(6);
    const guids = deleted.map((e) => e.guid);
    const ids = deleted.map((e) => e.id);
    const none = [
      { field: 'guid', op: 'in', value: guids },
      { field: 'id', op: 'in', value: ids },
      { field: 'date-created', op: 'equals', value: '2007-11-01' },
    ];
    for (const filter of none) {
      const query = querySchema.parse({ match: 'all', filters: [filter] });
      expect(await guidsOf(session, db, query)).toEqual(oracle.expectedSorted(query));
      expect(await guidsOf(session, db, query)).not.toContain(guids[0]);
    }
    for (const filter of [{ field: 'lexeme', op: 'missing' }, { field: 'gloss', op: 'not-equals', value: 'x' }]) {
      const found = new Set(await guidsOf(session, db, querySchema.parse({ match: 'all', filters: [filter] })));
      expect(guids.filter((guid) => found.has(guid))).toEqual([]);
    }
    expect(await matchKeys(session, db, querySchema.parse({ match: 'all', filters: [] }))).toHaveLength(oracle.live().length);
    expect(await entryViews(session, db, guids)).toEqual([]);
    expect(await keysOf(session, db, guids)).toEqual([]);
  });
});

describe('a dictionary without an attribute index', () => {
  let session: BaseXSession;
  let db: string;
  let oracle: LiftOracle;

  beforeAll(async () => {
    session = await connectTestSession();
    // As after updates made without UPDINDEX: queries must fall back, not fail.
    await session.command('SET ATTRINDEX false');
    db = await loadDictionary(session, shared('Pumi_2019').lift, 'real_noindex');
    await session.command('SET ATTRINDEX true');
    oracle = new LiftOracle(shared('Pumi_2019').lift);
  });
  afterAll(async () => {
    await dropDictionary(session, db);
    await session.close();
  });

  it('still resolves relation targets and guids', async () => {
    const query = querySchema.parse({ match: 'all', filters: [{ field: 'relation', type: 'Synonyms', op: 'contains', value: 'a' }] });
    const expected = oracle.expectedSorted(query);
    expect(expected.length).toBeGreaterThan(0);
    expect(await guidsOf(session, db, query)).toEqual(expected);
    const views = await entryViews(session, db, expected.slice(0, 5));
    expect(views).toEqual(expected.slice(0, 5).map((guid) => oracle.view(oracle.byGuid(guid)!)));
  });
});
