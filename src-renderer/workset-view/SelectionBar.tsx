const number = new Intl.NumberFormat();

/** "N selected" and its Clear button, while rows are selected for a bulk edit. */
export function SelectionBar({ count, onClear }: { count: number; onClear: () => void }) {
  if (count === 0) return null;
  return (
    <span className="selection-bar" data-testid="selection-bar">
      <span role="status">{number.format(count)} selected</span>
      <button type="button" className="button small" onClick={onClear}>
        Clear selection
      </button>
    </span>
  );
}
