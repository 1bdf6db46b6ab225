import { AppError } from '../../domain/app-error.js';
import type { SheetFormat } from '../../domain/sheets.js';
import { GUID_COLUMN, parseColumn, VERSION_COLUMN, type SheetColumn } from './columns.js';
import { parseCsv } from './csv.js';
import { readXlsx } from './xlsx.js';

/** A sheet read back: its columns by place, and its data rows (numbered as the spreadsheet numbers them). */
export interface SheetTable {
  readonly header: readonly string[];
  readonly guidAt: number;
  readonly versionAt: number;
  /** The editable columns by their place in the row. */
  readonly columns: ReadonlyMap<number, SheetColumn>;
  readonly rows: readonly { readonly number: number; readonly cells: readonly string[] }[];
}

export async function readSheet(bytes: Uint8Array, format: SheetFormat): Promise<SheetTable> {
  const raw = format === 'csv' ? parseCsv(new TextDecoder('utf-8', { fatal: false }).decode(bytes)) : await readXlsx(bytes);
  return sheetTable(raw);
}

/** The header checked (guid and version there, every other column one we know) and the blank rows dropped. */
export function sheetTable(raw: readonly (readonly string[])[]): SheetTable {
  const header = (raw[0] ?? []).map((h) => h.trim());
  const guidAt = header.indexOf(GUID_COLUMN);
  const versionAt = header.indexOf(VERSION_COLUMN);
  if (guidAt < 0 || versionAt < 0) {
    throw new AppError('Invalid', `the sheet's first row has no ${guidAt < 0 ? GUID_COLUMN : VERSION_COLUMN} column: import a sheet exported from the workset (its guid and version columns say which entry each row is and as it was then)`);
  }
  const columns = new Map<number, SheetColumn>();
  const named = new Set<string>();
  header.forEach((name, at) => {
    if (at === guidAt || at === versionAt || name === '') return;
    if (named.has(name)) throw new AppError('Invalid', `the sheet has two "${name}" columns: keep one`);
    named.add(name);
    columns.set(at, parseColumn(name, 'in the first row'));
  });
  const rows = raw.slice(1).map((cells, i) => ({ number: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { header, guidAt, versionAt, columns, rows };
}
