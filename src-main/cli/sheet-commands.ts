import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type { SheetImportResult } from '../domain/sheets.js';
import { exportSheet, sheetFormat } from '../worksets/sheets/sheet-export.js';
import { importSheet } from '../worksets/sheets/sheet-import.js';
import { readSheet } from '../worksets/sheets/sheet-table.js';
import { undoSheetImport } from '../worksets/sheets/sheet-undo.js';
import { parseId } from './arguments.js';
import type { GlobalOptions } from './context.js';
import { report, type JsonOption } from './output.js';
import { withStore } from './with-store.js';

/** `worksets export`, `worksets import-sheet` and `worksets undo-sheet`: a workset as a spreadsheet and back. */
export function addSheetCommands(worksets: Command, globals: () => GlobalOptions): void {
  worksets
    .command('export')
    .description('write a workset to a spreadsheet (.csv or .xlsx), one row per entry, with its guid and version')
    .argument('<id>', 'workset id', parseId)
    .argument('<out>', 'the file to write: OUT.csv or OUT.xlsx')
    .option('--columns <list>', 'the columns, e.g. headword,gloss:en,pos,status (a text column without :LANG: each writing system); default all')
    .option('--json', 'print what was written as JSON')
    .action((id: number, out: string, options: JsonOption & { columns?: string }) =>
      withStore(globals(), async ({ session }, { store, worksets: service }) => {
        sheetFormat(out);
        const written = await exportSheet(session, store, service, id, out, options.columns);
        const result = { path: written.file, rows: written.rows, columns: written.columns };
        report(options.json, result, () => `wrote ${result.rows} entries of workset ${id} to ${result.path} (${result.columns.join(', ')})`);
      }),
    );

  worksets
    .command('import-sheet')
    .description('apply the cells edited in a spreadsheet exported from a workset (rows whose entry changed since are listed, not applied)')
    .argument('<id>', 'workset id', parseId)
    .argument('<file>', 'the edited .csv or .xlsx')
    .option('--dry-run', 'only say what would change')
    .option('--json', 'print the result as JSON')
    .action((id: number, file: string, options: JsonOption & { dryRun?: boolean }) =>
      withStore(globals(), async ({ session }, services) => {
        const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
          throw new Error(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
        });
        const table = await readSheet(bytes, sheetFormat(file));
        const result = await importSheet(session, services, id, table, { apply: !options.dryRun });
        report(options.json, { dryRun: !result.applied, ...result }, () => importText(id, result));
      }),
    );

  worksets
    .command('undo-sheet')
    .description('undo a spreadsheet import as a whole: its change records (the "records" import-sheet printed), newest first')
    .argument('<id>', 'workset id', parseId)
    .argument('<records>', 'the change numbers, comma-separated', parseRecords)
    .option('--json', 'print the result as JSON')
    .action((id: number, records: number[], options: JsonOption) =>
      withStore(globals(), async ({ session }, services) => {
        const dictionary = await services.worksets.dictionaryOf(session, id);
        const result = await undoSheetImport(session, services, dictionary, records);
        report(options.json, result, () =>
          [`undid ${result.reverted.length} of ${records.length} changes`, ...result.conflicts.map((c) => `not undone: change ${c.seq}: ${c.message}`)].join('\n'),
        );
        if (result.conflicts.length > 0) process.exitCode = 1;
      }),
    );
}

function parseRecords(text: string): number[] {
  const records = text.split(',').map((t) => t.trim()).filter((t) => t !== '').map(Number);
  if (records.length === 0 || records.some((n) => !Number.isSafeInteger(n) || n <= 0)) throw new InvalidArgumentError(`"${text}" is not a list of change numbers (e.g. 41,42,43)`);
  return records;
}

function importText(id: number, result: SheetImportResult): string {
  const cell = (c: SheetImportResult['changes'][number]): string => `  ${c.headword || c.guid}\t${c.column}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`;
  const lines = [
    `${result.applied ? 'changed' : 'would change'} ${result.changes.length} cells of workset ${id} (${result.rows} rows, ${result.unchanged} unchanged)`,
    ...result.changes.map(cell),
  ];
  if (result.stale.length > 0) lines.push(`${result.stale.length} rows not applied:`, ...result.stale.flatMap((s) => [`  ${s.headword || s.guid} (${s.guid}): ${s.reason}`, ...s.cells.map((c) => `  ${cell(c)}`)]));
  if (result.applied && result.records.length > 0) lines.push(`undo it with: workset-browser worksets undo-sheet ${id} ${result.records.join(',')}`);
  return lines.join('\n');
}
