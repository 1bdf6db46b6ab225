import { FlexRender, type Row } from '@tanstack/react-table';
import { useEffect, useRef } from 'react';
import type { features, Slot } from './columns.js';

interface Props {
  readonly row: Row<typeof features, Slot>;
  readonly start: number;
  readonly selected: boolean;
  /** The row Tab reaches (one per list: roving tabindex). */
  readonly tabStop: boolean;
  readonly onSelect: (slot: Slot) => void;
}

/** One virtual row, placed by the virtualizer; a placeholder until its page arrives. */
export function TableRow({ row, start, selected, tabStop, onSelect }: Props) {
  const entry = row.original.row;
  const ref = useRef<HTMLTableRowElement>(null);
  // Moving by keyboard while a row has the focus takes the focus along to the newly open row.
  useEffect(() => {
    if (selected && document.activeElement instanceof HTMLTableRowElement && document.activeElement !== ref.current && document.activeElement.closest('table') === ref.current?.closest('table')) {
      ref.current?.focus({ preventScroll: true });
    }
  }, [selected]);
  const style = { transform: `translateY(${start}px)` };
  if (!entry) {
    return (
      <tr className="grid-row placeholder" style={style} aria-rowindex={row.original.index + 2} data-testid="workset-row-placeholder" data-index={row.original.index}>
        <td className="placeholder-cell" colSpan={row.getAllCells().length}>
          <span className="skeleton" />
        </td>
      </tr>
    );
  }
  return (
    <tr
      className={selected ? 'grid-row selected' : 'grid-row'}
      style={style}
      aria-rowindex={row.original.index + 2}
      aria-selected={selected}
      data-testid="workset-row"
      data-guid={entry.guid}
      data-index={row.original.index}
      data-status={entry.status}
      data-favourite={entry.favourite}
      ref={ref}
      tabIndex={tabStop ? 0 : -1}
      onClick={() => onSelect(row.original)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        onSelect(row.original);
      }}
    >
      {row.getAllCells().map((cell) => (
        <td key={cell.id} className={`cell-${cell.column.id}`}>
          <span className="cell-text">
            <FlexRender cell={cell} />
          </span>
        </td>
      ))}
    </tr>
  );
}
