import type { BulkOutcome } from '../api/contract.js';
import { formatCount } from '../ui/format.js';

/** A run paused between two batches: how far it got; nothing more is written until it resumes. */
export function BulkPausedView({ outcome }: { outcome: BulkOutcome }) {
  const op = outcome.operation;
  const left = op.total - op.changed - op.skipped;
  return (
    <div className="notice" role="status" data-testid="bulk-paused" data-state={op.state} data-changed={op.changed} data-left={left}>
      <strong>Paused.</strong> {formatCount(op.changed, 'entry', 'entries')} of {op.total} changed
      {op.skipped ? `, ${op.skipped} skipped` : ''}; {formatCount(left, 'entry', 'entries')} still to do. Nothing more is written
      until you resume. Entries edited meanwhile are skipped, never overwritten.
    </div>
  );
}
