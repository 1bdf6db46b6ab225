import { useCallback, useState, useSyncExternalStore } from 'react';
import { useApiContext } from '../hooks/api-context.js';
import type { UndoItem, UndoStack } from './undo-stack.js';
import { useRevert, type RevertConflict } from './use-revert.js';

export type UndoDirection = 'undo' | 'redo';

/** An undo or redo that would overwrite a later change: the window asks before forcing it. */
export interface PendingStep {
  readonly direction: UndoDirection;
  readonly item: UndoItem;
  readonly conflict: RevertConflict;
}

/** This window's undo stack, to record a change the window made. */
export function useUndoStack(): UndoStack {
  return useApiContext().undo;
}

/**
 * Undo and redo of this window's own changes, each a revert through the change log: what the
 * step changed goes back, what others changed since elsewhere in the entry stays. If they changed
 * the same part since, the step waits in `pending` for the user: `force` it or `keep` theirs.
 */
export function useUndo() {
  const stack = useUndoStack();
  const state = useSyncExternalStore(stack.subscribe, stack.get);
  const { revert, busy, error } = useRevert();
  const [pending, setPending] = useState<PendingStep | null>(null);

  const take = useCallback(
    async (direction: UndoDirection, item: UndoItem | undefined, force = false): Promise<void> => {
      if (!item) return;
      const outcome = await revert(item.dictionary, item.seq, force);
      if (!outcome) return;
      if ('conflict' in outcome) {
        setPending({ direction, item, conflict: outcome.conflict });
        return;
      }
      setPending(null);
      stack.took(direction, item, outcome.saved.change);
    },
    [revert, stack],
  );

  return {
    state,
    busy,
    error,
    pending,
    undo: () => (busy ? undefined : void take('undo', stack.next('undo'))),
    redo: () => (busy ? undefined : void take('redo', stack.next('redo'))),
    /** Take the pending step anyway, putting back what it would. */
    force: () => (pending ? void take(pending.direction, pending.item, true) : undefined),
    /** Keep the entry as it is now, and give the step up. */
    keep: () => {
      if (pending) stack.drop(pending.item);
      setPending(null);
    },
  };
}
