import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/session.js';
import { FIELD_SPECS, FIELDS, querySchema, type Condition, type Field } from '../../src-main/ipc/contract/query.js';
import { countMatches, matchKeys } from '../../src-main/worksets/query/run.js';
import { connectTestSession } from '../helpers/basex.js';
import { dropDictionary, loadDictionary } from '../helpers/dictionary-db.js';
import { sharedLiftFiles } from '../helpers/shared-lift.js';
import { children, exact, LiftOracle, normalizeSpace, type OracleEntry } from './query-oracle.js';

/**
 * Every field with every op of its kind, on every real dictionary, against the JS oracle.
 *
 * Values are picked from each file (its most common value, parts of it, a second value), with
 * the case flipped so the default case-insensitive comparison is exercised, so most cases match
 * something and a wrong path shows up as a count that differs.
 */

type Case = { label: string; condition: Condition; nonEmpty?: boolean };

const swapCase = (s: string): string => Array.from(s, (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');
/** A regex character both XQuery and JS read the same way: a letter or digit, else "any". */
const literal = (ch: string | undefined): string => (ch && /^[\p{L}\p{N}]$/u.test(ch) ? ch : '.');

function mostCommon(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value]) => value);
}

/** The keys (trait names, relation types…) a field has in a file, most common first. */
function keysOf(oracle: OracleEntry[], field: Field): (string | undefined)[] {
  const owners = (entry: OracleEntry): ReturnType<typeof children> => [entry.element, ...children(entry.element, 'sense')];
  const named = (element: string, attribute: string): string[] =>
    mostCommon(oracle.flatMap((e) => owners(e).flatMap((o) => children(o, element)).map((el) => el.getAttribute(attribute) ?? '').filter((k) => k !== '')));
  switch (field) {
    case 'trait': return named('trait', 'name').slice(0, 2).concat(['no-such-trait']);
    case 'custom': return named('field', 'type').slice(0, 2).concat(['no-such-field']);
    case 'relation': return named('relation', 'type').slice(0, 2).concat(['no-such-relation']);
    case 'note': return [undefined, ...named('note', 'type').slice(0, 1)];
    default: return [undefined];
  }
}

function casesFor(oracle: LiftOracle, field: Field, key: string | undefined): Case[] {
  const spec = FIELD_SPECS[field];
  const base = { field, ...(spec.key && key !== undefined ? { [spec.key]: key } : {}) } as Pick<Condition, 'field' | 'name' | 'type'>;
  const make = (label: string, rest: Omit<Condition, 'field'>, nonEmpty = false): Case => ({ label: `${field}${key ? `[${key}]` : ''} ${label}`, condition: { ...base, ...rest } as Condition, nonEmpty });
  const live = oracle.live();
  const raw = live.flatMap((entry) => oracle.values(entry, base)).filter((v) => normalizeSpace(v) !== '');
  const has = raw.length > 0;
  if (spec.kind === 'number') {
    return [make('equals 1', { op: 'equals', value: 1 }, true), make('not-equals 1', { op: 'not-equals', value: '1' }), make('gt 1', { op: 'gt', value: 1 }), make('lt 2', { op: 'lt', value: 2 }, true)];
  }
  const presence = [make('exists', { op: 'exists' }, has), make('missing', { op: 'missing' })];
  if (spec.kind === 'date') {
    const values = mostCommon(raw.map(normalizeSpace));
    const day = mostCommon(values.map((v) => v.slice(0, 10)))[0] ?? '2010-01-01';
    const moment = values[0] && values[0].length > 10 ? values[0] : '2010-01-01T12:00:00Z';
    return [
      ...presence,
      make(`equals ${day}`, { op: 'equals', value: day }, has),
      make(`not-equals ${day}`, { op: 'not-equals', value: day }),
      make(`before ${day}`, { op: 'before', value: day }),
      make(`after ${day}`, { op: 'after', value: day }),
      make(`equals ${moment}`, { op: 'equals', value: moment }, has),
      make(`before ${moment}`, { op: 'before', value: moment }),
      make(`after ${moment} (+02:00)`, { op: 'after', value: moment.replace(/Z$/, '+02:00') }),
    ];
  }
  const [first = 'zzz-no-value', second = 'zzz-other'] = mostCommon(raw.map(exact));
  const chars = Array.from(first);
  const middle = chars.length > 3 ? chars.slice(1, -1).join('') : first;
  const cases = [
    ...presence,
    make(`equals ${swapCase(first)}`, { op: 'equals', value: swapCase(first) }, has),
    make(`equals ${first} (case)`, { op: 'equals', value: first, case: true }, has),
    make(`equals ${swapCase(first)} (case)`, { op: 'equals', value: swapCase(first), case: true }),
    make(`not-equals ${first}`, { op: 'not-equals', value: first }),
    make(`contains ${middle}`, { op: 'contains', value: swapCase(middle) }, has),
    make(`starts-with ${chars.slice(0, 2).join('')}`, { op: 'starts-with', value: chars.slice(0, 2).join('') }, has),
    make(`ends-with ${chars.slice(-2).join('')}`, { op: 'ends-with', value: swapCase(chars.slice(-2).join('')) }, has),
    make(`in [${first}, ${second}]`, { op: 'in', value: [first, swapCase(second)] }, has),
    make(`not-in [${first}, ${second}]`, { op: 'not-in', value: [first, second] }),
  ];
  const pattern = `^${literal(chars[0])}.*${literal(chars.at(-1))}$`;
  cases.push(make(`matches ${pattern}`, { op: 'matches', value: pattern }, has));
  cases.push(make(`matches ${swapCase(pattern)} (case)`, { op: 'matches', value: swapCase(pattern), case: true }));
  if (spec.multilingual) {
    const langs = mostCommon(live.flatMap((entry) => langsOf(oracle, entry, base)));
    for (const lang of langs.slice(0, 2)) {
      cases.push(make(`[${lang}] exists`, { op: 'exists', lang }, true), make(`[${lang}] missing`, { op: 'missing', lang }));
      cases.push(make(`[${lang}] equals ${first}`, { op: 'equals', value: first, lang }), make(`[${lang}] contains ${middle}`, { op: 'contains', value: middle, lang }));
    }
    cases.push(make('[xx-none] exists', { op: 'exists', lang: 'xx-none' }));
  }
  return cases;
}

/** Writing systems in which an entry has non-empty values of a field. */
function langsOf(oracle: LiftOracle, entry: OracleEntry, base: Pick<Condition, 'field' | 'name' | 'type'>): string[] {
  if (!oracle.values(entry, base).some((v) => normalizeSpace(v) !== '')) return [];
  return oracle.langs.filter((lang) => oracle.values(entry, { ...base, lang } as Condition).some((v) => normalizeSpace(v) !== ''));
}

describe.each(sharedLiftFiles())('every field and op on $name', (file) => {
  let session: BaseXSession;
  let db: string;
  let oracle: LiftOracle;

  beforeAll(async () => {
    session = await connectTestSession();
    db = await loadDictionary(session, file.lift, `fields_${file.name}`);
    oracle = new LiftOracle(file.lift);
  });
  afterAll(async () => {
    await dropDictionary(session, db);
    await session.close();
  });

  it.each([...FIELDS])('%s', async (field) => {
    const mismatches: string[] = [];
    for (const key of keysOf(oracle.live(), field)) {
      for (const { label, condition, nonEmpty } of casesFor(oracle, field, key)) {
        const query = querySchema.parse({ match: 'all', filters: [condition] });
        const expected = oracle.expected(query);
        const actual = (await matchKeys(session, db, query)).map((keys) => keys.guid);
        const count = await countMatches(session, db, query);
        if (nonEmpty && expected.length === 0) mismatches.push(`${label}: the oracle found nothing, so this case tests nothing`);
        const missing = expected.filter((guid) => !actual.includes(guid));
        const extra = actual.filter((guid) => !expected.includes(guid));
        if (missing.length + extra.length > 0 || count !== expected.length) {
          mismatches.push(`${label}: expected ${expected.length}, matchKeys ${actual.length}, count ${count}; missing ${missing.slice(0, 3).join(' ')} extra ${extra.slice(0, 3).join(' ')}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
