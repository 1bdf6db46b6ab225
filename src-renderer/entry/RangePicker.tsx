import { useId, useState, type KeyboardEvent } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { findRangeValue, rangeValueCaption, type RangeValue } from '../api/contract.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

interface Props {
  /** What is picked, for the input's accessible name ("Part of speech, sense 1"). */
  readonly label: string;
  /** The range's values; empty when the dictionary has no range for it (then any value is taken). */
  readonly values: readonly RangeValue[];
  readonly initial?: string;
  /** Called with the range value's id (NFC), or the text typed where there is no range. */
  readonly onPick: (value: string) => Promise<unknown>;
  readonly onCancel: () => void;
  readonly placeholder?: string;
}

/**
 * Picks a value of one of the dictionary's ranges: typed by its id, abbreviation or label (any
 * of them, compared after NFC) with the range's values offered as suggestions. Enter picks, Esc
 * cancels; a value the range does not have is refused, saying so.
 */
export function RangePicker({ label, values, initial = '', onPick, onCancel, placeholder }: Props) {
  const listId = useId();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const pick = async (): Promise<void> => {
    const found = findRangeValue(values, text);
    const typed = text.trim().normalize('NFC');
    if (typed === '') return onCancel();
    if (!found && values.length > 0) {
      setProblem(`“${typed}” is not in the dictionary’s list for ${label.split(',')[0]?.toLowerCase()}: pick one of its values.`);
      return;
    }
    setBusy(true);
    setProblem(null);
    setError(null);
    try {
      await onPick(found?.id ?? typed);
    } catch (e) {
      setError(asApiCallError('entries.edit', e));
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void pick();
    }
  };
  return (
    <span className="editing range-picker" data-testid="range-picker">
      <input type="text" aria-label={label} list={listId} value={text} autoFocus disabled={busy} placeholder={placeholder ?? 'type or pick a value'} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
      <datalist id={listId}>
        {values.map((v) => (
          <option key={v.id} value={v.id}>
            {rangeValueCaption(v)}
          </option>
        ))}
      </datalist>
      <span className="editing-actions">
        <button type="button" className="button small primary" disabled={busy} onClick={() => void pick()}>
          {busy ? 'Saving…' : 'OK'}
        </button>
        <button type="button" className="button small" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </span>
      {problem && (
        <span className="warning small" role="alert">
          {problem}
        </span>
      )}
      {error && <ErrorMessage what={`Saving ${label} failed:`} error={error} />}
    </span>
  );
}

/** A value as the entry shows it: as stored, with the range's caption of it (found after NFC) on hover. */
export function RangeValueText({ value, values }: { value: string; values: readonly RangeValue[] }) {
  const found = findRangeValue(values, value);
  return <span title={found ? rangeValueCaption(found) : undefined}>{value}</span>;
}
