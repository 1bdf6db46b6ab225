import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { useWorksetActions } from '../hooks/use-workset-actions.js';
import { QueryFields } from '../query-builder/QueryFields.js';
import { useQueryDraft } from '../query-builder/use-query-draft.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

interface Props {
  readonly dictionary: string;
  readonly onClose: () => void;
  readonly onCreated: (id: number) => void;
}

/** Name a workset and build its query, watching the count and the first matches as you type. */
export function NewWorksetDialog({ dictionary, onClose, onCreated }: Props) {
  const { create } = useWorksetActions();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const state = useQueryDraft(dictionary);
  const { query } = state;
  const canCreate = name.trim() !== '' && !busy && state.ready;

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const created = await create(dictionary, name.trim(), query);
      onCreated(created.id);
    } catch (e) {
      setError(asApiCallError('worksets.create', e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New workset"
      wide
      onClose={onClose}
      testId="new-workset-dialog"
      footer={
        <>
          {!name.trim() && <span className="muted small">Give the workset a name to create it.</span>}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="new-workset-form" className="button primary" disabled={!canCreate}>
            {busy ? 'Creating…' : 'Create workset'}
          </button>
        </>
      }
    >
      <form
        id="new-workset-form"
        className="new-workset"
        onSubmit={(event) => {
          event.preventDefault();
          if (canCreate) void submit();
        }}
      >
        <label className="field">
          <span>Name</span>
          <input autoFocus value={name} maxLength={200} placeholder="e.g. Nouns without an English definition" onChange={(event) => setName(event.target.value)} />
        </label>
        <QueryFields state={state} />
      </form>
      {error && <ErrorMessage what="Could not create the workset:" error={error} />}
    </Dialog>
  );
}
