import { useState, type ReactNode } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

/** "Are you sure?" for destructive actions; the action's failure stays in the dialog. */
export function ConfirmDialog(props: { title: string; confirm: string; children: ReactNode; onConfirm: () => Promise<unknown>; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (e) {
      setError(asApiCallError('worksets.delete', e));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="button" onClick={props.onClose} autoFocus>
            Cancel
          </button>
          <button type="button" className="button danger" disabled={busy} onClick={() => void confirm()}>
            {props.confirm}
          </button>
        </>
      }
    >
      {props.children}
      {error && <ErrorMessage what="That did not work:" error={error} />}
    </Dialog>
  );
}
