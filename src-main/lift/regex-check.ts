import { BaseXError } from '../basex/errors.js';
import type { Queryable } from '../basex/queryable.js';
import type { FieldEdit } from '../domain/edits.js';
import { regexHint } from './regex-hints.js';

/**
 * The one check of regular expressions, for a replace edit (inline or bulk) and for a `matches`
 * filter alike: BaseX is asked, since XQuery regular expressions are not JavaScript's (no
 * lookaround, `\p{Is…}` blocks, the `x` flag) and only BaseX can say what it accepts.
 */

/** Which part of a regular expression's use is wrong, and why, in words for the person who typed it. */
export interface RegexProblem {
  readonly field: 'pattern' | 'replacement' | 'flags';
  readonly message: string;
}

/** A pattern with its flags, and the replacement when it replaces. */
export interface RegexUse {
  readonly pattern: string;
  readonly flags: string;
  readonly replacement?: string;
}

/**
 * The same calls an edit and a filter make, on an empty string: BaseX checks the pattern, flags
 * and replacement before it looks at the input, so a bad one fails here with the error each
 * entry would have raised. All are bound, never spliced. One query per check: BaseX folds a
 * call on constants while compiling, before a try/catch in the query could see the error.
 */
const CHECK_MATCHES = `
declare variable $pattern as xs:string external;
declare variable $flags as xs:string external;
matches('', $pattern, $flags)
`;
const CHECK_REPLACE = `
declare variable $pattern as xs:string external;
declare variable $replacement as xs:string external;
declare variable $flags as xs:string external;
replace('', $pattern, $replacement, $flags)
`;

/** What BaseX finds wrong with a regular expression's use; undefined when it accepts it. */
export async function regexProblem(session: Queryable, use: RegexUse): Promise<RegexProblem | undefined> {
  const { pattern, flags, replacement } = use;
  try {
    if (replacement === undefined) await session.execute(CHECK_MATCHES, { pattern, flags }, { idempotent: true });
    else await session.execute(CHECK_REPLACE, { pattern, replacement, flags }, { idempotent: true });
    return undefined;
  } catch (error) {
    if (!(error instanceof BaseXError)) throw error;
    const problem = describe(error.errorCode, use);
    if (!problem) throw error;
    return problem;
  }
}

/** The problem of a replace edit's pattern, replacement or flags; undefined when fine or not a replace. */
export function replaceProblem(session: Queryable, edit: FieldEdit): Promise<RegexProblem | undefined> {
  if (edit.action !== 'replace') return Promise.resolve(undefined);
  return regexProblem(session, { pattern: edit.pattern ?? '', replacement: edit.replacement ?? '', flags: edit.flags ?? '' });
}

function describe(code: string | undefined, use: RegexUse): RegexProblem | undefined {
  switch (code) {
    case 'FORX0001':
      return { field: 'flags', message: `"${use.flags}" are not regular expression flags: use i, m, s and x` };
    case 'FORX0002':
      return {
        field: 'pattern',
        message: `${quoted(use.pattern)} is not a valid XQuery regular expression: ${regexHint(use.pattern, use.replacement !== undefined)}`,
      };
    case 'FORX0003':
      return { field: 'pattern', message: `${quoted(use.pattern)} matches the empty string, so there is nothing to replace` };
    case 'FORX0004':
      return {
        field: 'replacement',
        message: `${quoted(use.replacement ?? '')} is not a valid replacement: write $1 to $9 for groups, \\$ and \\\\ for a literal $ or \\`,
      };
    default:
      return undefined;
  }
}

/** A value for a one-line message: quoted as typed (a \\ stays one), and cut short if long. */
function quoted(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;
}
