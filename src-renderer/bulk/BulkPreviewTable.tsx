import type { BulkPreview } from '../api/contract.js';
import { formatCount } from '../ui/format.js';

const show = (values: readonly string[]) => (values.length === 0 ? <span className="muted">(none)</span> : values.join(' · '));

/** The first entries before and after, and how many the run will touch. */
export function BulkPreviewTable({ preview }: { preview: BulkPreview }) {
  const total = preview.operation.total;
  const shownChanging = preview.rows.filter((r) => r.before.join('\u0001') !== r.after.join('\u0001')).length;
  return (
    <div className="bulk-preview">
      <p data-testid="bulk-changing" data-changing={preview.changing}>
        Applies to <strong data-testid="bulk-total">{formatCount(total, 'entry', 'entries')}</strong>.{' '}
        {preview.changing === 0 ? (
          <strong>Nothing would change: this edit leaves every one as it is. Change the edit, or close.</strong>
        ) : (
          <>
            <strong>{preview.changing === total ? 'Every one changes' : `${preview.changing} change`}</strong>
            {preview.changing < total ? `; the other ${total - preview.changing} stay as they are` : ''}.{' '}
            {shownChanging === preview.rows.length ? `The first ${shownChanging}:` : `The ${shownChanging} that change first, then some that stay:`}
          </>
        )}
      </p>
      <div className="table-box">
        <table className="list-table compact" aria-label="Before and after">
          <thead>
            <tr>
              <th scope="col">Headword</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.guid} data-testid="bulk-preview-row" data-guid={row.guid} data-headword={row.headword} className={row.before.join() === row.after.join() ? 'unchanged' : undefined}>
                <td className="headword">{row.headword}</td>
                <td className="before">{show(row.before)}</td>
                <td className="after">{show(row.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
