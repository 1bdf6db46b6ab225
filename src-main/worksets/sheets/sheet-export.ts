import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Queryable } from '../../basex/queryable.js';
import { AppError } from '../../domain/app-error.js';
import type { SheetExportResult, SheetFormat } from '../../domain/sheets.js';
import type { Store } from '../store/index.js';
import type { WorksetService } from '../workset-service.js';
import { cellOf, chooseColumns, columnName, GUID_COLUMN, VERSION_COLUMN } from './columns.js';
import { writeCsv } from './csv.js';
import { sheetMembers } from './sheet-members.js';
import { writeXlsx } from './xlsx.js';

/** A workset's rows as a sheet holds them: the header, then one row per entry in place order. */
export async function sheetRows(session: Queryable, store: Store, worksets: WorksetService, id: number, columns?: string | readonly string[]): Promise<{ name: string; rows: string[][] }> {
  const members = await sheetMembers(session, store, worksets, id);
  const chosen = chooseColumns(columns, members.entries);
  const header = [GUID_COLUMN, VERSION_COLUMN, ...chosen.map(columnName)];
  const rows = members.entries.map((entry) => {
    const member = members.curation.get(entry.guid) ?? { status: 'pending', favourite: false, notes: '' };
    return [entry.guid, entry.version, ...chosen.map((c) => cellOf(c, entry, member))];
  });
  return { name: members.name, rows: [header, ...rows] };
}

/** The format a file name asks for: .csv or .xlsx; anything else is refused. */
export function sheetFormat(file: string): SheetFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new AppError('Invalid', `${file}: a spreadsheet is a .csv or an .xlsx file`);
}

export async function sheetBytes(rows: readonly (readonly string[])[], format: SheetFormat, name: string): Promise<Buffer> {
  return format === 'csv' ? Buffer.from(writeCsv(rows), 'utf8') : writeXlsx(rows, name);
}

/** Writes workset `id` to `file` (.csv or .xlsx) with the columns chosen (all of them by default). */
export async function exportSheet(session: Queryable, store: Store, worksets: WorksetService, id: number, file: string, columns?: string | readonly string[]): Promise<SheetExportResult> {
  const format = sheetFormat(file);
  const { name, rows } = await sheetRows(session, store, worksets, id, columns);
  await writeFile(file, await sheetBytes(rows, format, name));
  return { file, rows: rows.length - 1, columns: rows[0] ?? [] };
}
