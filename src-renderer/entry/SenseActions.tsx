import type { ShapeChange } from './shape-edit.js';

/** Move a sense up or down among the senses, or delete it: each an undoable change. */
export function SenseActions({ index, count, onShape }: { index: number; count: number; onShape: ShapeChange }) {
  const n = index + 1;
  return (
    <span className="sense-actions">
      <button type="button" className="icon-button" aria-label={`Move sense ${n} up`} title="Move up" disabled={index === 0} onClick={() => void onShape({ action: 'move', field: 'sense', sense: index, to: index - 1 }, `move sense ${n} up`)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label={`Move sense ${n} down`} title="Move down" disabled={index >= count - 1} onClick={() => void onShape({ action: 'move', field: 'sense', sense: index, to: index + 1 }, `move sense ${n} down`)}>
        ↓
      </button>
      <button type="button" className="link-button small danger-text" onClick={() => void onShape({ action: 'delete', field: 'sense', sense: index }, `delete sense ${n}`)}>
        Delete sense {n}
      </button>
    </span>
  );
}
