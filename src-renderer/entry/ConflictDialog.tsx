import type { EntryDetail } from '../api/contract.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/format.js';
import { parseEntry } from './entry-document.js';
import { describeField, readField, type FieldRef } from './field-ref.js';

interface Props {
  readonly field: FieldRef;
  readonly mine: string;
  readonly current: EntryDetail;
  readonly busy: boolean;
  readonly error: Error | null;
  readonly onKeepMine: () => void;
  readonly onTakeCurrent: () => void;
}

/**
 * Someone saved this entry after you opened it. Both versions of the field side by side; keep
 * yours (saved over the current version) or take theirs. Nothing is overwritten unasked.
 */
export function ConflictDialog({ field, mine, current, busy, error, onKeepMine, onTakeCurrent }: Props) {
  const theirs = readField(parseEntry(current.xml), field);
  return (
    <Dialog
      title="This entry was changed elsewhere"
      testId="conflict-dialog"
      onClose={onTakeCurrent}
      footer={
        <>
          <button type="button" className="button" disabled={busy} onClick={onTakeCurrent}>
            Take current version
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={onKeepMine}>
            Keep my version
          </button>
        </>
      }
    >
      <p>
        Another window saved <strong>{describeField(field)}</strong>
        {current.view.dateModified ? ` (modified ${formatDateTime(current.view.dateModified)})` : ''} while you were editing.
      </p>
      <div className="conflict-columns">
        <section aria-label="Your version" data-testid="conflict-mine">
          <h3>Your version</h3>
          <p className="conflict-value">{mine.trim() || <span className="muted">(empty)</span>}</p>
        </section>
        <section aria-label="Current version" data-testid="conflict-current">
          <h3>Current version</h3>
          <p className="conflict-value">{theirs || <span className="muted">(empty)</span>}</p>
        </section>
      </div>
      {error && <ErrorMessage what="Saving your version failed:" error={error} />}
    </Dialog>
  );
}
