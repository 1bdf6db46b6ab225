/**
 * Worksets as spreadsheets (CSV or XLSX): one row per entry, matched back by its guid, with the
 * entry's version so an import can tell a row whose entry changed since the export.
 */

export const SHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** What a file export wrote. */
export interface SheetExportResult {
  readonly file: string;
  readonly rows: number;
  /** The header row as written: guid, version, then the columns chosen. */
  readonly columns: readonly string[];
  /** On the browser host: where the browser fetches the file. */
  readonly download?: string;
}

/** One cell that differs from the entry (or its curation) as it is now. */
export interface SheetCellChange {
  readonly guid: string;
  /** The entry's headword, to show which entry it is. */
  readonly headword: string;
  /** The column as its header says it: `gloss:en`, `status`… */
  readonly column: string;
  readonly before: string;
  readonly after: string;
  /** The change-log record an applied change wrote. */
  readonly change?: number;
}

/** A row whose entry changed since the export: its cells are listed, never applied. */
export interface SheetStaleRow {
  readonly guid: string;
  readonly headword: string;
  /** Why: changed since the export, deleted since, or changed between the preview and the save. */
  readonly reason: string;
  readonly cells: readonly SheetCellChange[];
}

/** What an import would do (`applied: false`) or did. */
export interface SheetImportResult {
  readonly applied: boolean;
  readonly rows: number;
  readonly columns: readonly string[];
  readonly changes: readonly SheetCellChange[];
  readonly stale: readonly SheetStaleRow[];
  /** Rows that change nothing. */
  readonly unchanged: number;
  /** The change-log records the import wrote, in order: what undoing it reverts (newest first). */
  readonly records: readonly number[];
}

/** What undoing an import did. */
export interface SheetUndoResult {
  readonly reverted: readonly number[];
  /** The entries put back. */
  readonly guids: readonly string[];
  /** Records that could not be put back: someone changed the same field since. */
  readonly conflicts: readonly { readonly seq: number; readonly message: string }[];
}
