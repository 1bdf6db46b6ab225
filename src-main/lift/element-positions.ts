import { createReadStream } from 'node:fs';

/** A 1-based line and column in a file, as XML parsers count them. */
export interface FilePosition {
  readonly line: number;
  readonly column: number;
}

const CHUNK_BYTES = 256 * 1024;
const LT = 0x3c;
const LF = 0x0a;
const CR = 0x0d;
/** What may follow an element name in its start tag: whitespace, `>` or `/`. */
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);

/**
 * Where the start tags of the `ordinals`-th (1-based) `<name>` elements of a file are, in one
 * streaming pass: BaseX keeps no line numbers, but it can tell which entry is at fault by its
 * position, and this turns that into line:column for the message.
 *
 * It reads bytes, never the file as one string (a file may be one 50 MB line), and counts
 * columns in characters (UTF-8 lead bytes) without a BOM, like the parser. It is a best effort:
 * a `<name` inside a comment or CDATA section would be counted too (no LIFT exporter writes one).
 */
export async function elementPositions(file: string, name: string, ordinals: readonly number[]): Promise<Map<number, FilePosition>> {
  const wanted = new Set(ordinals);
  const found = new Map<number, FilePosition>();
  if (wanted.size === 0) return found;
  const last = Math.max(...wanted);
  const tag = Buffer.from(`<${name}`, 'utf8');
  const counter = new PositionCounter();
  let seen = 0;
  // Bytes of the previous chunk that may begin a tag whose end is in the next one.
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    const window = carry.length === 0 ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
    // A tag starting here or later needs the next chunk to see the byte after its name.
    const decidable = window.length - tag.length;
    let at = 0;
    for (let start = window.indexOf(LT, at); start >= 0 && start < decidable; start = window.indexOf(LT, start + 1)) {
      if (!window.subarray(start, start + tag.length).equals(tag) || !NAME_END.has(window[start + tag.length])) continue;
      counter.advance(window, at, start);
      at = start;
      seen++;
      if (wanted.has(seen)) found.set(seen, counter.position);
      if (seen >= last) return found;
    }
    const keep = Math.max(0, decidable);
    counter.advance(window, at, keep);
    carry = window.subarray(keep);
  }
  return found;
}

/** Line and column of a byte offset, counted incrementally over the bytes passed through it. */
class PositionCounter {
  private line = 1;
  private chars = 0;
  private started = false;

  get position(): FilePosition {
    return { line: this.line, column: this.chars + 1 };
  }

  /** Counts the bytes `window[from, to)`. */
  advance(window: Buffer, from: number, to: number): void {
    let start = from;
    if (!this.started && to > 0) {
      this.started = true;
      // Parsers do not count a BOM as a column.
      if (window[0] === 0xef && window[1] === 0xbb && window[2] === 0xbf) start = Math.max(start, 3);
    }
    for (let newline = window.indexOf(LF, start); newline >= 0 && newline < to; newline = window.indexOf(LF, start)) {
      this.line++;
      this.chars = 0;
      start = newline + 1;
    }
    for (let i = start; i < to; i++) {
      const byte = window[i];
      // Every byte that does not continue a UTF-8 sequence starts a character.
      if ((byte & 0xc0) !== 0x80 && byte !== CR) this.chars++;
    }
  }
}
