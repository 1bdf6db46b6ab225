import { useState } from 'react';
import { useVocabulary } from '../hooks/use-data.js';
import { RESUMABLE_STATES, UNDOABLE_STATES } from '../api/contract.js';
import { useBulkOperation, type BulkPhase } from '../hooks/use-bulk-operation.js';
import type { ApiCallError } from '../api/api-error.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { describeEdit, draftProblem, emptyDraft, toEdit, type BulkDraft } from './bulk-draft.js';
import { BulkForm } from './BulkForm.js';
import { BulkOutcomeView } from './BulkOutcomeView.js';
import { BulkPreviewTable } from './BulkPreviewTable.js';
import { BulkPausedView } from './BulkPausedView.js';
import { BulkStoppedView } from './BulkStoppedView.js';

interface Props {
  readonly worksetId: number;
  readonly worksetName: string;
  readonly dictionary: string;
  readonly total: number;
  /** The rows selected in the work list: offered as what the edit covers (and the default) when there are any. */
  readonly selected: readonly string[];
  readonly onClose: () => void;
}

/**
 * Change one field of every entry in the workset, or of the rows selected in it: choose, preview before/after, run with a
 * progress bar, Pause/Resume and Cancel, then Undo. A paused run writes nothing until resumed;
 * closing the dialog leaves it paused, under "Unfinished bulk edits" in the workset. The dialog stays open while something runs, so a run is
 * never left without its Cancel. A run that fails shows its error and what the journal says it
 * did, with only what is still possible: undo of the part written, resume, close.
 */
export function BulkDialog({ worksetId, worksetName, dictionary, total, selected, onClose }: Props) {
  const vocabulary = useVocabulary(dictionary);
  const bulk = useBulkOperation(worksetId);
  const [draft, setDraft] = useState<BulkDraft>(() => ({ ...emptyDraft, scope: selected.length > 0 ? 'selected' : 'workset' }));
  const { state, progress } = bulk;
  const busy = state.phase === 'previewing' || state.phase === 'running' || state.phase === 'undoing';
  const problem = draftProblem(draft);
  const close = (): void => {
    if (busy) return;
    if (state.phase === 'previewed') void bulk.edit();
    onClose();
  };

  const footer = (() => {
    switch (state.phase) {
      case 'editing':
      case 'previewing':
        return (
          <>
            {problem && <span className="muted small">{problem}</span>}
            <button type="button" className="button" onClick={close} disabled={busy}>
              Close
            </button>
            <button type="button" className="button primary" disabled={problem !== null || busy} onClick={() => void bulk.preview(toEdit(draft), draft.scope === 'selected' ? selected : undefined)}>
              {state.phase === 'previewing' ? 'Preparing preview…' : 'Preview'}
            </button>
          </>
        );
      case 'previewed':
        return (
          <>
            <button type="button" className="button" onClick={() => void bulk.edit()}>
              Back
            </button>
            <button type="button" className="button primary" disabled={state.preview.changing === 0} onClick={() => void bulk.run(state.preview)}>
              {state.preview.changing === 0 ? 'Nothing to run' : `Run on ${state.preview.changing} ${state.preview.changing === 1 ? 'entry' : 'entries'}`}
            </button>
          </>
        );
      case 'running':
        return (
          <>
            <button type="button" className="button" disabled={state.stopping !== null} onClick={() => void bulk.pause(state)}>
              {state.stopping === 'pause' ? 'Pausing…' : 'Pause'}
            </button>
            <button type="button" className="button danger" disabled={state.stopping !== null} onClick={() => void bulk.cancel(state)}>
              {state.stopping === 'cancel' ? 'Cancelling…' : 'Cancel'}
            </button>
          </>
        );
      case 'paused': {
        const op = state.outcome.operation;
        return (
          <>
            <button type="button" className="button danger" onClick={() => void bulk.cancelPaused(state.outcome)}>
              Stop here
            </button>
            {op.changed > 0 && (
              <button type="button" className="button" onClick={() => void bulk.undo(op, state.outcome)}>
                Undo the {op.changed} changed
              </button>
            )}
            <button type="button" className="button" onClick={close}>
              Close
            </button>
            <button type="button" className="button primary" onClick={() => void bulk.resume(op)}>
              Resume ({op.total - op.changed - op.skipped} left)
            </button>
          </>
        );
      }
      case 'stopped': {
        // Only what the operation's state allows: never a Run the app would refuse.
        const op = state.operation;
        return (
          <>
            {op === null || op.state === 'running' ? (
              <button type="button" className="button" onClick={() => void bulk.check(state.operationId)}>
                Check again
              </button>
            ) : null}
            {op && RESUMABLE_STATES.has(op.state) && (
              <button type="button" className="button" onClick={() => void bulk.resume(op)}>
                Resume ({op.total - op.changed - op.skipped} left)
              </button>
            )}
            {op && UNDOABLE_STATES.has(op.state) && op.changed > 0 && (
              <button type="button" className="button" onClick={() => void bulk.undo(op)}>
                Undo the {op.changed} changed
              </button>
            )}
            <button type="button" className="button primary" onClick={close}>
              Close
            </button>
          </>
        );
      }
      case 'finished':
      case 'undoing':
        return (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => {
                if (state.phase === 'finished') void bulk.undo(state.outcome.operation, state.outcome);
              }}
            >
              {state.phase === 'undoing' ? 'Undoing…' : 'Undo'}
            </button>
            <button type="button" className="button primary" disabled={busy} onClick={close}>
              Close
            </button>
          </>
        );
      case 'undone':
        return (
          <button type="button" className="button primary" onClick={close}>
            Close
          </button>
        );
    }
  })();

  const operation = 'operation' in state ? state.operation : 'preview' in state ? state.preview.operation : 'outcome' in state ? state.outcome.operation : null;
  return (
    <Dialog title={`Bulk edit — ${worksetName}`} wide onClose={close} testId="bulk-dialog" footer={footer}>
      {(state.phase === 'editing' || state.phase === 'previewing') && (
        <>
          <p className="muted">
            Changes one field in {draft.scope === 'selected' ? `the ${selected.length} selected entries` : `all ${total} entries`} of this workset. You will see a preview first, and can undo the whole run.
          </p>
          <BulkForm draft={draft} onChange={setDraft} vocabulary={vocabulary.data} selected={selected.length} total={total} />
        </>
      )}
      {operation && (
        <p className="bulk-summary">
          <strong>{describeEdit(operation.op)}</strong>
        </p>
      )}
      {busy && (
        <div className="task" data-testid="bulk-progress" data-requested={state.phase === 'running' ? (state.operation.requested ?? '') : ''}>
          <div className="task-label">
            {state.phase === 'previewing'
              ? 'Recording every entry before the change'
              : state.phase === 'undoing'
                ? 'Undoing'
                : state.stopping === 'pause'
                  ? 'Pausing after this batch'
                  : 'Applying'}
            {progress ? ` — ${progress.done} of ${progress.total}` : '…'}
          </div>
          <ProgressBar value={progress?.done ?? 0} max={progress?.total ?? 1} label="Bulk edit progress" />
        </div>
      )}
      {state.phase === 'previewed' && <BulkPreviewTable preview={state.preview} />}
      {state.phase === 'running' && state.preview && <BulkPreviewTable preview={state.preview} />}
      {state.phase === 'paused' && <BulkPausedView outcome={state.outcome} />}
      {state.phase === 'finished' && <BulkOutcomeView outcome={state.outcome} />}
      {state.phase === 'undoing' && state.outcome && <BulkOutcomeView outcome={state.outcome} />}
      {state.phase === 'stopped' && <BulkStoppedView operation={state.operation} />}
      {state.phase === 'undone' && <BulkOutcomeView outcome={state.outcome} undone />}
      {bulk.error && <ErrorMessage what={errorHeading(state, bulk.error)} error={bulk.error} />}
    </Dialog>
  );
}

/**
 * What a failed call did, by which call it was and where it left the dialog: refused before any
 * entry was written (back at the form or the preview) is not a run that stopped.
 */
function errorHeading(state: BulkPhase, error: ApiCallError): string {
  if (state.phase === 'editing' || state.phase === 'previewed') return 'The bulk edit did not start, nothing was changed:';
  if (error.channel === 'bulk.undo') return 'The undo stopped:';
  if (error.channel === 'bulk.pause' || error.channel === 'bulk.cancel') return `The ${error.channel === 'bulk.pause' ? 'pause' : 'cancel'} was not taken:`;
  return 'The bulk edit stopped:';
}
