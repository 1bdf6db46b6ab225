import { useExport } from '../hooks/use-export.js';
import { ExportStatus } from './ExportStatus.js';

/** Export one dictionary, and say where the file went. (File › Export… is handled by the app shell.) */
export function ExportButton({ dictionary }: { dictionary: string }) {
  const { state, run, dismiss } = useExport(dictionary);
  return (
    <div className="export">
      <button type="button" className="button" disabled={state.phase === 'exporting'} onClick={() => void run()}>
        {state.phase === 'exporting' ? 'Exporting…' : `Export ${dictionary} as LIFT`}
      </button>
      <ExportStatus state={state} onDismiss={dismiss} onRetry={() => void run()} />
    </div>
  );
}
