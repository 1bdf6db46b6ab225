import type { BulkOutcome } from '../api/contract.js';
import { formatCount } from '../ui/format.js';

const WORDS: Partial<Record<BulkOutcome['operation']['state'], string>> = { done: 'Done', cancelled: 'Cancelled', undone: 'Undone' };

/**
 * What a run or an undo did, in the journal's words: changed; unchanged (they already had the new
 * value); skipped (someone changed or deleted them since the preview), with why.
 */
export function BulkOutcomeView({ outcome, undone }: { outcome: BulkOutcome; undone?: boolean }) {
  const op = outcome.operation;
  return (
    <div className="notice success" role="status" data-testid="bulk-outcome" data-state={op.state}>
      <strong>{WORDS[op.state] ?? op.state}.</strong>{' '}
      {undone
        ? `Restored the entries this operation changed${outcome.skipped.length ? `, except ${formatCount(outcome.skipped.length, 'entry', 'entries')} changed since` : ''}.`
        : ranWords(op.changed, outcome.unchanged ?? 0, op.skipped - (outcome.unchanged ?? 0))}
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

function ranWords(changed: number, unchanged: number, skipped: number): string {
  const parts = [`${formatCount(changed, 'entry', 'entries')} changed`];
  if (unchanged > 0) parts.push(`${unchanged} unchanged (they already had the new value)`);
  if (skipped > 0) parts.push(`${skipped} skipped (changed or deleted elsewhere since the preview)`);
  return `${parts.join(', ')}.`;
}
