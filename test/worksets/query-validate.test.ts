import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { querySchema } from '../../src-main/ipc/contract/query.js';
import { entryViews } from '../../src-main/lift/entry-view.js';
import { matchKeys } from '../../src-main/worksets/query/run.js';
import type { QueryIssue } from '../../src-main/domain/query-issues.js';
import { PREVIEW_SIZE, validateQuery } from '../../src-main/worksets/query/validate.js';
import { connectTestSession } from '../helpers/basex.js';
import { dropDictionary, loadDictionary } from '../helpers/dictionary-db.js';
import { sharedLiftFiles } from '../helpers/shared-lift.js';

/**
 * What the filter editor gets back: issues with the path of the bad filter for anything the
 * schema or BaseX's regex compiler refuses, else the match count and a preview in list order.
 */

const issuesOf = (input: unknown): QueryIssue[] => {
  const result = querySchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('the query schema', () => {
  const ok = (filters: unknown[]): boolean => querySchema.safeParse({ match: 'all', filters }).success;

  it('accepts the documented example and defaults the sort', () => {
    const parsed = querySchema.parse({
      match: 'all',
      filters: [
        { field: 'pos', op: 'equals', value: 'Noun' },
        { field: 'definition', lang: 'en', op: 'missing' },
        { match: 'any', filters: [{ field: 'trait', name: 'usage-type', op: 'in', value: ['a', 'b'] }, { field: 'senses', op: 'gt', value: 2 }] },
      ],
    });
    expect(parsed.sort).toEqual({ by: 'headword', dir: 'asc' });
  });

  it('rejects unknown fields, ops and keys', () => {
    expect(issuesOf({ match: 'all', filters: [{ field: 'colour', op: 'equals', value: 'x' }] })).toEqual([{ path: 'filters.0.field', message: 'unknown field "colour"' }]);
    expect(issuesOf({ match: 'all', filters: [{ field: 'gloss', op: 'like', value: 'x' }] })).toEqual([{ path: 'filters.0.op', message: 'unknown op "like"' }]);
    expect(issuesOf({ match: 'all', filters: [{ field: 'gloss', op: 'equals', value: 'x', colour: 1 }] })).toEqual([{ path: 'filters.0.colour', message: 'unknown key "colour"' }]);
    expect(issuesOf({ match: 'some', filters: [] })[0]?.path).toBe('match');
    expect(issuesOf({ match: 'all', filters: [], sort: { by: 'colour' } })[0]).toEqual({ path: 'sort.by', message: 'cannot sort by "colour"' });
  });

  it('needs name for trait and custom, type for relation, and nothing extra elsewhere', () => {
    expect(issuesOf({ match: 'all', filters: [{ field: 'trait', op: 'exists' }] })).toEqual([{ path: 'filters.0.name', message: 'trait needs a name' }]);
    expect(issuesOf({ match: 'all', filters: [{ field: 'custom', op: 'exists' }] })).toEqual([{ path: 'filters.0.name', message: 'custom needs a name' }]);
    expect(issuesOf({ match: 'all', filters: [{ field: 'relation', op: 'exists' }] })).toEqual([{ path: 'filters.0.type', message: 'relation needs a type' }]);
    expect(issuesOf({ match: 'all', filters: [{ field: 'gloss', op: 'exists', type: 'x' }] })).toEqual([{ path: 'filters.0.type', message: 'gloss takes no type' }]);
    expect(ok([{ field: 'note', op: 'exists' }, { field: 'note', op: 'exists', name: 'grammar' }])).toBe(true);
  });

  it('checks the value against the op and the field kind', () => {
    const problem = (filter: object): string | undefined => issuesOf({ match: 'all', filters: [filter] })[0]?.message;
    expect(problem({ field: 'gloss', op: 'equals' })).toBe('equals needs a value');
    expect(problem({ field: 'gloss', op: 'equals', value: '  ' })).toBe('equals needs a non-empty value');
    expect(problem({ field: 'gloss', op: 'equals', value: ['a'] })).toBe('only in and not-in take a list; equals needs a single value');
    expect(problem({ field: 'gloss', op: 'in', value: 'a' })).toBe('in needs a list of strings');
    expect(problem({ field: 'gloss', op: 'not-in', value: [] })).toBe('not-in needs at least one value');
    expect(problem({ field: 'gloss', op: 'exists', value: 'a' })).toBe('exists takes no value');
    expect(problem({ field: 'gloss', op: 'gt', value: 1 })).toMatch(/^gloss does not support gt/);
    expect(problem({ field: 'senses', op: 'contains', value: '1' })).toMatch(/^senses does not support contains/);
    expect(problem({ field: 'senses', op: 'gt', value: 'many' })).toBe('gt needs a number');
    expect(problem({ field: 'date-created', op: 'before', value: '2012-02-30' })).toMatch(/ISO date/);
    expect(problem({ field: 'date-created', op: 'before', value: 'yesterday' })).toMatch(/ISO date/);
    expect(problem({ field: 'pos', op: 'exists', lang: 'en' })).toBe('pos has no writing systems, so lang does not apply');
    expect(problem({ field: 'gloss', op: 'equals', value: 'a\u0000b' })).toMatch(/control character/);
    expect(ok([{ field: 'senses', op: 'gt', value: '2' }, { field: 'date-modified', op: 'after', value: '2012-03-01T10:00:00+02:00' }])).toBe(true);
  });

  it('limits nesting', () => {
    let filter: object = { field: 'gloss', op: 'exists' };
    for (let depth = 0; depth < 9; depth++) filter = { match: 'any', filters: [filter] };
    expect(issuesOf({ match: 'all', filters: [filter] })[0]?.message).toMatch(/nested more than 8 deep/);
  });
});

describe('validateQuery on Sena', () => {
  let session: BaseXSession;
  let db: string;

  beforeAll(async () => {
    const sena = sharedLiftFiles().find((file) => file.name === 'Sena');
    if (!sena) throw new Error('Sena is missing');
    session = await connectTestSession();
    db = await loadDictionary(session, sena.lift, 'validate');
  });
  afterAll(async () => {
    await dropDictionary(session, db);
    await session.close();
  });

  it('reports schema problems with the path of the bad filter', async () => {
    const result = await validateQuery(session, db, {
      match: 'all',
      filters: [
        { field: 'pos', op: 'equals', value: 'Noun' },
        { field: 'gloss', op: 'exists' },
        { match: 'any', filters: [{ field: 'gloss', op: 'contains' }, { field: 'trait', op: 'exists' }] },
      ],
      extra: true,
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'filters[2].filters[0].value', message: 'contains needs a value' },
        { path: 'filters[2].filters[1].name', message: 'trait needs a name' },
        { path: 'extra', message: 'unknown key "extra"' },
      ],
    });
    expect((await validateQuery(session, db, 'not a query')).issues[0]?.path).toBe('');
  });

  it('reports every invalid regular expression at its path, without running the query', async () => {
    const result = await validateQuery(session, db, {
      match: 'any',
      filters: [
        { field: 'gloss', op: 'matches', value: '^ok$' },
        { field: 'gloss', op: 'matches', value: '[unclosed' },
        { match: 'all', filters: [{ field: 'headword', op: 'matches', value: 'a{2,1}' }, { field: 'id', op: 'matches', value: '(?<name>x)' }] },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.path)).toEqual(['filters[1].value', 'filters[2].filters[0].value', 'filters[2].filters[1].value']);
    // The same words as a bad replace pattern, naming the filter's field.
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'gloss: "[unclosed" is not a valid XQuery regular expression: check that every ( [ { has its closing partner, and put a \\ before . * + ? ( ) [ ] { } | \\ ^ $ where you mean the character itself',
      'headword: "a{2,1}" is not a valid XQuery regular expression: check that every ( [ { has its closing partner, and put a \\ before . * + ? ( ) [ ] { } | \\ ^ $ where you mean the character itself',
      'id: "(?<name>x)" is not a valid XQuery regular expression: XQuery has no named groups: write a plain group ( … ) and refer to it by number ($1 in a replacement, \\1 in the pattern)',
    ]);
  });

  it('counts the matches and previews the first ones in list order', async () => {
    const input = { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'nome' }, { field: 'definition', lang: 'en', op: 'missing' }], sort: { by: 'gloss', dir: 'desc' } };
    const query = querySchema.parse(input);
    const result = await validateQuery(session, db, input);
    const keys = await matchKeys(session, db, query);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.total).toBe(keys.length);
    const first = keys.slice(0, PREVIEW_SIZE).map((k) => k.guid);
    expect(first).toHaveLength(PREVIEW_SIZE);
    expect(result.preview).toEqual(await entryViews(session, db, first));
  });

  it('previews fewer when fewer match, and nothing when nothing does', async () => {
    const some = await validateQuery(session, db, { match: 'all', filters: [{ field: 'headword', op: 'starts-with', value: 'kupi' }] });
    expect(some.total).toBeGreaterThan(0);
    expect(some.preview).toHaveLength(some.total!);
    const none = await validateQuery(session, db, { match: 'all', filters: [{ field: 'headword', op: 'equals', value: 'no such word' }] });
    expect(none).toEqual({ ok: true, issues: [], total: 0, preview: [] });
  });
});
