import { FlexRender, type Row } from '@tanstack/react-table';
import { useEffect, useRef } from 'react';
import type { features, Slot } from './columns.js';

/** What a click or key on a row does: open its entry, toggle it in the selection, or select up to it. */
export type RowPick = 'open' | 'toggle' | 'extend';

interface Props {
  readonly row: Row<typeof features, Slot>;
  readonly start: number;
  /** Its entry is the one open in the entry pane. */
  readonly open: boolean;
  /** In the selection a bulk edit can work on. */
  readonly chosen: boolean;
  /** The row Tab reaches (one per list: roving tabindex). */
  readonly tabStop: boolean;
  readonly onPick: (slot: Slot, pick: RowPick) => void;
}

/** One virtual row, placed by the virtualizer; a placeholder until its page arrives. */
export function TableRow({ row, start, open, chosen, tabStop, onPick }: Props) {
  const entry = row.original.row;
  const ref = useRef<HTMLTableRowElement>(null);
  // Moving by keyboard while a row has the focus takes the focus along to the newly open row.
  useEffect(() => {
    if (open && document.activeElement instanceof HTMLTableRowElement && document.activeElement !== ref.current && document.activeElement.closest('table') === ref.current?.closest('table')) {
      ref.current?.focus({ preventScroll: true });
    }
  }, [open]);
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
      className={['grid-row', open ? 'open' : '', chosen ? 'chosen' : ''].filter(Boolean).join(' ')}
      style={style}
      aria-rowindex={row.original.index + 2}
      aria-selected={chosen}
      aria-current={open ? 'true' : undefined}
      data-testid="workset-row"
      data-guid={entry.guid}
      data-index={row.original.index}
      data-status={entry.status}
      data-favourite={entry.favourite}
      ref={ref}
      tabIndex={tabStop ? 0 : -1}
      onClick={(event) => onPick(row.original, event.shiftKey ? 'extend' : event.ctrlKey || event.metaKey ? 'toggle' : 'open')}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        onPick(row.original, event.key === ' ' ? 'toggle' : 'open');
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
