import { BaseXError } from '../../basex/errors.js';
import type { Queryable } from '../../basex/queryable.js';
import type { EntryViewModel } from '../../ipc/contract/entry.js';
import { formatIssuePath, querySchema } from '../../ipc/contract/query.js';
import { parseEntryView, VIEW_FUNCTIONS } from '../../lift/entry-view.js';
import { compileQuery, type Pattern } from './compile.js';
import { KEY_FUNCTIONS, orderClauses } from './keys.js';
import { matchingEntries } from './run.js';
import type { z } from 'zod';

/**
 * Checks a query as the filter editor sends it and previews what it matches.
 *
 * Schema problems and invalid regular expressions come back as issues with the path of the bad
 * filter, never as a thrown error, so the editor can mark the field; a valid query comes back
 * with its match count and the first matches as the workset would list them.
 */

export interface QueryIssue {
  /** Where the problem is, e.g. `filters[2].filters[0].value`; "" for the query as a whole. */
  path: string;
  message: string;
}

export interface Validation {
  ok: boolean;
  issues: QueryIssue[];
  total?: number;
  preview?: EntryViewModel[];
}

export const PREVIEW_SIZE = 20;

const READ = { idempotent: true } as const;

export async function validateQuery(session: Queryable, db: string, input: unknown): Promise<Validation> {
  const parsed = querySchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.error) };
  const compiled = compileQuery(parsed.data);
  const patternIssues = await checkPatterns(session, compiled.patterns);
  if (patternIssues.length > 0) return { ok: false, issues: patternIssues };
  const xquery = `${compiled.prolog}\n${KEY_FUNCTIONS}\n${VIEW_FUNCTIONS}
let $matches := ${matchingEntries(compiled)}
  return $e
return (
  string(count($matches)),
  (for $e in $matches
    ${orderClauses(parsed.data.sort)}
    return $e)[position() <= ${PREVIEW_SIZE}] ! local:view(.)
)`;
  const [total = '0', ...rows] = await session.query(xquery, { ...compiled.bindings, db }, READ);
  return { ok: true, issues: [], total: Number(total), preview: rows.map(parseEntryView) };
}

function schemaIssues(error: z.ZodError): QueryIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: `unknown key ${JSON.stringify(key)}` }))
      : [{ path: formatIssuePath(issue.path), message: issue.message }],
  );
}

const CHECK_PATTERN = String.raw`
declare variable $pattern as xs:string external;
declare variable $flags as xs:string external;
matches('', $pattern, $flags)
`;

/**
 * Compiles each `matches` pattern in BaseX, whose regex dialect (XML Schema + XPath) is not
 * JavaScript's, so the server is the only judge of what is valid.
 *
 * One small query per pattern: BaseX folds `matches` of constants while compiling, before a
 * try/catch in the query could see the error, so the error is caught here instead.
 */
async function checkPatterns(session: Queryable, patterns: readonly Pattern[]): Promise<QueryIssue[]> {
  const issues: QueryIssue[] = [];
  for (const { path, pattern, flags } of patterns) {
    try {
      await session.query(CHECK_PATTERN, { pattern, flags }, READ);
    } catch (error) {
      if (!(error instanceof BaseXError) || error.errorCode !== 'FORX0002') throw error;
      const reason = error.message.replace(/^[^]*?\[FORX0002\]\s*/, '');
      issues.push({ path, message: /regular expression/i.test(reason) ? reason : `invalid regular expression: ${reason}` });
    }
  }
  return issues;
}
