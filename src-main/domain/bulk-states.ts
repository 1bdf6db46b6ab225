/**
 * The life of a bulk operation: its states and where each may go next. Everything that asks
 * "can this be undone / resumed / paused?" derives its answer from this one table, so the store
 * that enforces the transitions, the service and the dialog that offers them cannot disagree.
 */

export const BULK_STATES = ['previewed', 'running', 'paused', 'done', 'cancelled', 'interrupted', 'undone', 'failed'] as const;
export type BulkState = (typeof BULK_STATES)[number];

/**
 * Where an operation may go from each state. A paused, cancelled, failed or interrupted run may
 * have written part of its entries, so it can still be undone; `undone` is final. A paused run
 * has no runner: it waits, across restarts, until someone resumes, cancels or undoes it.
 */
export const BULK_TRANSITIONS: Readonly<Record<BulkState, readonly BulkState[]>> = {
  previewed: ['running', 'cancelled', 'failed'],
  running: ['paused', 'done', 'cancelled', 'interrupted', 'failed'],
  paused: ['running', 'cancelled', 'undone'],
  interrupted: ['running', 'cancelled', 'failed', 'undone'],
  failed: ['running', 'undone'],
  cancelled: ['undone'],
  done: ['undone'],
  undone: [],
};

function statesThatMayBecome(next: BulkState, except: readonly BulkState[] = []): ReadonlySet<BulkState> {
  return new Set(BULK_STATES.filter((state) => BULK_TRANSITIONS[state].includes(next) && !except.includes(state)));
}

export function canBecome(from: BulkState, to: BulkState): boolean {
  return BULK_TRANSITIONS[from].includes(to);
}

/** States whose written entries an undo can put back. */
export const UNDOABLE_STATES = statesThatMayBecome('undone');
/** States a resume can finish (a previewed operation is run, not resumed). */
export const RESUMABLE_STATES = statesThatMayBecome('running', ['previewed']);
/** States a pause can stop between two batches. */
export const PAUSABLE_STATES = statesThatMayBecome('paused');

/** What someone asked of a running operation; its runner acts on it between two batches. */
export const BULK_REQUESTS = ['pause', 'cancel'] as const;
export type BulkRequest = (typeof BULK_REQUESTS)[number];
