import type { Sort, SortKey } from '../api/contract.js';
import { SORT_KEYS } from '../api/contract.js';

const LABELS: Record<SortKey, string> = { headword: 'headword', pos: 'part of speech', gloss: 'gloss', 'date-created': 'date created', 'date-modified': 'date modified' };

/** The work list's order (the workset view can re-sort, this is its default). */
export function SortPicker({ sort, onChange }: { sort: Sort; onChange: (sort: Sort) => void }) {
  return (
    <div className="sort-picker">
      <label>
        Order by
        <select aria-label="Order by" value={sort.by} onChange={(event) => onChange({ ...sort, by: event.target.value as SortKey })}>
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      <select aria-label="Direction" value={sort.dir} onChange={(event) => onChange({ ...sort, dir: event.target.value as 'asc' | 'desc' })}>
        <option value="asc">ascending</option>
        <option value="desc">descending</option>
      </select>
    </div>
  );
}
