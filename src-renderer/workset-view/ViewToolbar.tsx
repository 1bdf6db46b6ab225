import type { Status } from '../api/contract.js';
import { STATUSES } from '../api/contract.js';
import type { RowsView } from '../hooks/use-workset-rows.js';
import { formatCount } from '../ui/format.js';

interface Props {
  readonly view: RowsView;
  readonly onChange: (view: RowsView) => void;
  readonly total: number | null;
  readonly loading: boolean;
  /** The person's name this app records changes under: "my entries" are the ones assigned to it. */
  readonly who: string | null;
  /** "Mark and move on": D, R or P (or the status buttons) go to the next entry after marking. */
  readonly moveOn: boolean;
  readonly onMoveOn: (on: boolean) => void;
  readonly onHelp: () => void;
  readonly onColumns: () => void;
}

/** Which rows the list shows: by status, favourites only; and how many that is. */
export function ViewToolbar({ view, onChange, total, loading, who, moveOn, onMoveOn, onHelp, onColumns }: Props) {
  const status = view.status?.[0] ?? '';
  return (
    <div className="toolbar" role="toolbar" aria-label="Filter entries">
      <label>
        Status
        <select
          aria-label="Status filter"
          value={status}
          onChange={(event) => onChange({ ...view, status: event.target.value ? [event.target.value as Status] : undefined })}
        >
          <option value="">all</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={view.favourite === true} onChange={(event) => onChange({ ...view, favourite: event.target.checked ? true : undefined })} />
        Favourites only
      </label>
      {who && (
        <label className="checkbox" title={`The entries assigned to ${who}`}>
          <input type="checkbox" checked={view.assignedTo !== undefined} onChange={(event) => onChange({ ...view, assignedTo: event.target.checked ? who : undefined })} />
          My entries
        </label>
      )}
      <label className="checkbox" title="After D, R or P, open the next entry">
        <input type="checkbox" checked={moveOn} onChange={(event) => onMoveOn(event.target.checked)} />
        Mark and move on
      </label>
      <button type="button" className="button small" onClick={onColumns} title="Choose the columns and the writing system of each">
        Columns…
      </button>
      <span className="toolbar-count muted" data-testid="view-count" aria-live="polite">
        {total === null ? 'Loading…' : formatCount(total, 'entry', 'entries')}
        {loading && total !== null ? ' · updating' : ''}
      </span>
      <span className="toolbar-hint muted small">
        <span aria-hidden="true">
          <kbd>↑</kbd>
          <kbd>↓</kbd> move · <kbd>D</kbd> done · <kbd>R</kbd> review · <kbd>P</kbd> pending · <kbd>F</kbd> favourite ·{' '}
        </span>
        <button type="button" className="link-button" onClick={onHelp}>
          <kbd>?</kbd> all shortcuts
        </button>
      </span>
    </div>
  );
}
