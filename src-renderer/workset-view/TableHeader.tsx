import type { ReactTable } from '@tanstack/react-table';
import type { PageSortKey } from '../api/contract.js';
import type { features, Slot } from './columns.js';

/** Column headers; sortable ones are buttons, and the current order is in aria-sort. */
export function TableHeader({ table, sortable }: { table: ReactTable<typeof features, Slot>; sortable: readonly PageSortKey[] }) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const toggle = header.column.getToggleSortingHandler();
            const canSort = sortable.includes(header.column.id as PageSortKey);
            return (
              <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                {canSort && toggle ? (
                  <button type="button" className="sort-button" onClick={toggle}>
                    <table.FlexRender header={header} />
                    <span className="sort-arrow" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                ) : (
                  <table.FlexRender header={header} />
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
