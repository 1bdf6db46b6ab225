import { useMemo, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { useVocabulary } from '../hooks/use-data.js';
import { useQueryValidation } from '../hooks/use-query-validation.js';
import { useWorksetActions } from '../hooks/use-workset-actions.js';
import { newDraft, toQuery, type DraftQuery } from '../query-builder/draft.js';
import { QueryBuilder } from '../query-builder/QueryBuilder.js';
import { QueryPreview } from '../query-builder/QueryPreview.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

interface Props {
  readonly dictionary: string;
  readonly onClose: () => void;
  readonly onCreated: (id: number) => void;
}

/** Name a workset and build its query, watching the count and the first matches as you type. */
export function NewWorksetDialog({ dictionary, onClose, onCreated }: Props) {
  const vocabulary = useVocabulary(dictionary);
  const { create } = useWorksetActions();
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<DraftQuery>(newDraft);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const query = useMemo(() => toQuery(draft), [draft]);
  const { validation, error: validationError, pending } = useQueryValidation(dictionary, query);
  const canCreate = name.trim() !== '' && !busy && validation?.ok === true && !pending;

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
        {vocabulary.error && <ErrorMessage what="Could not load the writing systems and ranges:" error={vocabulary.error} onRetry={vocabulary.refetch} />}
        <div className="new-workset-columns">
          <QueryBuilder draft={draft} onChange={setDraft} issues={validation?.issues ?? []} vocabulary={vocabulary.data} />
          <QueryPreview validation={validation} error={validationError} pending={pending} />
        </div>
      </form>
      {error && <ErrorMessage what="Could not create the workset:" error={error} />}
    </Dialog>
  );
}
