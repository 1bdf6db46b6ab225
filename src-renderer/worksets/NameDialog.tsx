import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

interface Props {
  readonly title: string;
  readonly initial: string;
  /** What the refusal's heading says ("Could not rename:"). */
  readonly failure?: string;
  readonly onSubmit: (name: string) => Promise<unknown>;
  readonly onClose: () => void;
}

/** Asks for a workset's name (renaming one, or naming a copy); the app's refusal (a name taken) shows in place. */
export function NameDialog({ title, initial, failure = 'Could not rename:', onSubmit, onClose }: Props) {
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (e) {
      setError(asApiCallError('worksets.rename', e));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="name-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="name-form" className="button primary" disabled={busy || name.trim() === ''}>
            Save
          </button>
        </>
      }
    >
      <form
        id="name-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>Name</span>
          <input autoFocus value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        </label>
      </form>
      {error && <ErrorMessage what={failure} error={error} />}
    </Dialog>
  );
}
