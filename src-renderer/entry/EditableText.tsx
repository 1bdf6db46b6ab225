import { useState, type KeyboardEvent } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

interface Props {
  readonly label: string;
  readonly value: string;
  /** The entry's version now; the editor remembers the one it started from. */
  readonly version: string;
  readonly onSave: (value: string, startedFrom: string) => Promise<unknown>;
  readonly multiline?: boolean;
  /** Suggestions (parts of speech). */
  readonly options?: readonly string[];
  readonly className?: string;
  readonly placeholder?: string;
  /** The writing system of the text: its `lang`, so the browser picks the script's font and direction. */
  readonly lang?: string;
  /** Opens in the editor (a value being added); Cancel or Escape then calls onCancel. */
  readonly startEditing?: boolean;
  readonly onCancel?: () => void;
}

/**
 * A value with an edit button. While editing, the draft is the user's own: a refresh of the
 * entry (another window saved it) changes what is shown around it but not the draft, and the
 * save goes against the version editing started from — so it conflicts instead of clobbering.
 */
export function EditableText({ label, value, version, onSave, multiline, options, className, placeholder = '—', lang, startEditing, onCancel }: Props) {
  const [draft, setDraft] = useState<{ text: string; from: string } | null>(startEditing ? { text: value, from: version } : null);
  const cancel = (): void => {
    setDraft(null);
    onCancel?.();
  };
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  const save = async (): Promise<void> => {
    if (!draft) return;
    if (draft.text.trim() === value.trim() && draft.from === version) {
      setDraft(null);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave(draft.text, draft.from);
      setDraft(null);
    } catch (e) {
      setError(asApiCallError('entries.edit', e));
    } finally {
      setSaving(false);
    }
  };

  if (!draft) {
    return (
      <span className={`editable ${className ?? ''}`}>
        {value ? (
          <span className="editable-value" lang={lang} dir="auto">
            {value}
          </span>
        ) : (
          <span className="editable-value muted">{placeholder}</span>
        )}
        <button type="button" className="edit-button" aria-label={`Edit ${label}`} title={`Edit ${label}`} onClick={() => setDraft({ text: value, from: version })}>
          ✎
        </button>
      </span>
    );
  }
  const listId = options ? `options-${label.replace(/\W+/g, '-')}` : undefined;
  const common = {
    'aria-label': label,
    lang,
    dir: 'auto',
    value: draft.text,
    autoFocus: true,
    disabled: saving,
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, text: event.target.value }),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        cancel();
      } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void save();
      }
    },
  };
  return (
    <span className="editing" data-testid="field-editor">
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" list={listId} {...common} />}
      {listId && (
        <datalist id={listId}>
          {options?.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      )}
      <span className="editing-actions">
        <button type="button" className="button small primary" disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button small" disabled={saving} onClick={cancel}>
          Cancel
        </button>
        <span className="muted small" data-testid="save-hint">
          {multiline ? 'Ctrl+Enter saves, Enter starts a new line, Esc cancels' : 'Enter saves, Esc cancels'}
        </span>
        {draft.from !== version && <span className="warning small">Changed elsewhere since you started: saving will ask which version to keep.</span>}
      </span>
      {error && <ErrorMessage what={`Saving ${label} failed:`} error={error} />}
    </span>
  );
}
