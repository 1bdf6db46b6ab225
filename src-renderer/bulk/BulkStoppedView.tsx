import { RESUMABLE_STATES, type BulkOperation } from '../api/contract.js';
import { formatCount } from '../ui/format.js';

/** A run that did not finish: how far it got, as the journal says, and what can be done now. */
export function BulkStoppedView({ operation }: { operation: BulkOperation | null }) {
  if (operation === null) {
    return (
      <div className="notice warning" role="status" data-testid="bulk-stopped" data-state="unknown">
        Whether any entries were changed is not known: the app did not answer. Check again once it is reachable.
      </div>
    );
  }
  const changed = formatCount(operation.changed, 'entry', 'entries');
  const text: Partial<Record<BulkOperation['state'], string>> = {
    running: `The app is still running it (${changed} of ${operation.total} changed so far): check again in a moment.`,
    done: `It did finish: ${changed} of ${operation.total} changed.`,
    cancelled: `It was cancelled after ${changed} of ${operation.total} were changed.`,
    paused: `It is paused after ${changed} of ${operation.total} were changed: Resume finishes the rest.`,
    undone: 'Its changes have been undone.',
  };
  const stopped =
    operation.changed > 0
      ? `It stopped after ${changed} of ${operation.total} were changed. Undo puts them back; Resume finishes the rest.`
      : 'It stopped before any entry was changed.';
  return (
    <div className="notice warning" role="status" data-testid="bulk-stopped" data-state={operation.state}>
      {text[operation.state] ?? stopped}
      {RESUMABLE_STATES.has(operation.state) && <span className="muted"> Closing keeps it under “Unfinished bulk edits” in the workset.</span>}
    </div>
  );
}
