import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { QueryFields } from '../query-builder/QueryFields.js';
import { useQueryDraft } from '../query-builder/use-query-draft.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useCheckActions } from './use-check-actions.js';

interface Props {
  readonly dictionary: string;
  readonly onClose: () => void;
}

/** A check of your own: a name and a query, built as a workset's is; the entries it matches are its findings. */
export function NewCheckDialog({ dictionary, onClose }: Props) {
  const { addRule } = useCheckActions(dictionary);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const state = useQueryDraft(dictionary);
  const canSave = name.trim() !== '' && !busy && state.ready;

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await addRule(name.trim(), state.query);
      onClose();
    } catch (e) {
      setError(asApiCallError('checks.addRule', e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New check"
      wide
      onClose={onClose}
      testId="new-check-dialog"
      footer={
        <>
          {!name.trim() && <span className="muted small">Give the check a name to save it.</span>}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="new-check-form" className="button primary" disabled={!canSave}>
            {busy ? 'Saving…' : 'Save check'}
          </button>
        </>
      }
    >
      <form
        id="new-check-form"
        className="new-workset"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSave) void submit();
        }}
      >
        <label className="field">
          <span>Name</span>
          <input autoFocus value={name} maxLength={200} placeholder="e.g. Verbs without an example" onChange={(event) => setName(event.target.value)} />
        </label>
        <QueryFields state={state} />
      </form>
      {error && <ErrorMessage what="Could not save the check:" error={error} />}
    </Dialog>
  );
}
