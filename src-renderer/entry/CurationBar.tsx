import type { Status, WorksetEntry } from '../api/contract.js';
import { STATUSES } from '../api/contract.js';

const KEYS: Record<Status, string> = { pending: 'P', done: 'D', review: 'R' };

/** Status and favourite of the open entry in this workset, with their keys. */
export function CurationBar({ entry, busy, onStatus, onFavourite }: { entry: WorksetEntry; busy: boolean; onStatus: (status: Status) => void; onFavourite: () => void }) {
  return (
    <div className="curation-bar" data-testid="curation-bar" data-status={entry.status} data-favourite={entry.favourite}>
      <div className="segmented" role="group" aria-label="Status">
        {STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`segment status-${status}${entry.status === status ? ' active' : ''}`}
            aria-pressed={entry.status === status}
            disabled={busy}
            title={`Mark ${status} (${KEYS[status]})`}
            onClick={() => onStatus(status)}
          >
            {status[0].toUpperCase() + status.slice(1)}
            <kbd>{KEYS[status]}</kbd>
          </button>
        ))}
      </div>
      <button type="button" className={entry.favourite ? 'button fav on' : 'button fav'} aria-pressed={entry.favourite} disabled={busy} title="Favourite (F)" onClick={onFavourite}>
        {entry.favourite ? '★' : '☆'} Favourite <kbd>F</kbd>
      </button>
      {entry.assignedTo && (
        <span className="muted small" data-testid="assigned-to">
          Assigned to {entry.assignedTo}
        </span>
      )}
    </div>
  );
}
