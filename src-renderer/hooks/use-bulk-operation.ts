import { useCallback, useRef, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { BulkOperation, BulkOutcome, BulkPreview, Channel, FieldEdit } from '../api/contract.js';
import { useApi } from './api-context.js';
import { useTaskProgress } from './use-task-progress.js';

export type BulkPhase =
  | { readonly phase: 'editing' }
  | { readonly phase: 'previewing' }
  | { readonly phase: 'previewed'; readonly preview: BulkPreview }
  /** A run, or a resumed one (no preview then). */
  | {
      readonly phase: 'running';
      readonly operation: BulkOperation;
      readonly preview: BulkPreview | null;
      /** Asked to stop or pause: the run acts on it once the batch it is writing has landed. */
      readonly stopping: 'cancel' | 'pause' | null;
    }
  /** Paused between two batches: nothing is being written; resume, undo the part written, or close. */
  | { readonly phase: 'paused'; readonly outcome: BulkOutcome }
  /** A run or undo failed: the operation as the journal has it now (null when that is not known either). */
  | { readonly phase: 'stopped'; readonly operationId: number; readonly operation: BulkOperation | null }
  | { readonly phase: 'finished'; readonly outcome: BulkOutcome }
  | { readonly phase: 'undoing'; readonly operation: BulkOperation; readonly outcome: BulkOutcome | null }
  | { readonly phase: 'undone'; readonly outcome: BulkOutcome };

/**
 * One bulk operation through its life: preview (the app journals every entry first), run with
 * progress, pause and resume, cancel, then undo. Each long call carries a taskId for its progress events.
 *
 * When a run or an undo fails, the dialog must not offer what the app will refuse (a second Run
 * answers Conflict once the run has started): the operation is read back from the journal and
 * the dialog offers what its state allows — undo of the part written, resume, or only close.
 */
export function useBulkOperation(worksetId: number) {
  const api = useApi();
  const { progress, begin, reset } = useTaskProgress();
  const [state, setState] = useState<BulkPhase>({ phase: 'editing' });
  const [error, setError] = useState<ApiCallError | null>(null);
  const lastPreview = useRef<BulkPreview | null>(null);

  const lookUp = useCallback(
    async (operationId: number): Promise<BulkOperation | null> => {
      try {
        return (await api.bulk.list({ worksetId })).find((op) => op.id === operationId) ?? null;
      } catch {
        return null;
      }
    },
    [api, worksetId],
  );

  /** Where a failed call leaves the dialog: what the journal says, not where it was before. */
  const settle = useCallback(
    async (operationId: number) => {
      const operation = await lookUp(operationId);
      const preview = lastPreview.current;
      // The run never started (the call did not get through): Run is still what can be done.
      if (operation?.state === 'previewed' && preview?.operation.id === operationId) setState({ phase: 'previewed', preview: { ...preview, operation } });
      else setState({ phase: 'stopped', operationId, operation });
    },
    [lookUp],
  );

  const attempt = async (channel: Channel, work: () => Promise<void>, onError: () => Promise<void> | void): Promise<void> => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(asApiCallError(channel, e));
      await onError();
    }
  };

  /** `guids`: only those entries of the workset (the selected rows); the whole workset without. */
  const preview = (op: FieldEdit, guids?: readonly string[]) =>
    attempt(
      'bulk.preview',
      async () => {
        setState({ phase: 'previewing' });
        const previewed = await api.bulk.preview({ worksetId, op, taskId: begin(), guids: guids ? [...guids] : undefined });
        lastPreview.current = previewed;
        setState({ phase: 'previewed', preview: previewed });
      },
      () => setState({ phase: 'editing' }),
    );

  const run = (previewed: BulkPreview) =>
    attempt(
      'bulk.run',
      async () => {
        setState({ phase: 'running', operation: previewed.operation, preview: previewed, stopping: null });
        setState(ended(await api.bulk.run({ operationId: previewed.operation.id, taskId: begin() })));
      },
      () => settle(previewed.operation.id),
    );

  const resume = (operation: BulkOperation) =>
    attempt(
      'bulk.resume',
      async () => {
        setState({ phase: 'running', operation, preview: lastPreview.current?.operation.id === operation.id ? lastPreview.current : null, stopping: null });
        setState(ended(await api.bulk.resume({ operationId: operation.id, taskId: begin() })));
      },
      () => settle(operation.id),
    );

  /** Asks the run to cancel or pause; its own call (run or resume) answers once it has. */
  const stop = (running: Extract<BulkPhase, { phase: 'running' }>, how: 'cancel' | 'pause') =>
    attempt(
      how === 'cancel' ? 'bulk.cancel' : 'bulk.pause',
      async () => {
        setState({ ...running, stopping: how });
        const asked = await api.bulk[how]({ operationId: running.operation.id });
        // The run's own call may have answered first (it paused or ended): keep what it said.
        setState((current) => (current.phase === 'running' && current.operation.id === asked.id ? { ...current, operation: asked } : current));
      },
      () => setState((current) => (current.phase === 'running' ? { ...current, stopping: null } : current)),
    );
  const cancel = (running: Extract<BulkPhase, { phase: 'running' }>) => stop(running, 'cancel');
  const pause = (running: Extract<BulkPhase, { phase: 'running' }>) => stop(running, 'pause');

  /** A paused run given up for good: what it wrote stays, and can still be undone. */
  const cancelPaused = (paused: BulkOutcome) =>
    attempt(
      'bulk.cancel',
      async () => {
        const cancelled = await api.bulk.cancel({ operationId: paused.operation.id });
        setState({ phase: 'finished', outcome: { operation: cancelled, skipped: paused.skipped } });
      },
      () => settle(paused.operation.id),
    );

  const undo = (operation: BulkOperation, outcome: BulkOutcome | null = null) =>
    attempt(
      'bulk.undo',
      async () => {
        setState({ phase: 'undoing', operation, outcome });
        setState({ phase: 'undone', outcome: await api.bulk.undo({ operationId: operation.id, taskId: begin() }) });
      },
      () => settle(operation.id),
    );

  /** Reads the operation again (after a dropped connection, it may still be running in the app). */
  const check = (operationId: number) => settle(operationId);

  /** Back to the form; a preview that never ran is dropped from the journal. */
  const edit = async (): Promise<void> => {
    if (state.phase === 'previewed') await api.bulk.cancel({ operationId: state.preview.operation.id }).catch(() => undefined);
    lastPreview.current = null;
    reset();
    setError(null);
    setState({ phase: 'editing' });
  };

  return { state, progress, error, preview, run, resume, cancel, pause, cancelPaused, undo, check, edit };
}

/** Where a run's call leaves the dialog: paused between batches, or at its end. */
function ended(outcome: BulkOutcome): BulkPhase {
  return outcome.operation.state === 'paused' ? { phase: 'paused', outcome } : { phase: 'finished', outcome };
}
