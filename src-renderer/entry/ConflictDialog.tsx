import type { EntryConflict } from '../api/contract.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/format.js';
import { parseEntry } from './entry-document.js';
import { describeField, readField, type FieldRef } from './field-ref.js';

interface Props {
  readonly field: FieldRef;
  readonly mine: string;
  readonly current: EntryConflict;
  readonly busy: boolean;
  readonly error: Error | null;
  readonly onKeepMine: () => void;
  readonly onTakeCurrent: () => void;
}

/**
 * Someone changed this field after you opened the entry (a change to another field would have
 * merged). Who and when, what the field was, their value and yours; keep yours (saved over the
 * current version) or take theirs. Nothing is overwritten unasked.
 */
export function ConflictDialog({ field, mine, current, busy, error, onKeepMine, onTakeCurrent }: Props) {
  const theirs = readField(parseEntry(current.xml), field);
  const { change } = current;
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
      {change ? (
        <p data-testid="conflict-change">
          <strong>{change.who}</strong> {change.op === 'undo' ? 'undid a bulk operation that changed' : 'changed'}{' '}
          <strong>{describeField(field)}</strong> at {formatDateTime(change.at)} (from {change.window === 'cli' ? 'the command line' : 'another window'} on{' '}
          {change.host}) while you were editing.
        </p>
      ) : (
        <p>
          This entry was changed elsewhere
          {current.view.dateModified ? ` (modified ${formatDateTime(current.view.dateModified)})` : ''} while you were editing{' '}
          <strong>{describeField(field)}</strong>.
        </p>
      )}
      <div className="conflict-columns">
        {change && (
          <section aria-label="Before either change" data-testid="conflict-started">
            <h3>Before either change</h3>
            <p className="conflict-value">{change.was.join(' · ') || <span className="muted">(empty)</span>}</p>
          </section>
        )}
        <section aria-label="Your version" data-testid="conflict-mine">
          <h3>Your version</h3>
          <p className="conflict-value">{mine.trim() || <span className="muted">(empty)</span>}</p>
        </section>
        <section aria-label="Current version" data-testid="conflict-current">
          <h3>{change ? `${change.who}'s version` : 'Current version'}</h3>
          <p className="conflict-value">{theirs || <span className="muted">(empty)</span>}</p>
        </section>
      </div>
      {error && <ErrorMessage what="Saving your version failed:" error={error} />}
    </Dialog>
  );
}
