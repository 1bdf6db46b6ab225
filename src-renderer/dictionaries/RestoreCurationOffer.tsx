import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { ImportResult, RestoredWorkset } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatCount } from '../ui/format.js';

/**
 * After importing a file that carries the curation of worksets (an export "with worksets"):
 * asks whether to make them worksets again, and does so when told.
 */
export function RestoreCurationOffer({ result }: { result: ImportResult }) {
  const api = useApi();
  const [phase, setPhase] = useState<'asking' | 'busy' | 'declined'>('asking');
  const [restored, setRestored] = useState<readonly RestoredWorkset[] | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const count = result.curationWorksets ?? 0;
  if (count === 0 || phase === 'declined') return null;

  const restore = async (): Promise<void> => {
    setPhase('busy');
    setError(null);
    try {
      setRestored(await api.dictionaries.restoreCuration({ database: result.database }));
    } catch (e) {
      setError(asApiCallError('dictionaries.restoreCuration', e));
      setPhase('asking');
    }
  };

  if (restored) {
    return (
      <p data-testid="curation-restored">
        Restored {formatCount(restored.length, 'workset', 'worksets')}: {restored.map((w) => `${w.name} (${formatCount(w.total, 'entry', 'entries')})`).join(', ')}.
      </p>
    );
  }
  return (
    <div role="group" aria-label="Restore worksets" data-testid="curation-offer">
      <p>
        This file carries the curation of {formatCount(count, 'workset', 'worksets')} (statuses, favourites and notes). Restore {count === 1 ? 'it as a workset' : 'them as worksets'}?
      </p>
      <div className="notice-actions">
        <button type="button" className="button" disabled={phase === 'busy'} onClick={() => setPhase('declined')}>
          Not now
        </button>
        <button type="button" className="button primary" disabled={phase === 'busy'} onClick={() => void restore()}>
          Restore worksets
        </button>
      </div>
      {error && <ErrorMessage what="Restoring the worksets failed:" error={error} onRetry={() => void restore()} />}
    </div>
  );
}
