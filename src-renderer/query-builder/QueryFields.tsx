import { ErrorMessage } from '../ui/ErrorMessage.js';
import { QueryBuilder } from './QueryBuilder.js';
import { QueryPreview } from './QueryPreview.js';
import type { QueryDraftState } from './use-query-draft.js';

/** The query builder beside its live preview (the count and the first matches). */
export function QueryFields({ state }: { state: QueryDraftState }) {
  const { vocabulary, draft, setDraft, validation, error, pending } = state;
  return (
    <>
      {vocabulary.error && <ErrorMessage what="Could not load the writing systems and ranges:" error={vocabulary.error} onRetry={vocabulary.refetch} />}
      <div className="new-workset-columns">
        <QueryBuilder draft={draft} onChange={setDraft} issues={validation?.issues ?? []} vocabulary={vocabulary.data} />
        <QueryPreview validation={validation} error={error} pending={pending} />
      </div>
    </>
  );
}
