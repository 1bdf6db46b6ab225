import { AppError } from '../../domain/app-error.js';

/**
 * CSV as RFC 4180 writes it, for spreadsheets: CRLF rows, every field that holds a comma, quote
 * or line break quoted (quotes doubled), UTF-8 with a byte-order mark so Excel reads it as UTF-8.
 *
 * A cell that starts with = + - @ (or a tab or carriage return) would be run as a formula by
 * Excel and its kin (CSV injection): it is written with a leading apostrophe, which those
 * programs show as text, and the apostrophe is taken off again on import. A text that itself
 * starts with apostrophes before such a character gets one more, so the round trip is exact.
 */

const BOM = '\uFEFF';
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export function writeCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map((cell) => quote(guardFormula(cell))).join(',')).join('\r\n') + '\r\n';
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * The rows of a CSV text (a leading BOM is dropped; CRLF, LF or CR end a row; a line break
 * inside quotes is kept as LF), each cell unguarded. A quote left open is refused.
 *
 * Excel saves CSV with its locale's list separator: a semicolon where the decimal mark is a
 * comma (German, French, Portuguese…). The separator is the first of comma, semicolon and tab
 * that the first row has; our header row's names hold none of them.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const header = source.slice(0, source.search(/[\r\n]|$/));
  const separator = [',', ';', '\t'].find((s) => header.includes(s)) ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = (): void => {
    row.push(unguardFormula(cell));
    cell = '';
  };
  const endRow = (): void => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    i++;
    if (quoted) {
      if (c === '"' && next === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else if (c === '\r') {
        cell += '\n';
        if (next === '\n') i++;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) endCell();
    else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && next === '\n') i++;
    } else cell += c;
  }
  if (quoted) throw new AppError('Invalid', `the CSV file ends inside a quoted cell (row ${rows.length + 1}): a quote was opened and never closed`);
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
