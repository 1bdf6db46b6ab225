import type { BulkOutcome } from '../api/contract.js';
import { formatCount } from '../ui/format.js';

const WORDS: Partial<Record<BulkOutcome['operation']['state'], string>> = { done: 'Done', cancelled: 'Cancelled', undone: 'Undone' };

/** What a run or an undo did: changed, skipped (and why), in the journal's words. */
export function BulkOutcomeView({ outcome, undone }: { outcome: BulkOutcome; undone?: boolean }) {
  const op = outcome.operation;
  return (
    <div className="notice success" role="status" data-testid="bulk-outcome" data-state={op.state}>
      <strong>{WORDS[op.state] ?? op.state}.</strong>{' '}
      {undone
        ? `Restored the entries this operation changed${outcome.skipped.length ? `, except ${formatCount(outcome.skipped.length, 'entry', 'entries')} changed since` : ''}.`
        : `${formatCount(op.changed, 'entry', 'entries')} changed${op.skipped ? `, ${op.skipped} skipped` : ''}.`}
      {outcome.skipped.length > 0 && (
        <details>
          <summary>Skipped entries</summary>
          <ul className="small">
            {outcome.skipped.slice(0, 50).map((s) => (
              <li key={s.guid}>
                <code>{s.guid}</code> — {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
