import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { FIELD_SPECS, FIELDS, type Field } from '../../src-main/domain/fields.js';
import { querySchema } from '../../src-main/ipc/contract/query.js';
import type { Condition, Filter } from '../../src-main/domain/query-model.js';
import { matchKeys } from '../../src-main/worksets/query/run.js';
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
/** A key of a field and how many ops to try with it. */
type KeyCase = [key: string | undefined, coverage: 'all' | 'some' | 'absent'];

const swapCase = (s: string): string => Array.from(s, (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');
/** A regex character both XQuery and JS read the same way: a letter or digit, else "any". */
const literal = (ch: string | undefined): string => (ch && /^[\p{L}\p{N}]$/u.test(ch) ? ch : '.');

function mostCommon(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value]) => value);
}

/** The keys (trait names, relation types…) of a field in a file, most common first: the first
 * gets every op, the next one a few, and a key no entry has only exists and missing. */
function keysOf(oracle: OracleEntry[], field: Field): KeyCase[] {
  const owners = (entry: OracleEntry): ReturnType<typeof children> => [entry.element, ...children(entry.element, 'sense')];
  const named = (element: string, attribute: string): string[] =>
    mostCommon(oracle.flatMap((e) => owners(e).flatMap((o) => children(o, element)).map((el) => el.getAttribute(attribute) ?? '').filter((k) => k !== '')));
  const cases = (keys: string[], absent: string): KeyCase[] => [
    ...keys.slice(0, 2).map((key, i): KeyCase => [key, i === 0 ? 'all' : 'some']),
    [absent, 'absent'],
  ];
  switch (field) {
    case 'trait': return cases(named('trait', 'name'), 'no-such-trait');
    case 'custom': return cases(named('field', 'type'), 'no-such-field');
    case 'relation': return cases(named('relation', 'type'), 'no-such-relation');
    case 'note': return [[undefined, 'all'], ...named('note', 'type').slice(0, 1).map((key): KeyCase => [key, 'some'])];
    default: return [[undefined, 'all']];
  }
}

const SOME_OPS = ['exists', 'equals'];
/**
 * Lotud (5,400 entries) is here for its citation-only headwords and its size; the other four
 * files cover every field, so it runs the fields it has something to say about, and the
 * suite stays fast.
 */
const FIELDS_OF: Record<string, readonly Field[]> = {
  Lotud: ['headword', 'lexeme', 'citation', 'pos', 'gloss', 'semantic-domain', 'relation', 'morph-type', 'date-created'],
};
const ABSENT_OPS = ['exists', 'missing', 'not-equals'];

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
  const pattern = chars.length === 1 ? `^${literal(chars[0])}$` : `^${literal(chars[0])}.*${literal(chars.at(-1))}$`;
  cases.push(make(`matches ${pattern}`, { op: 'matches', value: pattern }, has));
  cases.push(make(`matches ${swapCase(pattern)} (case)`, { op: 'matches', value: swapCase(pattern), case: true }));
  if (spec.multilingual) {
    const langs = mostCommon(live.flatMap((entry) => langsOf(oracle, entry, base)));
    for (const [i, lang] of langs.slice(0, 2).entries()) {
      cases.push(make(`[${lang}] exists`, { op: 'exists', lang }, true));
      if (i > 0) continue;
      cases.push(make(`[${lang}] missing`, { op: 'missing', lang }));
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

  it.each([...(FIELDS_OF[file.name] ?? FIELDS)])('%s', async (field) => {
    const cases = keysOf(oracle.live(), field).flatMap(([key, coverage]) => {
      const all = casesFor(oracle, field, key);
      // A field this file does not use gets only the checks that can tell "nothing" apart.
      const used = all.some(({ nonEmpty }) => nonEmpty);
      const ops = coverage === 'some' ? SOME_OPS : coverage === 'absent' || !used ? ABSENT_OPS : undefined;
      return ops ? all.filter(({ condition }) => ops.includes(condition.op)) : all;
    });
    const conditions = cases.map(({ condition }) => querySchema.parse({ match: 'all', filters: [condition] }).filters[0]);
    const found = await matchesOfEach(session, db, conditions);
    const mismatches: string[] = [];
    for (const [i, { label, nonEmpty }] of cases.entries()) {
      const expected = oracle.expected({ match: 'all', filters: [conditions[i]] });
      if (nonEmpty && expected.length === 0) mismatches.push(`${label}: the oracle found nothing, so this case tests nothing`);
      const difference = differ(expected, found[i]);
      if (difference) mismatches.push(`${label}: ${difference}`);
    }
    expect(mismatches).toEqual([]);
  });
});

/** Guids of the live entries each filter matches, through the runner worksets are made with. */
async function matchesOfEach(session: BaseXSession, db: string, filters: Filter[]): Promise<string[][]> {
  const found: string[][] = [];
  for (const filter of filters) found.push((await matchKeys(session, db, querySchema.parse({ match: 'all', filters: [filter] }))).map((k) => k.guid));
  return found;
}

/** What differs between the guids expected and found, or undefined. */
function differ(expected: string[], actual: string[]): string | undefined {
  const [wanted, got] = [new Set(expected), new Set(actual)];
  const missing = expected.filter((guid) => !got.has(guid));
  const extra = actual.filter((guid) => !wanted.has(guid));
  if (missing.length + extra.length === 0 && expected.length === actual.length) return undefined;
  return `expected ${expected.length}, got ${actual.length}; missing ${missing.slice(0, 3).join(' ')} extra ${extra.slice(0, 3).join(' ')}`;
}
