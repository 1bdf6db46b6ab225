import { randomBytes } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Queryable } from '../basex/queryable.js';
import { onDatabase } from './database-query.js';
import { readLayout, type FileLayout } from './meta.js';

/** Children of the root element serialized per query: about a thousand entries at a time. */
const CHUNK_NODES = 2000;

/**
 * Each top-level node of the document as three items: its kind, the `pre` of its first child
 * (-1 if none), and its serialization — for the root element only its start tag (as an empty
 * element), since the children are fetched in chunks.
 */
const TOP_LEVEL = `
declare variable $db external;
declare variable $path external;
declare variable $params := map { 'method': 'xml', 'indent': 'no' };
for $node in db:open($db, $path)/node()
return if ($node instance of element()) then (
  'element',
  string(head(($node/node()[1] ! db:node-pre(.), -1))),
  serialize(element { node-name($node) } {
    for $prefix in in-scope-prefixes($node)[. ne 'xml']
    return namespace { $prefix } { namespace-uri-for-prefix($prefix, $node) },
    $node/@*
  }, $params)
) else ('node', '-1', serialize($node, $params))
`;

/**
 * `$count` siblings from the node at `$pre` on, serialized as one string, and the `pre` of the
 * sibling after them (-1 at the end). Walking by `pre` costs the same for the last chunk as for
 * the first; `subsequence($root/node(), $from, $count)` skips all earlier nodes every time and
 * made a 100,000-entry export three times slower.
 */
const CHUNK = `
declare option output:method 'text';
declare variable $db external;
declare variable $pre external;
declare variable $count external;
let $first := db:open-pre($db, $pre)
let $nodes := ($first, $first/following-sibling::node()[position() < $count])
let $next := $nodes[last()]/following-sibling::node()[1]
return (
  serialize($nodes, map { 'method': 'xml', 'indent': 'no', 'item-separator': '' }),
  string(head(($next ! db:node-pre(.), -1)))
)
`;

/**
 * Writes document `path` of `database` to a new temporary file beside `target` and returns
 * its name; the caller renames it into place once everything is written.
 *
 * BaseX serializes the nodes (method xml, no indentation, nothing omitted); the bytes it does not
 * store — BOM, XML declaration, whitespace around the root, CRLF line ends — come from the
 * layout recorded at import. BaseX never writes a raw CR (it escapes it as &#xD;), so turning
 * every LF of its output into CRLF gives back exactly the line ends of a CRLF file.
 * `chunkQuery` serializes the root's children (CHUNK's variables and answer): the curated export
 * adds annotations to entries on their way out (curation-annotations.ts).
 */
export async function writeDocument(session: Queryable, database: string, path: string, target: string, chunkQuery: string = CHUNK): Promise<string> {
  const layout = await readLayout(session, database, path);
  const top = await session.query(onDatabase(database, TOP_LEVEL), { path }, { idempotent: true });
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  const handle = await open(temporary, 'wx');
  try {
    const write = async (text: string): Promise<void> => void (await handle.write(text, null, 'utf8'));
    const markup = (text: string): string => (layout.newline === 'crlf' ? text.replaceAll('\n', '\r\n') : text);
    await write(`${layout.bom ? '\uFEFF' : ''}${layout.declaration ?? ''}`);
    let afterRoot = false;
    for (let i = 0; i + 2 < top.length; i += 3) {
      const [kind, firstChild, serialized] = [top[i], Number(top[i + 1]), top[i + 2]];
      await write(afterRoot ? markup('\n') : gapBefore(layout, i / 3));
      if (kind !== 'element') {
        await write(markup(serialized));
        continue;
      }
      afterRoot = true;
      if (firstChild < 0) {
        await write(markup(serialized));
        continue;
      }
      await write(markup(startTag(serialized)));
      for (let pre = firstChild; pre >= 0; ) {
        const [chunk, next, ...rest] = await session.query(onDatabase(database, chunkQuery), { pre, count: CHUNK_NODES }, { idempotent: true });
        if (next === undefined || rest.length > 0) throw new Error(`unexpected answer to an export chunk of ${database}`);
        await write(markup(chunk));
        pre = Number(next);
      }
      await write(`</${elementName(serialized)}>`);
    }
    await write(layout.tail);
    await handle.sync();
    await handle.close();
    return temporary;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Whitespace before the i-th top-level node: as recorded, else a line end after a declaration. */
function gapBefore(layout: FileLayout, index: number): string {
  const recorded = layout.gaps[index];
  if (recorded !== undefined) return recorded;
  return index === 0 && layout.declaration === undefined ? '' : layout.newline === 'crlf' ? '\r\n' : '\n';
}

/** `<lift version="0.13"/>` → `<lift version="0.13">`. */
function startTag(emptyElement: string): string {
  if (!emptyElement.endsWith('/>')) throw new Error(`unexpected serialization of the root element: ${emptyElement.slice(0, 80)}`);
  return `${emptyElement.slice(0, -2)}>`;
}

function elementName(emptyElement: string): string {
  return /^<([^\s/>]+)/.exec(emptyElement)?.[1] ?? '';
}
