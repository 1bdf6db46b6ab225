import type { Queryable } from '../../basex/queryable.js';
import { formatIssuePath, type QueryIssue, type Validation } from '../../domain/query-issues.js';
import { querySchema } from '../../ipc/contract/query.js';
import { onDatabase } from '../../lift/database-query.js';
import { entryViews, parseEntryView, VIEW_FUNCTIONS } from '../../lift/entry-view.js';
import { regexProblem } from '../../lift/regex-check.js';
import { compileQuery, type Pattern } from './compile.js';
import { KEY_FUNCTIONS } from '../../lift/entry-keys.js';
import { orderClauses } from './keys.js';
import { matchingEntries, matchKeys } from './run.js';
import type { z } from 'zod';

/**
 * Checks a query as the filter editor sends it and previews what it matches.
 *
 * Schema problems and invalid regular expressions come back as issues with the path of the bad
 * filter, never as a thrown error, so the editor can mark the field; a valid query comes back
 * with its match count and the first matches as the workset would list them.
 */

export const PREVIEW_SIZE = 20;

const READ = { idempotent: true } as const;

export async function validateQuery(session: Queryable, db: string, input: unknown): Promise<Validation> {
  const parsed = querySchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.error) };
  const compiled = compileQuery(parsed.data);
  const patternIssues = await checkPatterns(session, compiled.patterns);
  if (patternIssues.length > 0) return { ok: false, issues: patternIssues };
  if (parsed.data.sort.order !== undefined) {
    // Ordered by collation in Node (query/collated-order.ts): the preview is the head of that order.
    const keys = await matchKeys(session, db, parsed.data);
    const views = await entryViews(session, db, keys.slice(0, PREVIEW_SIZE).map((k) => k.guid));
    const byGuid = new Map(views.map((v) => [v.guid, v]));
    return { ok: true, issues: [], total: keys.length, preview: keys.slice(0, PREVIEW_SIZE).flatMap((k) => byGuid.get(k.guid) ?? []) };
  }
  const xquery = `${compiled.prolog}\n${KEY_FUNCTIONS}\n${VIEW_FUNCTIONS}
let $matches := ${matchingEntries(compiled)}
  return $e
return (
  string(count($matches)),
  (for $e in $matches
    ${orderClauses(parsed.data.sort)}
    return $e)[position() <= ${PREVIEW_SIZE}] ! local:view(.)
)`;
  const [total = '0', ...rows] = await session.query(onDatabase(db, xquery), compiled.bindings, READ);
  return { ok: true, issues: [], total: Number(total), preview: rows.map(parseEntryView) };
}

function schemaIssues(error: z.ZodError): QueryIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: `unknown key ${JSON.stringify(key)}` }))
      : [{ path: formatIssuePath(issue.path), message: issue.message }],
  );
}

/** Each `matches` pattern checked in BaseX (see regex-check.ts), named by its filter's field. */
async function checkPatterns(session: Queryable, patterns: readonly Pattern[]): Promise<QueryIssue[]> {
  const issues: QueryIssue[] = [];
  for (const { path, field, pattern, flags } of patterns) {
    const problem = await regexProblem(session, { pattern, flags });
    if (problem) issues.push({ path, message: `${field}: ${problem.message}` });
  }
  return issues;
}
