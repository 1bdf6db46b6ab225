import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { querySchema } from '../../src-main/ipc/contract/query.js';
import type { Condition, Filter, SortKey } from '../../src-main/domain/query-model.js';
import { compareMatchKeys, matchKeys } from '../../src-main/worksets/query/run.js';
import { connectTestSession } from '../helpers/basex.js';
import { dropDictionary, loadDictionary } from '../helpers/dictionary-db.js';

/**
 * The query semantics the contract promises, on a small dictionary made for them: NFC against
 * NFD, case, whitespace, subsenses, spans, headword fallback, relations by id and by headword,
 * dates with and without zones, tombstones, and the sort order with its ties and blanks.
 */

const g = (n: number): string => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

const LIFT = `<?xml version="1.0" encoding="UTF-8"?>
<lift version="0.13">
<header><fields><field tag="Plural"><form lang="en"><text>Plural form</text></form></field></fields></header>
<entry id="cafe_1" guid="${g(1)}" dateCreated="2012-03-01T10:00:00Z" dateModified="2012-03-02T23:30:00-05:00">
  <lexical-unit><form lang="fr"><text>Cafe\u0301</text></form></lexical-unit>
  <sense id="s1"><grammatical-info value="Nom"/><gloss lang="en"><text>  coffee
      house </text></gloss>
    <subsense id="s1a"><grammatical-info value="Nom propre"/><gloss lang="en"><text>espresso bar</text></gloss></subsense>
  </sense>
</entry>
<entry id="cafe_2" guid="${g(2)}" dateCreated="2012-03-01">
  <lexical-unit><form lang="fr"><text>café</text></form></lexical-unit>
  <sense><grammatical-info value="nom"/><gloss lang="en"><text>Coffee</text></gloss><gloss lang="fr"><text>boisson</text></gloss></sense>
</entry>
<entry id="apple" guid="${g(3)}"><lexical-unit><form lang="en"><text>apple</text></form></lexical-unit><sense><gloss lang="en"><text>fruit</text></gloss></sense></entry>
<entry id="Apple2" guid="${g(4)}"><lexical-unit><form lang="en"><text>Apple</text></form></lexical-unit></entry>
<entry id="apple3" guid="${g(0)}"><lexical-unit><form lang="en"><text>APPLE</text></form></lexical-unit><sense/><sense/></entry>
<entry id="nohw" guid="${g(5)}"><sense><gloss lang="en"><text>zebra</text></gloss></sense></entry>
<entry id="cit" guid="${g(6)}">
  <lexical-unit><form lang="x"><text>  </text></form></lexical-unit>
  <citation><form lang="en"><text>Banana</text></form></citation>
</entry>
<entry id="gone" guid="${g(7)}" dateCreated="2012-01-01T00:00:00Z" dateDeleted="2013-01-01T00:00:00Z"><lexical-unit><form lang="en"><text>apple</text></form></lexical-unit></entry>
<entry id="rel" guid="${g(8)}">
  <lexical-unit><form lang="en"><text>related</text></form></lexical-unit>
  <relation type="synonym" ref="cafe_1"/>
  <relation type="synonym" ref="ghost"/>
  <relation type="antonym" ref="gone"/>
  <sense><relation type="compare" ref="s1a"/></sense>
</entry>
<entry id="span" guid="${g(9)}">
  <lexical-unit><form lang="en"><text>spanned</text></form></lexical-unit>
  <sense><gloss lang="en"><text>big <span lang="x">house</span></text></gloss>
    <note type="grammar"><form lang="en"><text>A note</text></form></note>
    <field type="Plural"><form lang="en"><text>houses</text></form></field>
  </sense>
</entry>
<entry id="gi" guid="${g(10)}"><lexical-unit><form lang="en"><text>gi</text></form></lexical-unit><grammatical-info value="Verb"/></entry>
</lift>
`;

describe('query semantics on a dictionary made for them', () => {
  let session: BaseXSession;
  let db: string;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'wb-query-'));
    const file = join(folder, 'made.lift');
    writeFileSync(file, LIFT);
    session = await connectTestSession();
    db = await loadDictionary(session, file, 'semantics');
  });
  afterAll(async () => {
    await dropDictionary(session, db);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const find = async (...filters: (Condition | Filter)[]): Promise<string[]> =>
    (await matchKeys(session, db, querySchema.parse({ match: 'all', filters }))).map((k) => k.guid).sort();
  const guids = (...ns: number[]): string[] => ns.map(g).sort();

  it('compares text NFC-normalised on both sides', async () => {
    expect(await find({ field: 'headword', op: 'equals', value: 'café' })).toEqual(guids(1, 2));
    expect(await find({ field: 'headword', op: 'equals', value: 'cafe\u0301' })).toEqual(guids(1, 2));
    expect(await find({ field: 'headword', op: 'in', value: ['CAFE\u0301', 'x'] })).toEqual(guids(1, 2));
  });

  it('ignores case unless asked, and then compares exactly', async () => {
    expect(await find({ field: 'headword', op: 'equals', value: 'Café', case: true })).toEqual(guids(1));
    expect(await find({ field: 'headword', op: 'starts-with', value: 'CAF' })).toEqual(guids(1, 2));
    expect(await find({ field: 'headword', op: 'starts-with', value: 'CAF', case: true })).toEqual([]);
    expect(await find({ field: 'headword', op: 'matches', value: '^a' })).toEqual(guids(0, 3, 4));
    expect(await find({ field: 'headword', op: 'matches', value: '^a', case: true })).toEqual(guids(3));
  });

  it('trims text and reads line breaks inside it as one space', async () => {
    expect(await find({ field: 'gloss', op: 'equals', value: 'coffee house' })).toEqual(guids(1));
    expect(await find({ field: 'gloss', op: 'ends-with', value: 'house' })).toEqual(guids(1, 9));
  });

  it('reads span content as part of the text', async () => {
    expect(await find({ field: 'gloss', op: 'equals', value: 'big house' })).toEqual(guids(9));
  });

  it('looks into subsenses and at the entry’s own grammatical info', async () => {
    expect(await find({ field: 'gloss', op: 'equals', value: 'espresso bar' })).toEqual(guids(1));
    expect(await find({ field: 'pos', op: 'equals', value: 'nom propre' })).toEqual(guids(1));
    expect(await find({ field: 'pos', op: 'equals', value: 'verb' })).toEqual(guids(10));
    expect(await find({ field: 'senses', op: 'equals', value: 2 })).toEqual(guids(0));
  });

  it('falls back to the citation only where the lexical unit is empty', async () => {
    expect(await find({ field: 'headword', op: 'equals', value: 'banana' })).toEqual(guids(6));
    expect(await find({ field: 'lexeme', op: 'missing' })).toEqual(guids(5, 6));
    expect(await find({ field: 'headword', op: 'missing' })).toEqual(guids(5));
    expect(await find({ field: 'citation', op: 'exists', lang: 'en' })).toEqual(guids(6));
  });

  it('limits to a writing system with lang', async () => {
    expect(await find({ field: 'gloss', op: 'exists', lang: 'fr' })).toEqual(guids(2));
    expect(await find({ field: 'gloss', op: 'equals', value: 'boisson', lang: 'en' })).toEqual([]);
  });

  it('filters notes by type and custom fields by name', async () => {
    expect(await find({ field: 'note', op: 'exists' })).toEqual(guids(9));
    expect(await find({ field: 'note', op: 'exists', name: 'grammar' })).toEqual(guids(9));
    expect(await find({ field: 'note', op: 'exists', name: 'semantics' })).toEqual([]);
    expect(await find({ field: 'custom', op: 'equals', name: 'Plural', value: 'HOUSES' })).toEqual(guids(9));
  });

  it('matches a relation by its ref or by the headword of the live entry it points at', async () => {
    expect(await find({ field: 'relation', type: 'synonym', op: 'equals', value: 'CAFÉ' })).toEqual(guids(8));
    expect(await find({ field: 'relation', type: 'synonym', op: 'equals', value: 'cafe_1' })).toEqual(guids(8));
    expect(await find({ field: 'relation', type: 'synonym', op: 'equals', value: 'ghost' })).toEqual(guids(8));
    // The sense s1a belongs to café; the target of "gone" is deleted, so only its ref counts.
    expect(await find({ field: 'relation', type: 'compare', op: 'equals', value: 'café' })).toEqual(guids(8));
    expect(await find({ field: 'relation', type: 'antonym', op: 'equals', value: 'apple' })).toEqual([]);
    expect(await find({ field: 'relation', type: 'antonym', op: 'equals', value: 'gone' })).toEqual(guids(8));
    expect(await find({ field: 'relation', type: 'synonym', op: 'not-equals', value: 'café' })).not.toContain(g(8));
  });

  it('compares dates by their date part, and dateTimes as instants', async () => {
    expect(await find({ field: 'date-created', op: 'equals', value: '2012-03-01' })).toEqual(guids(1, 2));
    expect(await find({ field: 'date-created', op: 'before', value: '2012-03-01T05:00:00Z' })).toEqual(guids(2));
    expect(await find({ field: 'date-created', op: 'equals', value: '2012-03-01T11:00:00+01:00' })).toEqual(guids(1));
    expect(await find({ field: 'date-created', op: 'after', value: '2012-03-01T09:59' })).toEqual(guids(1));
    // 23:30 at -05:00 is the 3rd in UTC, but its date part as written is the 2nd.
    expect(await find({ field: 'date-modified', op: 'equals', value: '2012-03-02' })).toEqual(guids(1));
    expect(await find({ field: 'date-modified', op: 'after', value: '2012-03-03T04:00:00Z' })).toEqual(guids(1));
    expect(await find({ field: 'date-created', op: 'missing' })).toEqual(guids(0, 3, 4, 5, 6, 8, 9, 10));
  });

  it('never matches a deleted entry, whatever the filter', async () => {
    expect(await find({ field: 'guid', op: 'equals', value: g(7) })).toEqual([]);
    expect(await find({ field: 'id', op: 'equals', value: 'gone' })).toEqual([]);
    expect(await find({ field: 'gloss', op: 'missing' })).not.toContain(g(7));
    expect(await find({ field: 'headword', op: 'not-equals', value: 'zzz' })).not.toContain(g(7));
    expect(await find()).toHaveLength(10);
    expect(await matchKeys(session, db, querySchema.parse({ match: 'all', filters: [] }))).toHaveLength(10);
  });

  it('combines nested all and any groups', async () => {
    const apples = { field: 'headword', op: 'equals', value: 'apple' } as const;
    const anyOf: Filter = { match: 'any', filters: [{ field: 'senses', op: 'gt', value: 1 }, { field: 'gloss', op: 'exists' }] };
    expect(await find(apples, anyOf)).toEqual(guids(0, 3));
    expect(await find({ match: 'any', filters: [apples, { match: 'all', filters: [{ field: 'pos', op: 'exists' }, { field: 'gloss', op: 'exists', lang: 'fr' }] }] })).toEqual(guids(0, 2, 3, 4));
    expect(await matchKeys(session, db, querySchema.parse({ match: 'any', filters: [] }))).toEqual([]);
  });

  it('sorts case-insensitively, ties by guid, blanks last in both directions', async () => {
    const order = async (by: SortKey, dir: 'asc' | 'desc'): Promise<string[]> =>
      (await matchKeys(session, db, querySchema.parse({ match: 'all', filters: [], sort: { by, dir } }))).map((k) => k.guid);
    expect(await order('headword', 'asc')).toEqual([0, 3, 4, 6, 1, 2, 10, 8, 9, 5].map(g));
    expect(await order('headword', 'desc')).toEqual([9, 8, 10, 1, 2, 6, 0, 3, 4, 5].map(g));
    expect(await order('gloss', 'asc')).toEqual([9, 2, 1, 3, 5, 0, 4, 6, 8, 10].map(g));
    expect(await order('pos', 'desc')).toEqual([10, 1, 2, 0, 3, 4, 5, 6, 8, 9].map(g));
    expect(await order('date-created', 'asc')).toEqual([2, 1, 0, 3, 4, 5, 6, 8, 9, 10].map(g));
  });

  it('returns keys as shown: NFC, whitespace-normalised, case kept; "" for none', async () => {
    const keys = await matchKeys(session, db, querySchema.parse({ match: 'all', filters: [{ field: 'guid', op: 'in', value: [g(1), g(5)] }] }));
    expect(keys).toEqual([
      { guid: g(1), headword: 'Café', pos: 'Nom', gloss: 'coffee house', dateCreated: '2012-03-01T10:00:00Z', dateModified: '2012-03-02T23:30:00-05:00' },
      { guid: g(5), headword: '', pos: '', gloss: 'zebra', dateCreated: '', dateModified: '' },
    ]);
  });

  it('agrees with the JS comparator on every sort key and direction', async () => {
    for (const by of ['headword', 'pos', 'gloss', 'date-created', 'date-modified'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const query = querySchema.parse({ match: 'all', filters: [], sort: { by, dir } });
        const keys = await matchKeys(session, db, query);
        expect([...keys].sort(compareMatchKeys(query.sort))).toEqual(keys);
      }
    }
  });
});
