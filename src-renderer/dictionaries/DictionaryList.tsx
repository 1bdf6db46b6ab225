import type { DictionarySummary } from '../api/contract.js';
import { formatCount } from '../ui/format.js';

/** The imported dictionaries; picking one shows its worksets. */
export function DictionaryList({ dictionaries, selected, onSelect }: { dictionaries: readonly DictionarySummary[]; selected: string | null; onSelect: (name: string) => void }) {
  return (
    <ul className="dictionary-list" aria-label="Dictionaries">
      {dictionaries.map((d) => (
        <li key={d.name}>
          <button
            type="button"
            className={d.name === selected ? 'dictionary-item selected' : 'dictionary-item'}
            aria-current={d.name === selected ? 'true' : undefined}
            data-testid="dictionary-item"
            data-name={d.name}
            onClick={() => onSelect(d.name)}
          >
            <span className="dictionary-name">{d.name}</span>
            <span className="dictionary-count">{formatCount(d.entries, 'entry', 'entries')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
