import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { PageSortKey } from '../api/contract.js';
import type { RowsView } from '../hooks/use-workset-rows.js';
import type { RowsSnapshot } from './rows-store.js';
import type { ColumnChoice } from './column-choice.js';
import { columnsFor, features, gridColumns, sortableColumns, type Slot } from './columns.js';
import { TableHeader } from './TableHeader.js';
import { TableRow, type RowPick } from './TableRow.js';

const ROW_HEIGHT = 30;

export interface TableHandle {
  scrollToIndex(index: number): void;
}

interface Props {
  readonly rows: RowsSnapshot & { show: (first: number, last: number) => void };
  readonly sort: RowsView['sort'];
  readonly onSortChange: (sort: RowsView['sort']) => void;
  /** The entry open in the entry pane. */
  readonly openGuid: string | null;
  /** The rows selected for a bulk edit. */
  readonly chosen: ReadonlySet<string>;
  readonly onPick: (slot: Slot, pick: RowPick) => void;
  readonly handle: RefObject<TableHandle | null>;
  readonly choice: ColumnChoice;
}

/**
 * The work list: a TanStack table for the columns and the sort state, virtualised with TanStack
 * Virtual over the whole total, so the scrollbar is true from the start and only the rows on
 * screen exist in the DOM. Their pages are asked for as they come into view.
 */
export function WorksetTable({ rows, sort, onSortChange, openGuid, chosen, onPick, handle, choice }: Props) {
  const total = rows.total ?? 0;
  const data = useMemo<Slot[]>(() => Array.from({ length: total }, (_, index) => ({ index, row: rows.rowAt(index) })), [total, rows.rowAt]);
  const sorting: SortingState = sort.by === 'position' ? [] : [{ id: sort.by, desc: sort.dir === 'desc' }];
  const columns = useMemo(() => columnsFor(choice), [choice]);
  const sortable = useMemo(() => sortableColumns(choice), [choice]);
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (slot) => String(slot.index),
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      // No sort is the query's own order (the snapshot position).
      onSortChange(first && sortable.includes(first.id as PageSortKey) ? { by: first.id as PageSortKey, dir: first.desc ? 'desc' : 'asc' } : { by: 'position', dir: 'asc' });
    },
  });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { show } = rows;
  useEffect(() => show(first, last), [show, first, last]);
  useEffect(() => {
    handle.current = { scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) };
  }, [handle, virtualizer]);

  const modelRows = table.getRowModel().rows;
  // One row is in the Tab order: the open entry's when it is shown, else the first one shown.
  const openShown = openGuid !== null && items.some((item) => modelRows[item.index]?.original.row?.guid === openGuid);
  return (
    <div className="table-scroll" ref={scroller} data-testid="workset-table-scroll">
      <table role="grid" aria-multiselectable="true" className="grid-table" style={{ ['--grid-columns' as string]: gridColumns(choice) }} aria-rowcount={total + 1} data-testid="workset-table" aria-label="Entries">
        <TableHeader table={table} sortable={sortable} />
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = modelRows[item.index];
            const guid = row?.original.row?.guid;
            const tabStop = openShown ? guid === openGuid : item.index === first;
            return row ? <TableRow key={item.key} row={row} start={item.start} open={guid === openGuid} chosen={guid !== undefined && chosen.has(guid)} tabStop={tabStop} onPick={onPick} /> : null;
          })}
        </tbody>
      </table>
    </div>
  );
}
