import type { Queryable } from '../../basex/queryable.js';
import { AppError } from '../../domain/app-error.js';
import type { SheetCellChange, SheetImportResult, SheetStaleRow } from '../../domain/sheets.js';
import { STATUSES, type Status } from '../../domain/statuses.js';
import type { Curation } from '../../lift/workset-documents.js';
import type { WorksetServices } from '../workset-services.js';
import { cellEdit, cellOf, columnName, parseFavourite, type SheetColumn } from './columns.js';
import { sheetMembers } from './sheet-members.js';
import type { SheetTable } from './sheet-table.js';

type Services = Pick<WorksetServices, 'store' | 'worksets' | 'entries'>;

/** A row to write: the version its entry had at the export (and still has), and its changed cells. */
interface PlannedRow {
  readonly guid: string;
  readonly version: string;
  readonly cells: readonly { readonly column: SheetColumn; readonly change: SheetCellChange }[];
}

interface Plan {
  readonly dictionary: string;
  readonly rows: readonly PlannedRow[];
  readonly stale: readonly SheetStaleRow[];
  readonly unchanged: number;
}

/**
 * Reads an edited sheet of workset `id` against the workset as it is now: each cell that differs
 * is a change, unless its row's entry changed since the export (its version is not the row's),
 * then the whole row is listed as stale and nothing of it is written. With `apply`, each change
 * is written through the ordinary edit path (an entry's field: EntryService.edit; status,
 * favourite, notes: the workset's curation), each with its own change-log record, whose numbers
 * the result lists so the import can be undone as a whole (sheet-undo.ts).
 *
 * A sheet that names an entry not in the workset, the same entry twice or a value a column cannot
 * hold is refused before anything is written, naming the row.
 */
export async function importSheet(session: Queryable, services: Services, id: number, table: SheetTable, options: { apply: boolean; window?: string }): Promise<SheetImportResult> {
  const plan = await planImport(session, services, id, table);
  const base = { rows: table.rows.length, columns: table.header, unchanged: plan.unchanged };
  const changes = plan.rows.flatMap((r) => r.cells.map((c) => c.change));
  if (!options.apply) return { ...base, applied: false, changes, stale: plan.stale, records: [] };
  const applied: SheetCellChange[] = [];
  const stale = [...plan.stale];
  for (const row of plan.rows) {
    const written = await applyRow(session, services, id, plan.dictionary, row, options.window ?? 'cli').catch((error: unknown) => {
      throw partlyApplied(error, applied);
    });
    applied.push(...written.applied);
    if (written.stale) stale.push(written.stale);
  }
  return { ...base, applied: true, changes: applied, stale, records: applied.flatMap((c) => (c.change === undefined ? [] : [c.change])) };
}

async function planImport(session: Queryable, services: Services, id: number, table: SheetTable): Promise<Plan> {
  const members = await sheetMembers(session, services.store, services.worksets, id);
  const entries = new Map(members.entries.map((e) => [e.guid, e]));
  const seen = new Set<string>();
  const rows: PlannedRow[] = [];
  const stale: SheetStaleRow[] = [];
  let unchanged = 0;
  for (const { number, cells } of table.rows) {
    const guid = (cells[table.guidAt] ?? '').trim();
    if (guid === '') throw new AppError('Invalid', `row ${number} has no guid: every row needs the guid it was exported with`);
    if (seen.has(guid)) throw new AppError('Invalid', `row ${number}: entry ${guid} is in the sheet twice`);
    seen.add(guid);
    const member = members.curation.get(guid);
    if (!member) throw new AppError('Invalid', `row ${number}: entry ${guid} is not in workset ${id} "${members.name}"`);
    const entry = entries.get(guid);
    const headword = entry ? (Object.values(entry.headword)[0] ?? '') : '';
    const changed: PlannedRow['cells'][number][] = [];
    for (const [at, column] of table.columns) {
      const after = cellText(cells[at] ?? '');
      checkCell(column, after, number);
      const before = entry ? cellText(cellOf(column, entry, member)) : '';
      if (!entry || !sameCell(column, before, after)) changed.push({ column, change: { guid, headword, column: columnName(column), before, after } });
    }
    const version = (cells[table.versionAt] ?? '').trim();
    if (!entry) stale.push({ guid, headword, reason: 'deleted from the dictionary since the export', cells: changed.map((c) => c.change) });
    else if (changed.length === 0) unchanged++;
    else if (version !== entry.version) stale.push({ guid, headword, reason: 'changed since the export', cells: changed.map((c) => c.change) });
    else rows.push({ guid, version, cells: changed });
  }
  return { dictionary: members.dictionary, rows, stale, unchanged };
}

/** Writes one row's cells, entry fields first; a cell the entry refuses (changed meanwhile) stops the row, listed as stale. */
async function applyRow(session: Queryable, services: Services, id: number, dictionary: string, row: PlannedRow, window: string): Promise<{ applied: SheetCellChange[]; stale?: SheetStaleRow }> {
  const applied: SheetCellChange[] = [];
  let version = row.version;
  const ordered = [...row.cells].sort((a, b) => Number(a.column.kind === 'curation') - Number(b.column.kind === 'curation'));
  for (const [i, { column, change }] of ordered.entries()) {
    try {
      if (column.kind === 'curation') {
        const seq = await services.worksets.curateRecorded(session, id, row.guid, curationOf(column.field, change.after), window);
        applied.push({ ...change, change: seq });
        continue;
      }
      const saved = await services.entries.edit(session, dictionary, row.guid, version, cellEdit(column, change.after), window);
      version = saved.version;
      if (saved.change === undefined) throw new AppError('Invalid', column.kind === 'text' && column.field === 'headword' ? 'writing it changed nothing' : 'the entry has no sense to hold it');
      applied.push({ ...change, change: saved.change });
    } catch (error) {
      if (!(error instanceof AppError) || !['Conflict', 'NotFound', 'Invalid'].includes(error.code)) throw error;
      const reason = error.code === 'Invalid' ? `${change.column} could not be written: ${error.message}` : 'changed or deleted by someone else between the preview and the import';
      return { applied, stale: { guid: row.guid, headword: change.headword, reason, cells: ordered.slice(i).map((c) => c.change) } };
    }
  }
  return { applied };
}

/** A cell as compared and written: line breaks as LF (Excel writes CRLF in a cell) and NFC. */
function cellText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

function sameCell(column: SheetColumn, before: string, after: string): boolean {
  if (column.kind === 'curation' && column.field === 'favourite') return parseFavourite(before) === parseFavourite(after);
  if (column.kind === 'curation' && column.field === 'status') return before === after.trim().toLowerCase();
  return before === after;
}

function checkCell(column: SheetColumn, value: string, row: number): void {
  if (column.kind !== 'curation') return;
  if (column.field === 'status' && !(STATUSES as readonly string[]).includes(value.trim().toLowerCase())) {
    throw new AppError('Invalid', `row ${row}: status "${value}" is not one of ${STATUSES.join(', ')}`);
  }
  if (column.field === 'favourite' && parseFavourite(value) === undefined) throw new AppError('Invalid', `row ${row}: favourite "${value}" is neither yes nor empty`);
}

function curationOf(field: 'status' | 'favourite' | 'notes', value: string): Curation {
  if (field === 'status') return { status: value.trim().toLowerCase() as Status };
  if (field === 'favourite') return { favourite: parseFavourite(value) ?? false };
  return { notes: value };
}

/** An import cut short (the server gone, rights refused) says which changes it wrote, so they can be undone together. */
function partlyApplied(error: unknown, applied: readonly SheetCellChange[]): unknown {
  const records = applied.flatMap((c) => (c.change === undefined ? [] : [c.change]));
  if (records.length === 0 || !(error instanceof AppError)) return error;
  return new AppError(error.code, `${error.message} (the import stopped after ${records.length} changes, records ${records.join(',')}: undo them with worksets undo-sheet)`, error.details);
}
