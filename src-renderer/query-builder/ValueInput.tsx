import type { DictionaryVocabulary, RangeValue } from '../api/contract.js';
import { FIELD_SPECS, LIST_OPS, VALUELESS_OPS } from '../api/contract.js';
import type { DraftCondition } from './draft.js';

interface Props {
  readonly condition: DraftCondition;
  readonly vocabulary: DictionaryVocabulary | undefined;
  readonly invalid: boolean;
  readonly onChange: (patch: Partial<DraftCondition>) => void;
}

/** The ranges a field's values come from, when the dictionary has them. */
function rangeOf(condition: DraftCondition, vocabulary: DictionaryVocabulary | undefined): readonly RangeValue[] | undefined {
  if (!vocabulary) return undefined;
  if (condition.field === 'pos') return vocabulary.partsOfSpeech;
  if (condition.field === 'semantic-domain') return vocabulary.semanticDomains;
  return undefined;
}

/**
 * The value of a condition, in the input its field and op call for: none (exists), a date, a
 * number, a pick from the ranges (pos, semantic domain — typed text is allowed too), or text.
 */
export function ValueInput({ condition, vocabulary, invalid, onChange }: Props) {
  const { op } = condition;
  if (VALUELESS_OPS.includes(op)) return <span className="value-none muted">—</span>;
  const kind = FIELD_SPECS[condition.field].kind;
  const range = rangeOf(condition, vocabulary);
  const common = { 'aria-label': 'Value', 'aria-invalid': invalid || undefined, className: 'value-input' } as const;
  if (LIST_OPS.includes(op) && range && range.length > 0) {
    return (
      <select
        {...common}
        multiple
        size={Math.min(4, range.length)}
        value={[...condition.values]}
        onChange={(event) => onChange({ values: [...event.target.selectedOptions].map((o) => o.value) })}
      >
        {range.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label === r.id ? r.id : `${r.id} — ${r.label}`}
          </option>
        ))}
      </select>
    );
  }
  if (kind === 'date') {
    return <input {...common} type="date" value={condition.value} onChange={(event) => onChange({ value: event.target.value })} />;
  }
  if (kind === 'number') {
    return <input {...common} type="number" min={0} value={condition.value} onChange={(event) => onChange({ value: event.target.value })} />;
  }
  const listId = range ? `range-${condition.id}` : undefined;
  return (
    <>
      <input
        {...common}
        type="text"
        list={listId}
        value={condition.value}
        placeholder={LIST_OPS.includes(op) ? 'values, separated by commas' : op === 'matches' ? 'regular expression' : ''}
        onChange={(event) => onChange({ value: event.target.value })}
      />
      {range && (
        <datalist id={listId}>
          {range.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </datalist>
      )}
    </>
  );
}
