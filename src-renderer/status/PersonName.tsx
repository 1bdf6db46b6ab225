import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { useApi } from '../hooks/api-context.js';
import { keys } from '../hooks/keys.js';

/**
 * Who the change log names for this app's changes (the OS user until set): click to change it.
 * The name is kept in the data folder, so the command line on it records the same.
 */
export function PersonName({ who }: { who: string | undefined }) {
  const api = useApi();
  const client = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (editing === null) return;
    try {
      await api.app.setName({ who: editing });
      setEditing(null);
      setError(null);
      void client.invalidateQueries({ queryKey: keys.appStatus });
    } catch (e) {
      setError(asApiCallError('app.setName', e));
    }
  };

  if (editing === null) {
    return (
      <button type="button" className="status-item link-button" data-testid="status-person" data-who={who ?? ''} title="The name the dictionary's history records for your changes" onClick={() => setEditing(who ?? '')}>
        You: <strong>{who ?? '…'}</strong>
      </button>
    );
  }
  return (
    <form className="status-item person-form" onSubmit={(event) => void save(event)}>
      <label>
        Your name <input value={editing} maxLength={200} autoFocus onChange={(event) => setEditing(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && setEditing(null)} />
      </label>
      <button type="submit" className="button small">
        Save
      </button>
      {error && <span role="alert">{error.message}</span>}
    </form>
  );
}
