import { useEffect, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

/**
 * This workset's notes on the entry (not the dictionary's): saved with the button or when the
 * field loses focus. A change from another window replaces the text only while it is not being
 * edited here. Keyed by entry, so another entry starts with a fresh draft.
 */
export function WorksetNotes({ guid, notes, onSave }: { guid: string; notes: string; onSave: (notes: string) => Promise<unknown> }) {
  const [text, setText] = useState(notes);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  useEffect(() => {
    if (!dirty) setText(notes);
  }, [notes, dirty]);

  const save = async (): Promise<void> => {
    if (!dirty) return;
    setSaving(true);
    try {
      await onSave(text);
      setDirty(false);
      setSaved(true);
      setError(null);
    } catch (e) {
      setError(asApiCallError('worksets.setNotes', e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="entry-section workset-notes" aria-label="Workset notes">
      <label className="section-title" htmlFor={`notes-${guid}`}>
        Workset notes
      </label>
      <textarea
        id={`notes-${guid}`}
        data-testid="workset-notes"
        rows={3}
        value={text}
        placeholder="Notes for this work list (not written to the dictionary)"
        onChange={(event) => {
          setText(event.target.value);
          setDirty(true);
        }}
        onBlur={() => void save()}
      />
      <div className="notes-actions">
        <button type="button" className="button small" disabled={!dirty || saving} onClick={() => void save()}>
          {saving ? 'Saving…' : saved && !dirty ? 'Notes saved' : 'Save notes'}
        </button>
      </div>
      {error && <ErrorMessage what="Saving the notes failed:" error={error} />}
    </section>
  );
}
