import { useState } from 'react';
import type { ChangeRecord } from '../api/contract.js';
import { useEntryHistory } from '../hooks/use-data.js';
import { RevertConflictDialog } from '../undo/RevertConflictDialog.js';
import { useUndoStack } from '../undo/use-undo.js';
import { useRevert, type RevertConflict } from '../undo/use-revert.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/format.js';
import { Loading } from '../ui/Loading.js';
import { changedField, changeKind, changeSource, valuesText } from './change-text.js';

interface Props {
  readonly dictionary: string;
  readonly guid: string;
}

/**
 * The entry's history from the change log: who changed what, when, from where and in which bulk
 * operation, with the field's values before and after each change, and "Revert" on any of them
 * (field-level: later changes elsewhere stay; a later change to the same part is asked about).
 * A revert made here is undoable like an edit. Read only while the panel is open.
 */
export function HistoryPanel({ dictionary, guid }: Props) {
  const [open, setOpen] = useState(false);
  const history = useEntryHistory(dictionary, guid, open);
  const { revert, busy, error } = useRevert();
  const stack = useUndoStack();
  const [asking, setAsking] = useState<{ change: ChangeRecord; conflict: RevertConflict } | null>(null);

  const revertChange = async (change: ChangeRecord, force = false): Promise<void> => {
    const outcome = await revert(dictionary, change.seq, force);
    if (outcome && 'conflict' in outcome) {
      setAsking({ change, conflict: outcome.conflict });
      return;
    }
    setAsking(null);
    if (outcome?.saved.change !== undefined) stack.record({ dictionary, guid, seq: outcome.saved.change, label: `the revert of change ${change.seq}` });
  };

  return (
    <details className="entry-history" data-testid="entry-history" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>History</summary>
      {history.error && <ErrorMessage what="Could not read the history:" error={history.error} onRetry={history.refetch} />}
      {!history.data && history.loading && <Loading what="Reading the history" />}
      {history.data?.length === 0 && <p className="muted small">No changes recorded since this dictionary was imported.</p>}
      {error && <ErrorMessage what="Could not revert that change:" error={error} />}
      <ol className="history-list">
        {history.data?.map((change) => (
          <li key={change.seq} data-testid="history-change" data-seq={change.seq}>
            <div className="history-line">
              <span className="history-seq">#{change.seq}</span> <strong>{change.who}</strong> · {formatDateTime(change.at)} · {changeKind(change)} of {changedField(change)}{' '}
              <span className="muted small">from {changeSource(change)}</span>
            </div>
            {change.field && (
              <div className="history-diff" data-testid="history-diff">
                <del>{valuesText(change.was)}</del> → <ins>{valuesText(change.now)}</ins>
              </div>
            )}
            <button type="button" className="link-button small" data-testid="revert-change" disabled={busy} onClick={() => void revertChange(change)}>
              Revert this change
            </button>
          </li>
        ))}
      </ol>
      {asking && (
        <RevertConflictDialog
          action="Revert"
          what={`change ${asking.change.seq} (${changedField(asking.change)})`}
          conflict={asking.conflict}
          busy={busy}
          onForce={() => void revertChange(asking.change, true)}
          onKeep={() => setAsking(null)}
        />
      )}
    </details>
  );
}
