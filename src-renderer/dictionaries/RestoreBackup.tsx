import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { DictionarySummary } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatCount, formatDateTime } from '../ui/format.js';

/**
 * The dictionary's change log at a glance, and, when an import replaced it, "Restore previous
 * version": the backup comes back, and the dictionary there now becomes a backup in turn.
 */
export function RestoreBackup({ dictionary }: { dictionary: DictionarySummary | undefined }) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  if (!dictionary) return null;

  const restore = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await api.dictionaries.restore({ database: dictionary.name });
      const made = new Date(parseInt(outcome.restored.slice(-8), 16) * 1000).toISOString();
      setDone(`Restored ${dictionary.name} as it was until ${formatDateTime(made)}; the version it replaced is kept as a backup.`);
      setAsking(false);
    } catch (e) {
      setError(asApiCallError('dictionaries.restore', e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="restore-backup" data-testid="dictionary-log">
      {dictionary.log && (
        <p className="muted small">
          {formatCount(dictionary.log.changes, 'change', 'changes')} recorded ({dictionary.log.size})
        </p>
      )}
      {(dictionary.backups ?? 0) > 0 && !asking && (
        <button type="button" className="button" onClick={() => setAsking(true)} data-testid="restore-backup">
          Restore previous version…
        </button>
      )}
      {asking && (
        <div className="notice" role="alertdialog" aria-label={`Restore ${dictionary.name}?`}>
          <p>Bring back {dictionary.name} as it was before it was last replaced by an import? The dictionary as it is now is kept as a backup.</p>
          <div className="notice-actions">
            <button type="button" className="button" disabled={busy} onClick={() => setAsking(false)}>
              Cancel
            </button>
            <button type="button" className="button primary" disabled={busy} onClick={() => void restore()}>
              Restore
            </button>
          </div>
        </div>
      )}
      {done && (
        <p className="notice success" role="status">
          {done}
        </p>
      )}
      {error && <ErrorMessage what="Could not restore it:" error={error} />}
    </div>
  );
}
