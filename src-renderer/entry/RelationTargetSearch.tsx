import { useId, useState, type KeyboardEvent } from 'react';
import type { EntryViewModel } from '../api/contract.js';
import { useQueryValidation } from '../hooks/use-query-validation.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { quickSearchQuery } from '../search/quick-search-query.js';
import { EntrySummary } from './EntrySummary.js';

/** As the quick search: results as you type, without asking on every key. */
const DELAY_MS = 120;

interface Props {
  readonly dictionary: string;
  /** The entry being edited: not offered as its own target. */
  readonly guid: string;
  readonly onChoose: (entry: EntryViewModel) => void;
  readonly autoFocus?: boolean;
  readonly onCancel: () => void;
}

/**
 * Finds a relation's target the way the quick search finds an entry (the same query, by
 * headword or gloss or any text): a combobox over the entries found, ↑/↓ to move, Enter to choose.
 */
export function RelationTargetSearch({ dictionary, guid, onChoose, onCancel, autoFocus }: Props) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = quickSearchQuery(text, 'any');
  const { validation, error, pending } = useQueryValidation(dictionary, query, DELAY_MS);
  const results = (query && validation?.ok ? (validation.preview ?? []) : []).filter((entry) => entry.guid !== guid);
  const listId = useId();
  const current = Math.min(active, Math.max(results.length - 1, 0));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length > 0) setActive((current + (event.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const chosen = results[current];
      if (chosen) onChoose(chosen);
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <div className="relation-search">
      <input
        type="text"
        role="combobox"
        aria-label="Related entry"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results[current] ? `${listId}-${current}` : undefined}
        placeholder="Find the related entry: headword, gloss or any text…"
        autoFocus={autoFocus}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <span className="muted small" role="status" data-testid="relation-search-count" aria-busy={pending}>
        {query === null ? '↑ ↓ to move, Enter to choose, Esc to cancel' : pending ? 'Searching…' : results.length === 0 ? 'Nothing found.' : `${results.length} found`}
      </span>
      {error && <ErrorMessage what="Could not search:" error={error} />}
      <ul className={pending ? 'quick-search-results pending' : 'quick-search-results'} id={listId} role="listbox" aria-label="Entries found">
        {results.map((entry, i) => (
          <li
            key={entry.guid}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : undefined}
            data-testid="relation-search-result"
            onMouseMove={() => setActive(i)}
            onClick={() => onChoose(entry)}
          >
            <EntrySummary entry={entry} />
          </li>
        ))}
      </ul>
    </div>
  );
}
