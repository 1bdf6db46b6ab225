import type { Queryable } from '../basex/queryable.js';
import { META_DOC } from './database-names.js';
import { onDatabase } from './database-query.js';
import type { Newline } from './upload.js';

/** How one imported file was laid out outside its elements; see SourceLayout. */
export interface FileLayout {
  readonly bom: boolean;
  readonly newline: Newline;
  readonly declaration?: string;
  readonly gaps: readonly string[];
  readonly tail: string;
}

export interface ImportedDocument extends FileLayout {
  /** Path of the document in the database (LIFT_DOC or RANGES_DOC). */
  readonly path: string;
  /** The file's base name, as the user knows it. */
  readonly file: string;
  readonly bytes: number;
}

/** What export writes for a document that has no meta.xml entry (a database made elsewhere). */
export const DEFAULT_LAYOUT: FileLayout = {
  bom: false,
  newline: 'lf',
  declaration: '<?xml version="1.0" encoding="UTF-8"?>',
  gaps: ['\n'],
  tail: '\n',
};

/**
 * The meta.xml of a dictionary database: one `<document>` per imported file.
 *
 * Whitespace lists are stored as JSON (`gaps='["\r\n"]'`) so attribute normalisation cannot
 * turn them into spaces; everything else is a plain attribute.
 */
export function metaXml(documents: readonly ImportedDocument[], imported: Date): string {
  const lines = documents.map((d) => {
    const attributes: Array<[string, string]> = [
      ['path', d.path],
      ['file', d.file],
      ['bytes', String(d.bytes)],
      ['bom', String(d.bom)],
      ['newline', d.newline],
      ...(d.declaration === undefined ? [] : [['declaration', d.declaration] as [string, string]]),
      ['gaps', JSON.stringify(d.gaps)],
      ['tail', JSON.stringify(d.tail)],
    ];
    return `  <document ${attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')}/>`;
  });
  return `<meta version="1" imported="${imported.toISOString()}">\n${lines.join('\n')}\n</meta>\n`;
}

const LAYOUT_QUERY = `
declare variable $db external;
declare variable $path external;
for $d in db:open($db, '${META_DOC}')/meta/document[@path = $path][1]
return (string($d/@bom), string($d/@newline), string($d/@declaration), string($d/@gaps), string($d/@tail))
`;

/**
 * The recorded layout of a document, or DEFAULT_LAYOUT. Anything malformed (meta.xml can be
 * edited like any document) falls back to the default, so export always writes well-formed XML.
 */
export async function readLayout(session: Queryable, database: string, path: string): Promise<FileLayout> {
  const fields = await session.query(onDatabase(database, LAYOUT_QUERY), { path }, { idempotent: true });
  if (fields.length !== 5) return DEFAULT_LAYOUT;
  const [bom, newline, declaration, gaps, tail] = fields;
  const gapList = parseWhitespace(gaps);
  const tailText = parseWhitespace(tail);
  const validDeclaration = declaration === '' || /^<\?xml\s[^<>]*\?>$/.test(declaration);
  if (!Array.isArray(gapList) || typeof tailText !== 'string' || !validDeclaration) return DEFAULT_LAYOUT;
  return {
    bom: bom === 'true',
    newline: newline === 'crlf' ? 'crlf' : 'lf',
    ...(declaration === '' ? {} : { declaration }),
    gaps: gapList,
    tail: tailText,
  };
}

/** JSON of a whitespace string or a list of them; anything else gives undefined. */
function parseWhitespace(json: string): string | string[] | undefined {
  const blank = (value: unknown): value is string => typeof value === 'string' && /^[ \t\r\n]*$/.test(value);
  try {
    const value: unknown = JSON.parse(json);
    if (blank(value)) return value;
    if (Array.isArray(value) && value.every(blank)) return value;
  } catch {
    // malformed: the caller falls back to the default layout
  }
  return undefined;
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
