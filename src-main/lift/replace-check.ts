import { BaseXError } from '../basex/errors.js';
import type { Queryable } from '../basex/queryable.js';
import type { FieldEdit } from '../ipc/contract/edit.js';

/** Which part of a replace edit is wrong, and why, in words for the person who typed it. */
export interface ReplaceProblem {
  readonly field: 'pattern' | 'replacement' | 'flags';
  readonly message: string;
}

/**
 * The same call the edit makes on every text (field-edit-xquery.ts), on an empty string: BaseX
 * checks the pattern, flags and replacement before it looks at the input, so a bad one fails
 * here with the error each entry would have raised. All three are bound, never spliced.
 */
const CHECK_REPLACE = `
declare variable $pattern as xs:string external;
declare variable $replacement as xs:string external;
declare variable $flags as xs:string external;
replace('', $pattern, $replacement, $flags)
`;

/**
 * Whether BaseX accepts the pattern, replacement and flags of a replace edit; undefined when it
 * does, or the edit is not a replace. Checked in BaseX itself, since XQuery regular expressions
 * are not JavaScript's (no lookaround, `\p{Is…}` blocks, the `x` flag) and only BaseX can say.
 */
export async function replaceProblem(session: Queryable, edit: FieldEdit): Promise<ReplaceProblem | undefined> {
  if (edit.action !== 'replace') return undefined;
  const bindings = { pattern: edit.pattern ?? '', replacement: edit.replacement ?? '', flags: edit.flags ?? '' };
  try {
    await session.execute(CHECK_REPLACE, bindings, { idempotent: true });
    return undefined;
  } catch (error) {
    if (!(error instanceof BaseXError)) throw error;
    const problem = describe(error.errorCode, bindings);
    if (!problem) throw error;
    return problem;
  }
}

function describe(code: string | undefined, edit: { pattern: string; replacement: string; flags: string }): ReplaceProblem | undefined {
  switch (code) {
    case 'FORX0001':
      return { field: 'flags', message: `"${edit.flags}" are not regular expression flags: use i, m, s and x` };
    case 'FORX0002':
      return { field: 'pattern', message: `${quoted(edit.pattern)} is not a valid XQuery regular expression` };
    case 'FORX0003':
      return { field: 'pattern', message: `${quoted(edit.pattern)} matches the empty string, so there is nothing to replace` };
    case 'FORX0004':
      return {
        field: 'replacement',
        message: `${quoted(edit.replacement)} is not a valid replacement: write $1 to $9 for groups, \\$ and \\\\ for a literal $ or \\`,
      };
    default:
      return undefined;
  }
}

/** A value for a one-line message: quoted, and cut short if long. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
