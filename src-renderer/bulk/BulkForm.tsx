import type { DictionaryVocabulary, EditField, FieldEdit } from '../api/contract.js';
import { ACTION_NAMES, BULK_ACTIONS, BULK_FIELDS, FIELD_NAMES, needsValue, takesLang, takesName, type BulkDraft } from './bulk-draft.js';

interface Props {
  readonly draft: BulkDraft;
  readonly onChange: (draft: BulkDraft) => void;
  readonly vocabulary: DictionaryVocabulary | undefined;
  /** How many rows are selected in the work list (0: the edit covers the whole workset). */
  readonly selected: number;
  readonly total: number;
}

/** Which entries (when rows are selected), action, field (and its writing system or name), and the text the action needs. */
export function BulkForm({ draft, onChange, vocabulary, selected, total }: Props) {
  const patch = (p: Partial<BulkDraft>): void => onChange({ ...draft, ...p });
  const suggestions = draft.field === 'pos' ? vocabulary?.partsOfSpeech : draft.field === 'semantic-domain' ? vocabulary?.semanticDomains : undefined;
  const names = draft.field === 'trait' ? vocabulary?.traitNames : draft.field === 'custom' ? vocabulary?.customFields : undefined;
  return (
    <div className="bulk-form">
      {selected > 0 && (
        <fieldset className="field bulk-scope">
          <legend>Entries</legend>
          <label className="checkbox">
            <input type="radio" name="bulk-scope" checked={draft.scope === 'selected'} onChange={() => patch({ scope: 'selected' })} />
            The {selected} selected {selected === 1 ? 'entry' : 'entries'}
          </label>
          <label className="checkbox">
            <input type="radio" name="bulk-scope" checked={draft.scope === 'workset'} onChange={() => patch({ scope: 'workset' })} />
            The whole workset ({total} {total === 1 ? 'entry' : 'entries'})
          </label>
        </fieldset>
      )}
      <label className="field">
        <span>Action</span>
        <select value={draft.action} onChange={(event) => patch({ action: event.target.value as FieldEdit['action'] })}>
          {BULK_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {ACTION_NAMES[action]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Field</span>
        <select value={draft.field} onChange={(event) => patch({ field: event.target.value as EditField, name: '' })}>
          {BULK_FIELDS.map((field) => (
            <option key={field} value={field}>
              {FIELD_NAMES[field]}
            </option>
          ))}
        </select>
      </label>
      {takesLang(draft) && (
        <label className="field">
          <span>Writing system</span>
          <select value={draft.lang} onChange={(event) => patch({ lang: event.target.value })}>
            <option value="">{draft.action === 'set' ? 'choose…' : 'every one'}</option>
            {vocabulary?.writingSystems.map((ws) => (
              <option key={ws} value={ws}>
                {ws}
              </option>
            ))}
          </select>
        </label>
      )}
      {takesName(draft) && (
        <label className="field">
          <span>{draft.field === 'note' ? 'Note type' : draft.field === 'semantic-domain' ? 'Trait name' : 'Name'}</span>
          <input
            value={draft.name}
            list="bulk-names"
            placeholder={draft.field === 'note' ? 'none (plain notes)' : draft.field === 'semantic-domain' ? 'semantic-domain-ddp4' : ''}
            onChange={(event) => patch({ name: event.target.value })}
          />
          {names && (
            <datalist id="bulk-names">
              {names.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          )}
        </label>
      )}
      {needsValue(draft) && (
        <label className="field grow">
          <span>Value</span>
          <input value={draft.value} list={suggestions ? 'bulk-values' : undefined} onChange={(event) => patch({ value: event.target.value })} />
          {suggestions && (
            <datalist id="bulk-values">
              {suggestions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </datalist>
          )}
        </label>
      )}
      {draft.action === 'replace' && (
        <>
          <label className="field grow">
            <span>Pattern</span>
            <input value={draft.pattern} placeholder="regular expression" onChange={(event) => patch({ pattern: event.target.value })} />
          </label>
          <label className="field grow">
            <span>Replacement</span>
            <input value={draft.replacement} onChange={(event) => patch({ replacement: event.target.value })} />
          </label>
          <label className="field narrow">
            <span>Flags</span>
            <input value={draft.flags} placeholder="i m s x" maxLength={4} onChange={(event) => patch({ flags: event.target.value.replace(/[^imsx]/g, '') })} />
          </label>
        </>
      )}
    </div>
  );
}
