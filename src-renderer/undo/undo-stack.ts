/**
 * A window's undo and redo stacks: the changes this window made, by their change-log record.
 * Undoing one reverts its record (main merges it with what changed since); the revert's own
 * record goes on the redo stack, and redoing reverts that. A new edit clears redo, as everywhere.
 *
 * Plain state with subscribe/get for useSyncExternalStore: no React here, so it is tested alone.
 */

export interface UndoItem {
  readonly dictionary: string;
  readonly guid: string;
  /** The change-log record to revert. */
  readonly seq: number;
  /** What it was, for the button and the menu: "Gloss (en), sense 1 of ‘kuda’". */
  readonly label: string;
}

export interface UndoState {
  readonly undo: readonly UndoItem[];
  readonly redo: readonly UndoItem[];
}

/** How many steps a window remembers: older ones stay in each entry's history. */
export const UNDO_LIMIT = 100;

export class UndoStack {
  private state: UndoState = { undo: [], redo: [] };
  private readonly listeners = new Set<() => void>();

  get = (): UndoState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A new change made in this window: undoable, and the end of what could be redone. */
  record(item: UndoItem): void {
    this.set({ undo: [...this.state.undo, item].slice(-UNDO_LIMIT), redo: [] });
  }

  /** The step an undo (or redo) would take, if any. */
  next(direction: 'undo' | 'redo'): UndoItem | undefined {
    return this.state[direction].at(-1);
  }

  /**
   * Step `item` was taken in `direction`; `reverse` is the record of that revert, which the
   * other stack gets (none when the entry was already as the step would leave it).
   */
  took(direction: 'undo' | 'redo', item: UndoItem, reverse: number | undefined): void {
    const rest = this.state[direction].filter((i) => i !== item);
    const moved = reverse === undefined ? [] : [{ ...item, seq: reverse }];
    this.set(direction === 'undo' ? { undo: rest, redo: [...this.state.redo, ...moved] } : { undo: [...this.state.undo, ...moved].slice(-UNDO_LIMIT), redo: rest });
  }

  /** Gives up a step (its entry is gone, or the user chose to keep what changed since). */
  drop(item: UndoItem): void {
    this.set({ undo: this.state.undo.filter((i) => i !== item), redo: this.state.redo.filter((i) => i !== item) });
  }

  private set(state: UndoState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
