import { useState } from 'react';
import { useExport } from '../hooks/use-export.js';
import { ExportStatus } from './ExportStatus.js';

/**
 * Export one dictionary, and say where the file went. (File › Export… is handled by the app shell.)
 * "With worksets" writes each workset's curation on its entries as LIFT annotations, so that a
 * FLEx round trip or an archive keeps it; importing that file offers to make them worksets again.
 */
export function ExportButton({ dictionary }: { dictionary: string }) {
  const { state, run, dismiss } = useExport(dictionary);
  const [withCuration, setWithCuration] = useState(false);
  return (
    <div className="export">
      <button type="button" className="button" disabled={state.phase === 'exporting'} onClick={() => void run(withCuration)}>
        {state.phase === 'exporting' ? 'Exporting…' : `Export ${dictionary} as LIFT`}
      </button>
      <label className="small">
        <input type="checkbox" checked={withCuration} onChange={(e) => setWithCuration(e.target.checked)} data-testid="export-with-curation" /> With worksets (status, favourites, notes)
      </label>
      <ExportStatus state={state} onDismiss={dismiss} onRetry={() => void run(withCuration)} />
    </div>
  );
}
