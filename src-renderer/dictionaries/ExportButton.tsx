import { useEvent } from '../hooks/use-event.js';
import { useExport } from '../hooks/use-export.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatCount } from '../ui/format.js';

/** Export one dictionary, and say where the file went. */
export function ExportButton({ dictionary }: { dictionary: string }) {
  const { state, run, dismiss } = useExport(dictionary);
  // Electron's File › Export… exports the dictionary on screen.
  useEvent('menu', ({ command }) => {
    if (command === 'export') void run();
  });
  return (
    <div className="export">
      <button type="button" className="button" disabled={state.phase === 'exporting'} onClick={() => void run()}>
        {state.phase === 'exporting' ? 'Exporting…' : `Export ${dictionary} as LIFT`}
      </button>
      {state.phase === 'done' && (
        <div className="notice success" role="status" data-testid="export-status">
          Exported {formatCount(state.result.entries, 'entry', 'entries')} to <code className="path">{state.result.file}</code>
          <button type="button" className="link-button" onClick={dismiss}>
            OK
          </button>
        </div>
      )}
      {state.phase === 'failed' && <ErrorMessage what={`Exporting ${dictionary} failed:`} error={state.error} onRetry={() => void run()} />}
    </div>
  );
}
