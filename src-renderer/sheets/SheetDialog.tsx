import { useState } from 'react';
import type { SheetFormat } from '../api/contract.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatCount } from '../ui/format.js';
import { SheetChangesTable, SheetStaleList } from './SheetChangesTable.js';
import { useSheet } from './use-sheet.js';

const DEFAULT_COLUMNS = 'headword, gloss, definition, pos, status, favourite, notes';

/**
 * A workset as a spreadsheet: export it (CSV or XLSX, the columns chosen), and import an edited
 * one: previewed like a bulk edit (each cell that changes, per entry), applied, undone at once.
 */
export function SheetDialog({ worksetId, worksetName, onClose }: { worksetId: number; worksetName: string; onClose: () => void }) {
  const sheet = useSheet(worksetId);
  const [format, setFormat] = useState<SheetFormat>('xlsx');
  const [columns, setColumns] = useState(DEFAULT_COLUMNS);
  const { state } = sheet;
  const busy = state.phase === 'reading' || state.phase === 'applying' || state.phase === 'undoing';
  const preview = state.phase === 'previewed' || state.phase === 'applying' ? state.preview : undefined;
  return (
    <Dialog title={`Spreadsheet: ${worksetName}`} onClose={onClose} wide testId="sheet-dialog">
      <section aria-label="Export">
        <h3>Export</h3>
        <p className="small muted">One row per entry, with its guid and version: edit the cells, then import the file here to apply what you changed.</p>
        <fieldset className="field">
          <legend>Format</legend>
          {(['xlsx', 'csv'] as const).map((f) => (
            <label key={f} className="checkbox">
              <input type="radio" name="sheet-format" checked={format === f} onChange={() => setFormat(f)} /> {f === 'xlsx' ? 'Excel (.xlsx)' : 'CSV (.csv)'}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Columns (headword, gloss and definition without “:en” give one column per writing system)</span>
          <input aria-label="Columns" value={columns} maxLength={2000} onChange={(event) => setColumns(event.target.value)} />
        </label>
        <button type="button" className="button primary" disabled={sheet.exporting} onClick={() => void sheet.exportAs(format, columns.split(',').map((c) => c.trim()).filter((c) => c !== ''))}>
          {sheet.exporting ? 'Exporting…' : 'Export'}
        </button>
        {sheet.exported && (
          <p role="status" data-testid="sheet-exported">
            Exported {formatCount(sheet.exported.rows, 'entry', 'entries')} ({sheet.exported.columns.length} columns)
            {sheet.exported.download ? ': the download has started.' : ` to ${sheet.exported.file}`}
          </p>
        )}
      </section>
      <section aria-label="Import edits">
        <h3>Import edits</h3>
        <label className="field">
          <span>An edited sheet of this workset (.xlsx or .csv): you see what changes before anything is written</span>
          <input
            type="file"
            aria-label="Spreadsheet to import"
            accept=".xlsx,.csv"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void sheet.preview(file);
              event.target.value = '';
            }}
          />
        </label>
        {state.phase === 'reading' && <p role="status">Reading the sheet…</p>}
        {preview && (
          <div data-testid="sheet-preview">
            <p role="status" data-testid="sheet-preview-summary">
              {preview.changes.length === 0 ? 'Nothing to apply: ' : `${formatCount(preview.changes.length, 'cell', 'cells')} ${preview.changes.length === 1 ? 'changes' : 'change'} in ${formatCount(new Set(preview.changes.map((c) => c.guid)).size, 'entry', 'entries')}; `}
              {preview.unchanged} of {preview.rows} rows unchanged.
            </p>
            {preview.changes.length > 0 && <SheetChangesTable changes={preview.changes} label="What the import changes" />}
            <SheetStaleList stale={preview.stale} />
            <button type="button" className="button primary" disabled={busy || preview.changes.length === 0} onClick={() => void sheet.apply()}>
              {state.phase === 'applying' ? 'Applying…' : `Apply ${formatCount(preview.changes.length, 'change', 'changes')}`}
            </button>
          </div>
        )}
        {state.phase === 'applied' && (
          <div data-testid="sheet-applied">
            <p role="status" data-testid="sheet-applied-summary">
              Applied {formatCount(state.outcome.changes.length, 'change', 'changes')}
              {state.outcome.stale.length > 0 ? `; ${state.outcome.stale.length} rows not applied` : ''}.
            </p>
            <SheetStaleList stale={state.outcome.stale} />
            {state.outcome.records.length > 0 && (
              <button type="button" className="button" onClick={() => void sheet.undo()}>
                Undo this import
              </button>
            )}
          </div>
        )}
        {state.phase === 'undoing' && <p role="status">Undoing the import…</p>}
        {state.phase === 'undone' && (
          <p role="status" data-testid="sheet-undone">
            Undone: {formatCount(state.undone.reverted.length, 'change', 'changes')} put back
            {state.undone.conflicts.length > 0 ? `; ${state.undone.conflicts.length} kept, changed again since: ${state.undone.conflicts.map((c) => c.message).join('; ')}` : ''}.
          </p>
        )}
      </section>
      {sheet.error && <ErrorMessage what="That did not work:" error={sheet.error} />}
    </Dialog>
  );
}
