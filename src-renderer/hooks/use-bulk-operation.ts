import { useCallback, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { BulkOutcome, BulkPreview, FieldEdit } from '../api/contract.js';
import { useApi } from './api-context.js';
import { useTaskProgress } from './use-task-progress.js';

export type BulkPhase =
  | { readonly phase: 'editing' }
  | { readonly phase: 'previewing' }
  | { readonly phase: 'previewed'; readonly preview: BulkPreview }
  | { readonly phase: 'running'; readonly preview: BulkPreview; readonly cancelling: boolean }
  | { readonly phase: 'finished'; readonly outcome: BulkOutcome }
  | { readonly phase: 'undoing'; readonly outcome: BulkOutcome }
  | { readonly phase: 'undone'; readonly outcome: BulkOutcome };

/**
 * One bulk operation through its life: preview (the app journals every entry first), run with
 * progress and cancel, then undo. Each long call carries a taskId for its progress events.
 */
export function useBulkOperation(worksetId: number) {
  const api = useApi();
  const { progress, begin, reset } = useTaskProgress();
  const [state, setState] = useState<BulkPhase>({ phase: 'editing' });
  const [error, setError] = useState<ApiCallError | null>(null);

  const attempt = useCallback(async (channel: Parameters<typeof asApiCallError>[0], back: BulkPhase, work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(asApiCallError(channel, e));
      setState(back);
    }
  }, []);

  const preview = (op: FieldEdit) =>
    attempt('bulk.preview', { phase: 'editing' }, async () => {
      setState({ phase: 'previewing' });
      setState({ phase: 'previewed', preview: await api.bulk.preview({ worksetId, op, taskId: begin() }) });
    });

  const run = (previewed: BulkPreview) =>
    attempt('bulk.run', { phase: 'previewed', preview: previewed }, async () => {
      setState({ phase: 'running', preview: previewed, cancelling: false });
      setState({ phase: 'finished', outcome: await api.bulk.run({ operationId: previewed.operation.id, taskId: begin() }) });
    });

  const cancel = (previewed: BulkPreview) =>
    attempt('bulk.cancel', { phase: 'running', preview: previewed, cancelling: false }, async () => {
      setState({ phase: 'running', preview: previewed, cancelling: true });
      // The run stops between batches and answers with state "cancelled".
      await api.bulk.cancel({ operationId: previewed.operation.id });
    });

  const undo = (outcome: BulkOutcome) =>
    attempt('bulk.undo', { phase: 'finished', outcome }, async () => {
      setState({ phase: 'undoing', outcome });
      setState({ phase: 'undone', outcome: await api.bulk.undo({ operationId: outcome.operation.id, taskId: begin() }) });
    });

  /** Back to the form; a preview that never ran is dropped from the journal. */
  const edit = async (): Promise<void> => {
    if (state.phase === 'previewed') await api.bulk.cancel({ operationId: state.preview.operation.id }).catch(() => undefined);
    reset();
    setError(null);
    setState({ phase: 'editing' });
  };

  return { state, progress, error, preview, run, cancel, undo, edit };
}
