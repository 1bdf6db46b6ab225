import type { Queryable } from '../basex/queryable.js';
import { LIFT_DOC, RANGES_DOC } from './database-names.js';
import { onDatabase } from './database-query.js';

/**
 * How many ranges came with an import, and the ranges file the LIFT header points at
 * (`<range href>`), so an import without that file can say what did not come along.
 */
const RANGES_QUERY = `
declare variable $db external;
(
  string(count(if (db:exists($db, '${RANGES_DOC}')) then db:open($db, '${RANGES_DOC}')/lift-ranges/range else ())),
  string(head(db:open($db, '${LIFT_DOC}')/lift/header/ranges/range/@href[normalize-space()]))
)
`;

export interface ImportedRanges {
  /** `<range>` elements of the imported .lift-ranges; 0 without one. */
  readonly count: number;
  /** The file name the header's first `<range href>` ends in ("Sena.lift-ranges"), if it has one. */
  readonly referenced?: string;
}

export async function importedRanges(session: Queryable, database: string): Promise<ImportedRanges> {
  const [count = '0', href = ''] = await session.query(onDatabase(database, RANGES_QUERY), {}, { idempotent: true });
  const referenced = fileNameOf(href);
  return { count: Number(count), ...(referenced ? { referenced } : {}) };
}

/** The last segment of a URL or a path, Windows ones included ("file://C:/Users/x/Sena.lift-ranges" → "Sena.lift-ranges"). */
function fileNameOf(href: string): string | undefined {
  const name = href.trim().split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(name) || undefined;
  } catch {
    return name || undefined;
  }
}
