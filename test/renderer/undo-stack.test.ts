import { describe, expect, it } from 'vitest';
import { UNDO_LIMIT, UndoStack, type UndoItem } from '../../src-renderer/undo/undo-stack.js';

const step = (seq: number): UndoItem => ({ dictionary: 'd', guid: `g${seq}`, seq, label: `change ${seq}` });

describe("a window's undo stack", () => {
  it('undoes newest first; the revert goes to redo with its own record, and redo brings it back', () => {
    const stack = new UndoStack();
    let notified = 0;
    stack.subscribe(() => notified++);
    stack.record(step(1));
    stack.record(step(2));
    const last = stack.next('undo');
    expect(last?.seq).toBe(2);
    stack.took('undo', last!, 7);
    expect(stack.get()).toEqual({ undo: [step(1)], redo: [{ ...step(2), seq: 7 }] });
    stack.took('redo', stack.next('redo')!, 8);
    expect(stack.get()).toEqual({ undo: [step(1), { ...step(2), seq: 8 }], redo: [] });
    expect(notified).toBe(4);
  });

  it('forgets what could be redone at a new change, and a step with no revert record', () => {
    const stack = new UndoStack();
    stack.record(step(1));
    stack.took('undo', stack.next('undo')!, 5);
    expect(stack.get().redo).toHaveLength(1);
    stack.record(step(9));
    expect(stack.get()).toEqual({ undo: [step(9)], redo: [] });
    stack.took('undo', stack.next('undo')!, undefined);
    expect(stack.get()).toEqual({ undo: [], redo: [] });
  });

  it('drops a step given up, and keeps at most UNDO_LIMIT', () => {
    const stack = new UndoStack();
    for (let seq = 1; seq <= UNDO_LIMIT + 5; seq++) stack.record(step(seq));
    expect(stack.get().undo).toHaveLength(UNDO_LIMIT);
    expect(stack.get().undo[0].seq).toBe(6);
    stack.drop(stack.next('undo')!);
    expect(stack.next('undo')?.seq).toBe(UNDO_LIMIT + 4);
  });
});
