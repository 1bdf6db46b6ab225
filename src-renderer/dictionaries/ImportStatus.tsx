import type { ImportResult } from '../api/contract.js';
import type { ImportState } from '../hooks/use-import.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatBytes, formatCount } from '../ui/format.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { RestoreCurationOffer } from './RestoreCurationOffer.js';

/** What came of the ranges: how many came along, or what is lost without the file the header names. */
function rangesNote(result: ImportResult): string {
  if (result.ranges) return `, with its ranges${result.rangeCount === undefined ? '' : ` (${formatCount(result.rangeCount, 'range', 'ranges')})`}.`;
  if (result.missingRangesFile === undefined) return '.';
  return `. Its ranges file ${result.missingRangesFile} was not included, so the pickers for grammatical info and semantic domains will offer only values already used in its entries. To keep its ranges, import it again choosing both files.`;
}

const PHASES: Record<string, string> = { upload: 'Sending to BaseX', check: 'Checking', swap: 'Replacing the database', done: 'Finishing' };

/** The import under way (upload, then the app's phases), its result, or why it failed. */
export function ImportStatus({ state, onDismiss, onReplace }: { state: ImportState; onDismiss: () => void; onReplace: () => void }) {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'uploading':
      return (
        <div className="task" data-testid="import-status">
          <div className="task-label">
            Uploading {state.fileName} — {formatBytes(state.sent)} of {formatBytes(state.size)}
          </div>
          <ProgressBar value={state.sent} max={state.size} label={`Uploading ${state.fileName}`} />
        </div>
      );
    case 'importing': {
      const p = state.progress;
      return (
        <div className="task" data-testid="import-status">
          <div className="task-label">
            Importing {state.fileName}
            {p ? ` — ${PHASES[p.phase] ?? p.phase}` : '…'}
          </div>
          <ProgressBar value={p?.done ?? 0} max={p?.total ?? 1} label={`Importing ${state.fileName}`} />
        </div>
      );
    }
    case 'done':
      return (
        <div className="notice success" role="status" data-testid="import-status">
          Imported {state.fileName} as <strong>{state.result.database}</strong>: {formatCount(state.result.entries, 'entry', 'entries')}
          {rangesNote(state.result)}
          <button type="button" className="link-button" onClick={onDismiss}>
            OK
          </button>
          <RestoreCurationOffer result={state.result} />
        </div>
      );
    case 'confirm': {
      const changed = state.would.changedSinceImport;
      return (
        <div className="notice" role="alertdialog" aria-label={`Replace ${state.would.exists}?`} data-testid="import-confirm">
          <p>
            There is already a dictionary <strong>{state.would.exists}</strong>
            {changed === 0 ? ', unchanged since it was imported.' : <>: {formatCount(changed, 'entry was', 'entries were')} changed since it was imported.</>} Replace it with{' '}
            {state.fileName}? The current one is kept as a backup you can restore.
          </p>
          <div className="notice-actions">
            <button type="button" className="button" onClick={onDismiss}>
              Cancel
            </button>
            <button type="button" className="button primary" onClick={onReplace}>
              Replace {state.would.exists}
            </button>
          </div>
        </div>
      );
    }
    case 'failed':
      return <ErrorMessage what={`Importing ${state.fileName} failed:`} error={state.error} onRetry={onDismiss} retryLabel="Dismiss" />;
  }
}
