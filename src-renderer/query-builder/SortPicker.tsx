import type { HeadwordOrder, Sort, SortKey } from '../api/contract.js';
import { HEADWORD_ORDERS, SORT_KEYS } from '../api/contract.js';

const LABELS: Record<SortKey, string> = { headword: 'headword', pos: 'part of speech', gloss: 'gloss', 'date-created': 'date created', 'date-modified': 'date modified' };
const ORDER_LABELS: Record<HeadwordOrder | 'code-point', string> = {
  alphabetical: 'alphabetically (the language’s collation)',
  reverse: 'from the end of the word',
  length: 'by length, then alphabetically',
  'code-point': 'by character code',
};

/** A sort with its headword order set (or left out: by character code, as worksets made before it). */
function withOrder(sort: Sort, order: HeadwordOrder | 'code-point'): Sort {
  const { order: _, ...rest } = sort;
  return order === 'code-point' ? rest : { ...rest, order };
}

/** The work list's order (the workset view can re-sort, this is its default). */
export function SortPicker({ sort, onChange }: { sort: Sort; onChange: (sort: Sort) => void }) {
  return (
    <div className="sort-picker">
      <label>
        Order by
        <select aria-label="Order by" value={sort.by} onChange={(event) => onChange(withOrder({ ...sort, by: event.target.value as SortKey }, event.target.value === 'headword' ? (sort.order ?? 'code-point') : 'code-point'))}>
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      {sort.by === 'headword' && (
        <select aria-label="Headword order" value={sort.order ?? 'code-point'} onChange={(event) => onChange(withOrder(sort, event.target.value as HeadwordOrder | 'code-point'))}>
          {[...HEADWORD_ORDERS, 'code-point' as const].map((order) => (
            <option key={order} value={order}>
              {ORDER_LABELS[order]}
            </option>
          ))}
        </select>
      )}
      <select aria-label="Direction" value={sort.dir} onChange={(event) => onChange({ ...sort, dir: event.target.value as 'asc' | 'desc' })}>
        <option value="asc">ascending</option>
        <option value="desc">descending</option>
      </select>
    </div>
  );
}
