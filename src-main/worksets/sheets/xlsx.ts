import ExcelJS from 'exceljs';
import { AppError } from '../../domain/app-error.js';

/**
 * XLSX through exceljs. Every cell is written as a string, so nothing in it is ever run as a
 * formula (no guard needed, unlike CSV), and the header row is bold and frozen. Reading takes the
 * first worksheet and gives each cell as the text it shows (a number or date typed over a cell
 * comes back as the text Excel displays).
 */

export async function writeXlsx(rows: readonly (readonly string[])[], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('Invalid', 'the file is not an XLSX workbook Excel or LibreOffice could have written (it could not be opened)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('Invalid', 'the workbook has no worksheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(textOf(row.getCell(c)));
    rows[number - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function textOf(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return cell.text;
}

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Workset';
}
