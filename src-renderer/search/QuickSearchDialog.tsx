import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { EntryViewModel } from '../api/contract.js';
import { EntrySummary } from '../entry/EntrySummary.js';
import { useQueryValidation } from '../hooks/use-query-validation.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatCount } from '../ui/format.js';
import { quickSearchQuery, QUICK_SEARCH_SCOPES, SCOPE_LABELS, type QuickSearchScope } from './quick-search-query.js';
import { useNewEntry } from './use-new-entry.js';
import { useSearchWorkset } from './use-search-workset.js';

/** Short enough to feel like results as you type, long enough not to ask on every key of a fast typist. */
const DELAY_MS = 120;

interface Props {
  readonly dictionary: string;
  readonly onClose: () => void;
  readonly onOpenEntry: (guid: string) => void;
  readonly onOpenWorkset: (id: number) => void;
}

/**
 * Ctrl+K: find an entry anywhere in the dictionary as you type, and open it without making a
 * workset, or make a workset of everything the search finds. The input is a combobox over the
 * results: ↑/↓ move, Enter opens.
 */
export function QuickSearchDialog({ dictionary, onClose, onOpenEntry, onOpenWorkset }: Props) {
  const [text, setText] = useState('');
  const [scope, setScope] = useState<QuickSearchScope>('any');
  const [active, setActive] = useState(0);
  const query = quickSearchQuery(text, scope);
  const { validation, error, pending } = useQueryValidation(dictionary, query, DELAY_MS);
  const results: readonly EntryViewModel[] = query && validation?.ok ? (validation.preview ?? []) : [];
  const total = query && validation?.ok ? (validation.total ?? 0) : undefined;
  const workset = useSearchWorkset(dictionary, onOpenWorkset);
  const newEntry = useNewEntry(dictionary, results, onOpenEntry);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setActive(0), [validation]);
  useEffect(() => input.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const chosen = results[active];
      if (chosen) onOpenEntry(chosen.guid);
    }
  };

  const footer = (
    <>
      <span className="muted small">↑ ↓ to move, Enter to open, Esc to close</span>
      <button type="button" className="button" disabled={!query || !newEntry.lang || newEntry.busy} onClick={() => void newEntry.create(text)} title={newEntry.lang ? `A new entry with this headword (${newEntry.lang})` : undefined}>
        {query ? `New entry “${text.trim()}”` : 'New entry'}
      </button>
      <button type="button" className="button" disabled={!query || !total || workset.busy} onClick={() => void workset.make(text, scope)}>
        {workset.busy ? 'Making the workset…' : 'Make a workset from this search'}
      </button>
    </>
  );
  return (
    <Dialog title="Quick search" onClose={onClose} footer={footer} wide testId="quick-search">
      <div className="quick-search-bar">
        <input
          ref={input}
          // Not type="search": its Escape clears the box instead of closing the dialog.
          type="text"
          className="quick-search-input"
          role="combobox"
          aria-label={`Search ${dictionary}`}
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
          placeholder="Headword, gloss or any text…"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <select aria-label="Search in" value={scope} onChange={(event) => setScope(event.target.value as QuickSearchScope)}>
          {QUICK_SEARCH_SCOPES.map((s) => (
            <option key={s} value={s}>
              {SCOPE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <p className="muted small" role="status" data-testid="quick-search-count" data-total={pending ? undefined : total} aria-busy={pending}>
        {query === null ? 'Type to search the whole dictionary.' : total === undefined ? 'Searching…' : total === 0 ? 'Nothing found.' : results.length < total ? `${formatCount(total, 'entry', 'entries')}; the first ${results.length} by headword` : formatCount(total, 'entry', 'entries')}
      </p>
      {error && <ErrorMessage what="Could not search:" error={error} />}
      {validation && !validation.ok && <p className="error-text">{validation.issues[0]?.message}</p>}
      {workset.error && <ErrorMessage what="Could not make the workset:" error={workset.error} />}
      {newEntry.error && <ErrorMessage what="Could not add the entry:" error={newEntry.error} />}
      <ul className={pending ? 'quick-search-results pending' : 'quick-search-results'} id={listId} role="listbox" aria-label="Entries found">
        {results.map((entry, i) => (
          <li
            key={entry.guid}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            data-testid="quick-search-result"
            data-guid={entry.guid}
            onMouseMove={() => setActive(i)}
            onClick={() => onOpenEntry(entry.guid)}
          >
            <EntrySummary entry={entry} />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
