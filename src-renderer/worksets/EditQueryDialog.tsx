import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { RefreshResult, WorksetSummary } from '../api/contract.js';
import { useWorksetActions } from '../hooks/use-workset-actions.js';
import { fromQuery, toQuery } from '../query-builder/draft.js';
import { QueryFields } from '../query-builder/QueryFields.js';
import { useQueryDraft } from '../query-builder/use-query-draft.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatCount } from '../ui/format.js';

interface Props {
  readonly workset: WorksetSummary;
  readonly onClose: () => void;
  readonly onChanged: (result: RefreshResult) => void;
}

/**
 * Changes an existing workset's query, starting from the one it has; saving re-runs it, and the
 * work done on entries that still match stays with them.
 */
export function EditQueryDialog({ workset, onClose, onChanged }: Props) {
  const { setQuery } = useWorksetActions();
  const state = useQueryDraft(workset.dictionary, workset.query);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  // Both through the draft, so key order cannot tell them apart.
  const unchanged = JSON.stringify(state.query) === JSON.stringify(toQuery(fromQuery(workset.query)));
  const canSave = state.ready && !busy && !unchanged;

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await setQuery(workset.id, state.query));
    } catch (e) {
      setError(asApiCallError('worksets.setQuery', e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Edit the query of “${workset.name}”`}
      wide
      onClose={onClose}
      testId="edit-query-dialog"
      footer={
        <>
          {unchanged && <span className="muted small">Change a condition to re-run the workset with it.</span>}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="edit-query-form" className="button primary" disabled={!canSave}>
            {busy ? 'Re-running…' : 'Save and re-run'}
          </button>
        </>
      }
    >
      <form
        id="edit-query-form"
        className="new-workset"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSave) void submit();
        }}
      >
        <p className="muted small" data-testid="edit-query-keeps">
          The {formatCount(workset.counts.total, 'entry', 'entries')} now in the workset that still match keep their status, favourite, notes and
          assignment; new matches come in as pending; entries that no longer match leave the work list with theirs.
        </p>
        <QueryFields state={state} />
      </form>
      {error && <ErrorMessage what="Could not change the query:" error={error} />}
    </Dialog>
  );
}

/** What a re-run did, in a sentence. */
export function describeRerun(result: RefreshResult): string {
  const parts = [result.added > 0 && `${formatCount(result.added, 'new match', 'new matches')} added`, result.removed > 0 && `${formatCount(result.removed, 'entry', 'entries')} no longer matching left`].filter(Boolean);
  return `The workset now holds ${formatCount(result.total, 'entry', 'entries')}${parts.length > 0 ? `: ${parts.join(', ')}` : ', as before'}.`;
}
