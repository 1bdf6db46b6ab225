import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { GlossLangs } from '../api/contract.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

interface Props {
  readonly glossLangs: GlossLangs;
  readonly onSave: (langs: string[]) => Promise<unknown>;
}

/** The writing systems every sense must be glossed in, kept with the dictionary on its server. */
export function RequiredGlossForm({ glossLangs, onSave }: Props) {
  const required = glossLangs.source === 'required' ? glossLangs.langs.join(', ') : '';
  const [text, setText] = useState(required);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await onSave(text.split(/[,\s]+/).filter((lang) => lang !== ''));
    } catch (e) {
      setError(asApiCallError('checks.setRequiredGloss', e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="required-gloss"
      aria-label="Required gloss writing systems"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>Glosses required in</span>
        <input value={text} maxLength={500} placeholder={glossLangs.langs.join(', ') || 'en, pt'} onChange={(event) => setText(event.target.value)} data-testid="required-gloss-input" />
      </label>
      <button type="submit" className="button" disabled={busy || text.trim() === required}>
        {busy ? 'Saving…' : 'Save'}
      </button>
      <p className="muted small" data-testid="gloss-langs-checked">
        {glossLangs.source === 'required'
          ? `Checking ${glossLangs.langs.join(', ')}, as required for this dictionary.`
          : glossLangs.langs.length > 0
            ? `None required: checking ${glossLangs.langs.join(', ')}, the writing systems most senses are glossed in.`
            : 'None required, and no sense has a gloss: nothing is checked.'}
      </p>
      {error && <ErrorMessage what="Could not save the writing systems:" error={error} />}
    </form>
  );
}
