import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { BulkOperation } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';
import { useUnfinishedBulk } from '../hooks/use-data.js';
import { useTaskProgress } from '../hooks/use-task-progress.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/format.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { describeEdit } from './bulk-draft.js';

/**
 * Bulk operations of this workset that were cut short (paused, the app was closed mid-run, or a
 * run failed): each can be undone or finished. Hidden when there are none.
 */
export function UnfinishedBulk({ worksetId }: { worksetId: number }) {
  const api = useApi();
  const ops = useUnfinishedBulk(worksetId);
  const { progress, begin } = useTaskProgress();
  const [working, setWorking] = useState<number | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  if (!ops.data || ops.data.length === 0) return null;

  const act = async (op: BulkOperation, action: 'undo' | 'resume'): Promise<void> => {
    setWorking(op.id);
    setError(null);
    try {
      await api.bulk[action]({ operationId: op.id, taskId: begin() });
    } catch (e) {
      setError(asApiCallError(`bulk.${action}`, e));
    } finally {
      setWorking(null);
      ops.refetch();
    }
  };
  return (
    <section className="notice warning unfinished" aria-label="Unfinished bulk edits" data-testid="unfinished-bulk">
      <strong>Unfinished bulk edits.</strong> These stopped (or were paused) before the end; undo them or let them finish.
      <ul>
        {ops.data.map((op) => (
          <li key={op.id}>
            {describeEdit(op.op)} — {op.state}, {op.changed} of {op.total} changed, {formatDateTime(op.updated)}
            {op.error && <span className="muted"> ({op.error})</span>}
            <button type="button" className="button small" disabled={working !== null} onClick={() => void act(op, 'undo')}>
              Undo
            </button>
            <button type="button" className="button small" disabled={working !== null} onClick={() => void act(op, 'resume')}>
              Resume
            </button>
            {working === op.id && progress && <ProgressBar value={progress.done} max={progress.total} label="Progress" compact />}
          </li>
        ))}
      </ul>
      {error && <ErrorMessage what="That did not work:" error={error} />}
    </section>
  );
}
