import type { DictionaryVocabulary, Field, Op, QueryIssue } from '../api/contract.js';
import { FIELDS, FIELD_SPECS, OPS_BY_KIND } from '../api/contract.js';
import { withField, type DraftCondition } from './draft.js';
import { IssueList } from './IssueList.js';
import { FIELD_LABELS, OP_LABELS } from './labels.js';
import { ValueInput } from './ValueInput.js';

interface Props {
  readonly condition: DraftCondition;
  readonly path: string;
  readonly issues: readonly QueryIssue[];
  readonly vocabulary: DictionaryVocabulary | undefined;
  readonly onChange: (next: DraftCondition) => void;
  readonly onRemove: () => void;
}

/** field · op · [writing system] · [name] · value · [Aa], and what is wrong with it. */
export function ConditionRow({ condition, path, issues, vocabulary, onChange, onRemove }: Props) {
  const spec = FIELD_SPECS[condition.field];
  const patch = (p: Partial<DraftCondition>): void => onChange({ ...condition, ...p });
  const names = condition.field === 'trait' ? vocabulary?.traitNames : condition.field === 'custom' ? vocabulary?.customFields : undefined;
  const invalidValue = issues.some((i) => i.path.endsWith('.value'));
  return (
    <li className={issues.length > 0 ? 'condition has-issues' : 'condition'} data-testid="condition-row" data-path={path}>
      <div className="condition-controls">
        <select aria-label="Field" value={condition.field} onChange={(event) => onChange(withField(condition, event.target.value as Field))}>
          {FIELDS.map((field) => (
            <option key={field} value={field}>
              {FIELD_LABELS[field]}
            </option>
          ))}
        </select>
        {spec.key && (
          <>
            <input
              aria-label={spec.key === 'name' ? 'Name' : 'Relation type'}
              className="key-input"
              list={names ? `names-${condition.id}` : undefined}
              placeholder={spec.key === 'name' ? (spec.keyRequired ? 'name' : 'type (any)') : 'relation type'}
              value={spec.key === 'name' ? condition.name : condition.type}
              onChange={(event) => patch(spec.key === 'name' ? { name: event.target.value } : { type: event.target.value })}
            />
            {names && (
              <datalist id={`names-${condition.id}`}>
                {names.map((n) => (
                  <option key={n} value={n} />
                ))}
              </datalist>
            )}
          </>
        )}
        {spec.multilingual && (
          <select aria-label="Writing system" value={condition.lang} onChange={(event) => patch({ lang: event.target.value })}>
            <option value="">any language</option>
            {vocabulary?.writingSystems.map((ws) => (
              <option key={ws} value={ws}>
                {ws}
              </option>
            ))}
          </select>
        )}
        <select aria-label="Operator" value={condition.op} onChange={(event) => patch({ op: event.target.value as Op })}>
          {OPS_BY_KIND[spec.kind].map((op) => (
            <option key={op} value={op}>
              {OP_LABELS[op]}
            </option>
          ))}
        </select>
        <ValueInput condition={condition} vocabulary={vocabulary} invalid={invalidValue} onChange={patch} />
        {spec.kind === 'text' && (
          <label className="case-toggle" title="Match case">
            <input type="checkbox" checked={condition.caseSensitive} onChange={(event) => patch({ caseSensitive: event.target.checked })} />
            Aa
          </label>
        )}
        <button type="button" className="icon-button" aria-label="Remove condition" onClick={onRemove}>
          ×
        </button>
      </div>
      <IssueList issues={issues} />
    </li>
  );
}
