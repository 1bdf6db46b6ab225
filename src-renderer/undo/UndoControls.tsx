import { ErrorMessage } from '../ui/ErrorMessage.js';
import { RevertConflictDialog } from './RevertConflictDialog.js';
import { useUndo } from './use-undo.js';
import { useUndoKeys } from './use-undo-keys.js';

/** Undo and Redo of this window's own changes: buttons naming the step, the shortcuts, and the dialog when a step would overwrite a later change. */
export function UndoControls({ enabled }: { enabled: boolean }) {
  const steps = useUndo();
  useUndoKeys(steps, enabled);
  const nextUndo = steps.state.undo.at(-1);
  const nextRedo = steps.state.redo.at(-1);
  return (
    <div className="undo-controls">
      <button type="button" className="button" data-testid="undo" disabled={!nextUndo || steps.busy} onClick={steps.undo} title={nextUndo ? `Undo ${nextUndo.label} (Ctrl+Z)` : 'Nothing to undo'}>
        Undo
      </button>
      <button type="button" className="button" data-testid="redo" disabled={!nextRedo || steps.busy} onClick={steps.redo} title={nextRedo ? `Redo ${nextRedo.label} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
        Redo
      </button>
      {steps.error && <ErrorMessage what="Could not undo that:" error={steps.error} />}
      {steps.pending && (
        <RevertConflictDialog
          action={steps.pending.direction === 'undo' ? 'Undo' : 'Redo'}
          what={steps.pending.item.label}
          conflict={steps.pending.conflict}
          busy={steps.busy}
          onForce={steps.force}
          onKeep={steps.keep}
        />
      )}
    </div>
  );
}
