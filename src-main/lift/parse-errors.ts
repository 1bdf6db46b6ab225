import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { LiftError } from './errors.js';

/** BaseX's parse errors: `"dictionary.lift.xml" (Line 120): The element type …`. */
const PARSE_ERROR = /\(Line (\d+)\):\s*([\s\S]*)$/;
/** How much of the offending line is read to find the column. */
const MAX_LINE_BYTES = 256 * 1024;

/**
 * Turns a BaseX parse error about `file` into `Sena.lift:120:7: element "sense" is not closed`.
 *
 * BaseX 9 reports only the line of a parse error (it drops the column Java's parser knows), so
 * the column is found by reading that line of the file and looking for what the message names:
 * the mismatched end tag, the undeclared entity, the bytes that are not UTF-8, the attribute.
 * It is a best guess; when nothing matches it points at the first character of the line.
 * Returns undefined for other errors.
 */
export async function parseErrorOf(error: unknown, file: string): Promise<LiftError | undefined> {
  const match = error instanceof Error ? PARSE_ERROR.exec(error.message) : null;
  if (!match) return undefined;
  const line = Number(match[1]);
  const raw = match[2].replace(/\s+/g, ' ').trim();
  const text = await readLine(file, line);
  const { problem, column } = describe(raw, text);
  return new LiftError('Invalid', `${basename(file)}:${line}:${column}: ${problem}`, { line, column, cause: error });
}

function describe(raw: string, line: LineText): { problem: string; column: number } {
  const unclosed = /^The element type "([^"]+)" must be terminated by the matching end-tag/.exec(raw);
  if (unclosed) {
    const name = unclosed[1];
    const endTag = [...line.text.matchAll(/<\/([^\s>]+)/g)].find((m) => m[1] !== name);
    const found = endTag ? ` (found </${endTag[1]}>)` : '';
    return { problem: `element "${name}" is not closed${found}`, column: columnOf(line, endTag?.index) };
  }
  if (/^XML document structures must start and end within the same entity|^Premature end of file/.test(raw)) {
    return { problem: 'the file ends before the document is complete (is it truncated?)', column: line.chars + 1 };
  }
  const invalidChar = /^An invalid XML character \(Unicode: 0x([0-9a-f]+)\)/i.exec(raw);
  if (invalidChar) {
    const char = String.fromCodePoint(parseInt(invalidChar[1], 16));
    const code = invalidChar[1].toUpperCase().padStart(4, '0');
    return { problem: `invalid character U+${code}`, column: columnOf(line, line.text.indexOf(char)) };
  }
  if (/^Invalid byte \d+ of \d+-byte UTF-8 sequence/.test(raw)) {
    // The line was decoded with replacement characters: the first one is where the bytes break.
    return {
      problem: 'the file is not valid UTF-8 here (was it saved as Latin-1 or another encoding?): LIFT files must be UTF-8',
      column: columnOf(line, line.text.indexOf('\uFFFD')),
    };
  }
  const entity = /^The entity "([^"]+)" was referenced, but not declared/.exec(raw);
  if (entity) {
    const reference = `&${entity[1]};`;
    return {
      problem: `unknown entity "${reference}" (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)`,
      column: columnOf(line, line.text.indexOf(reference)),
    };
  }
  return { problem: lowerFirst(raw.replace(/\.$/, '')), column: columnOf(line, guessIndex(raw, line.text)) };
}

/** The first thing the message quotes that appears on the line: an attribute, then a tag, then any text. */
function guessIndex(raw: string, text: string): number | undefined {
  for (const match of raw.matchAll(/"([^"]+)"|'([^']+)'/g)) {
    const quoted = match[1] ?? match[2];
    const escaped = quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const pattern of [`(?<![\\w:.-])${escaped}\\s*=`, `</?${escaped}(?![\\w:.-])`, escaped]) {
      const index = new RegExp(pattern).exec(text)?.index;
      if (index !== undefined) return index;
    }
  }
  return undefined;
}

interface LineText {
  /** The line's text (at most its first MAX_LINE_BYTES). */
  readonly text: string;
  /** Its length in characters, counted over the whole line. */
  readonly chars: number;
}

/** 1-based column of a UTF-16 index into the line, or of its first non-blank character. */
function columnOf(line: LineText, index: number | undefined): number {
  const at = index === undefined || index < 0 ? (/\S/.exec(line.text)?.index ?? 0) : index;
  return [...line.text.slice(0, at)].length + 1;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Reads line `number` (1-based) of a file as a stream, without reading the file whole. */
async function readLine(file: string, number: number): Promise<LineText> {
  let line = 1;
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let chars = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    let start = 0;
    while (line < number) {
      const newline = bytes.indexOf(0x0a, start);
      if (newline < 0) break;
      line++;
      start = newline + 1;
    }
    if (line < number) continue;
    const end = bytes.indexOf(0x0a, start);
    const part = bytes.subarray(start, end < 0 ? bytes.length : end);
    // Characters are counted over the whole line: every byte that does not continue a UTF-8 sequence.
    for (const byte of part) if ((byte & 0xc0) !== 0x80 && byte !== 0x0d) chars++;
    if (keptBytes < MAX_LINE_BYTES) {
      kept.push(part.subarray(0, MAX_LINE_BYTES - keptBytes));
      keptBytes += part.length;
    }
    if (end >= 0) break;
  }
  const text = Buffer.concat(kept).toString('utf8').replace(/\r$/, '');
  // Parsers do not count a BOM as a column.
  return text.startsWith('\uFEFF') ? { text: text.slice(1), chars: chars - 1 } : { text, chars };
}
