import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { LiftError } from './errors.js';

/**
 * What a LIFT file looks like around its root element: the bytes BaseX does not keep.
 *
 * BaseX stores the comments and processing instructions before the root, but not the BOM, the
 * XML declaration or the whitespace between those nodes; the importer records them here (and in
 * meta.xml) so the exporter can write them back.
 */
export interface SourceLayout {
  readonly bom: boolean;
  /** The XML declaration exactly as written, when there is one. */
  readonly declaration?: string;
  /** Whitespace before each node that precedes the root element, and before the root itself. */
  readonly gaps: readonly string[];
  /** Whitespace after the last markup of the file. */
  readonly tail: string;
  /** Name of the root element, read before anything is sent to BaseX. */
  readonly rootName: string;
  readonly rootLine: number;
  readonly rootColumn: number;
}

const HEAD_CHUNK = 64 * 1024;
/** A prolog (comments before the root) longer than this is not a LIFT file. */
const MAX_PROLOG = 4 * 1024 * 1024;
const TAIL_BYTES = 4096;
const UTF8_ENCODINGS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/**
 * Reads the prolog of `file` up to its root element, and the whitespace at its end.
 *
 * It is also the importer's guard against external entities: the Java XML parser BaseX uses
 * would resolve `<!ENTITY x SYSTEM "file:///…">` even with DTD=false, so a DOCTYPE is refused
 * here, before any byte reaches BaseX. That is only sound if this reading and the parser's agree,
 * hence only UTF-8 (and ASCII) files are accepted — as the LIFT standard requires anyway.
 */
export async function readSourceLayout(file: string, size: number): Promise<SourceLayout> {
  const name = basename(file);
  const handle = await open(file, 'r');
  try {
    let head = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.alloc(HEAD_CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, HEAD_CHUNK, head.length);
      head = Buffer.concat([head, chunk.subarray(0, bytesRead)]);
      const atEnd = head.length >= size || bytesRead === 0;
      const prolog = scanProlog(name, head, atEnd);
      if (prolog) return { ...prolog, tail: await readTail(handle, size) };
      if (head.length > MAX_PROLOG) throw new LiftError('Invalid', `${name} is not a LIFT file: no root element in its first 4 MB`);
    }
  } finally {
    await handle.close();
  }
}

type Prolog = Omit<SourceLayout, 'tail'>;

/** The prolog in `head`, or undefined when more bytes are needed to see the root element. */
function scanProlog(name: string, head: Buffer, atEnd: boolean): Prolog | undefined {
  if (head.length === 0) throw new LiftError('Invalid', `${name} is empty`);
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) {
    throw new LiftError('Invalid', `${name} is encoded in UTF-16: LIFT files must be UTF-8`);
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(head);
  const bom = text.startsWith('\uFEFF');
  let at = bom ? 1 : 0;
  const fail = (problem: string): never => {
    const { line, column } = position(text, at, bom);
    throw new LiftError('Invalid', `${name}:${line}:${column}: ${problem}`, { line, column });
  };
  let declaration: string | undefined;
  if (/^<\?xml[\s?]/.test(text.slice(at, at + 6))) {
    const end = text.indexOf('?>', at);
    if (end < 0) return atEnd ? fail('the XML declaration is not closed') : undefined;
    declaration = text.slice(at, end + 2);
    const encoding = /\sencoding\s*=\s*["']([^"']*)["']/.exec(declaration)?.[1];
    if (encoding !== undefined && !UTF8_ENCODINGS.has(encoding.toLowerCase())) {
      fail(`the file declares encoding "${encoding}": LIFT files must be UTF-8`);
    }
    at = end + 2;
  }
  const gaps: string[] = [];
  for (;;) {
    const gap = /^[ \t\r\n]*/.exec(text.slice(at))?.[0] ?? '';
    gaps.push(gap);
    at += gap.length;
    if (at >= text.length) return atEnd ? fail('not an XML file: there is no root element') : undefined;
    const closing = text.startsWith('<!--', at) ? '-->' : text.startsWith('<?', at) ? '?>' : undefined;
    if (closing) {
      const end = text.indexOf(closing, at + 2);
      if (end < 0) return atEnd ? fail('a comment or processing instruction is not closed') : undefined;
      at = end + closing.length;
      continue;
    }
    if (text.startsWith('<!DOCTYPE', at)) {
      fail('a DOCTYPE declaration is not allowed in a LIFT file (DTDs and entities are not processed)');
    }
    // The parser checks the name itself; here it only has to be a start tag.
    const rootName = /^<([^\s/>!?<]+)/.exec(text.slice(at, at + 1024))?.[1];
    if (rootName === undefined) return fail('not an XML file: text before the first element');
    // A name running to the end of the bytes read may continue in the next chunk.
    if (!atEnd && at + 1 + rootName.length >= text.length) return undefined;
    const { line, column } = position(text, at, bom);
    return { bom, ...(declaration === undefined ? {} : { declaration }), gaps, rootName, rootLine: line, rootColumn: column };
  }
}

/** 1-based line and column of `offset`, not counting a BOM (as XML parsers count). */
function position(text: string, offset: number, bom: boolean): { line: number; column: number } {
  const before = text.slice(bom ? 1 : 0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

async function readTail(handle: FileHandle, size: number): Promise<string> {
  const length = Math.min(TAIL_BYTES, size);
  const buffer = Buffer.alloc(length);
  await handle.read(buffer, 0, length, size - length);
  return /[ \t\r\n]*$/.exec(buffer.toString('latin1'))?.[0] ?? '';
}
