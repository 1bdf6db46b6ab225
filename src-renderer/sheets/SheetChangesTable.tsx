import type { SheetCellChange, SheetStaleRow } from '../api/contract.js';

const show = (value: string) => (value === '' ? <span className="muted">(empty)</span> : value);

/** What an import changes (or changed), one cell a row: the entry, the column, before and after. */
export function SheetChangesTable({ changes, label }: { changes: readonly SheetCellChange[]; label: string }) {
  return (
    <div className="table-box">
      <table className="list-table compact" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">Column</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={`${c.guid} ${c.column}`} data-testid="sheet-change" data-guid={c.guid} data-column={c.column}>
              <td className="headword">{c.headword || c.guid}</td>
              <td>{c.column}</td>
              <td className="before">{show(c.before)}</td>
              <td className="after">{show(c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rows not applied: their entry changed since the export (or between the preview and the import). */
export function SheetStaleList({ stale }: { stale: readonly SheetStaleRow[] }) {
  if (stale.length === 0) return null;
  return (
    <div className="notice warning" data-testid="sheet-stale-list">
      <p>
        <strong>
          {stale.length === 1 ? '1 row is' : `${stale.length} rows are`} not applied: {stale.length === 1 ? 'its entry' : 'their entries'} changed since the export. Export
          again and redo {stale.length === 1 ? 'that edit' : 'those edits'} on the entries as they are now.
        </strong>
      </p>
      <ul>
        {stale.map((row) => (
          <li key={row.guid} data-testid="sheet-stale" data-guid={row.guid}>
            {row.headword || row.guid}: {row.reason} ({row.cells.map((c) => c.column).join(', ')})
          </li>
        ))}
      </ul>
    </div>
  );
}
