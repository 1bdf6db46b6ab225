import { changedField, changeSource, valuesText } from '../entry/change-text.js';
import { Dialog } from '../ui/Dialog.js';
import { formatDateTime } from '../ui/format.js';
import type { RevertConflict } from './use-revert.js';

interface Props {
  /** What the user asked for: "Undo", "Redo" or "Revert". */
  readonly action: string;
  /** The change it would take back. */
  readonly what: string;
  readonly conflict: RevertConflict;
  readonly busy: boolean;
  readonly onForce: () => void;
  readonly onKeep: () => void;
}

/**
 * An undo, redo or revert would put back a part someone changed again since: say who, when and
 * what they made it, and let the user choose. Nothing is overwritten unasked.
 */
export function RevertConflictDialog({ action, what, conflict, busy, onForce, onKeep }: Props) {
  const later = conflict.current.change;
  return (
    <Dialog
      title={`${action} would overwrite a later change`}
      testId="revert-conflict"
      onClose={onKeep}
      footer={
        <>
          <button type="button" className="button" disabled={busy} onClick={onKeep}>
            Keep it as it is
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={onForce}>
            {action} anyway
          </button>
        </>
      }
    >
      <p>
        {action} of <strong>{what}</strong>:{' '}
        {later ? (
          <span data-testid="revert-conflict-change">
            <strong>{later.who}</strong> changed <strong>{changedField(later)}</strong> again at {formatDateTime(later.at)} (from {changeSource(later)}).
          </span>
        ) : (
          'the entry was changed again since.'
        )}
      </p>
      {later && (
        <div className="conflict-columns">
          <section aria-label="Before their change">
            <h3>Before their change</h3>
            <p className="conflict-value">{valuesText(later.was)}</p>
          </section>
          <section aria-label="Their change" data-testid="revert-conflict-theirs">
            <h3>{later.who}&apos;s change</h3>
            <p className="conflict-value">{valuesText(later.now)}</p>
          </section>
        </div>
      )}
      <p className="muted small">{action} anyway puts back what this part was before, and their change to it is lost (it stays in the entry&apos;s history).</p>
    </Dialog>
  );
}
