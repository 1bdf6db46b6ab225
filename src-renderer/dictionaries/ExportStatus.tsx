import type { ExportState } from '../hooks/use-export.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatCount } from '../ui/format.js';

/** Where an export went (and, on the browser host, its downloads), or why it failed. */
export function ExportStatus({ state, onDismiss, onRetry }: { state: ExportState; onDismiss: () => void; onRetry: () => void }) {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'exporting':
      return (
        <div className="notice" role="status" data-testid="export-status" data-phase="exporting">
          Exporting {state.dictionary}…
        </div>
      );
    case 'done': {
      const { result } = state;
      return (
        <div className="notice success" role="status" data-testid="export-status" data-phase="done">
          Exported {formatCount(result.entries, 'entry', 'entries')} of {state.dictionary}
          {result.zipped && (
            <>
              {' '}with its ranges, as a .zip holding {result.zipped.lift} and {result.zipped.ranges},
            </>
          )}{' '}
          to <code className="path">{result.file}</code>
          {result.download && (
            <>
              {' '}— downloading. <a href={result.download} download="">Download again</a>
            </>
          )}
          <button type="button" className="link-button" onClick={onDismiss}>
            OK
          </button>
        </div>
      );
    }
    case 'failed':
      return state.dictionary === null ? (
        <ErrorMessage what="Nothing to export:" error={state.error} onRetry={onDismiss} retryLabel="OK" />
      ) : (
        <ErrorMessage what={`Exporting ${state.dictionary} failed:`} error={state.error} onRetry={onRetry} />
      );
  }
}
