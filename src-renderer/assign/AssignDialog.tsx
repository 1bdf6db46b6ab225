import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { AssignResult, ChannelArgs } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

type Choice = 'all' | 'unassigned' | 'open';

interface Props {
  readonly worksetId: number;
  readonly total: number;
  /** The entry open in the work list, which can be assigned alone. */
  readonly openGuid: string | null;
  readonly onClose: () => void;
}

/**
 * Gives a workset's entries to people: all of them (split evenly among the names given), the
 * next N nobody has, or the open entry. Assigning again reassigns; no name gives them back.
 */
export function AssignDialog({ worksetId, total, openGuid, onClose }: Props) {
  const api = useApi();
  const [names, setNames] = useState('');
  const [choice, setChoice] = useState<Choice>('all');
  const [count, setCount] = useState(50);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [done, setDone] = useState<AssignResult | null>(null);
  const to = names.split(',').map((n) => n.trim()).filter((n) => n !== '');
  const scope: ChannelArgs<'worksets.assign'>['scope'] =
    choice === 'all' ? { kind: 'all' } : choice === 'unassigned' ? { kind: 'unassigned', count } : { kind: 'guids', guids: openGuid ? [openGuid] : [] };
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setDone(await api.worksets.assign({ id: worksetId, to, scope }));
    } catch (e) {
      setError(asApiCallError('worksets.assign', e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Assign entries"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" form="assign-form" className="button primary" disabled={busy || (choice === 'open' && !openGuid)}>
            {to.length === 0 ? 'Unassign' : to.length === 1 ? `Assign to ${to[0]}` : `Split among ${to.length}`}
          </button>
        </>
      }
    >
      <form
        id="assign-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>To (several names separated by commas split the entries evenly; none gives them back to nobody)</span>
          <input autoFocus aria-label="Assign to" value={names} maxLength={2000} placeholder="Ana, Ben, Cai" onChange={(event) => setNames(event.target.value)} />
        </label>
        <fieldset className="field">
          <legend>Which entries</legend>
          <label className="checkbox">
            <input type="radio" name="assign-scope" checked={choice === 'all'} onChange={() => setChoice('all')} /> All {total} entries
          </label>
          <label className="checkbox">
            <input type="radio" name="assign-scope" checked={choice === 'unassigned'} onChange={() => setChoice('unassigned')} /> The next
            <input
              type="number"
              aria-label="How many entries"
              min={1}
              max={total}
              value={count}
              onChange={(event) => setCount(Math.max(1, Math.floor(Number(event.target.value)) || 1))}
            />
            entries nobody has yet
          </label>
          <label className="checkbox">
            <input type="radio" name="assign-scope" checked={choice === 'open'} disabled={!openGuid} onChange={() => setChoice('open')} /> The open entry
          </label>
        </fieldset>
      </form>
      {error && <ErrorMessage what="Could not assign:" error={error} />}
      {done && (
        <p role="status" data-testid="assign-result">
          {done.total === 0 ? 'No entries were chosen: nothing assigned.' : done.assigned.map((a) => `${a.count} to ${a.who ?? 'nobody'}`).join(', ')}
        </p>
      )}
    </Dialog>
  );
}
