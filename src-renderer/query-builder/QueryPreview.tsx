import type { ApiCallError } from '../api/api-error.js';
import type { Validation } from '../api/contract.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatCount } from '../ui/format.js';
import { EntrySummary } from '../entry/EntrySummary.js';

interface Props {
  readonly validation: Validation | undefined;
  readonly error: ApiCallError | undefined;
  readonly pending: boolean;
}

/** The live count and the first matching entries, or why there are none. */
export function QueryPreview({ validation, error, pending }: Props) {
  return (
    <section className={pending ? 'query-preview pending' : 'query-preview'} aria-label="Query preview" aria-busy={pending}>
      <div className="query-count" data-testid="query-count" role="status" data-total={validation?.ok ? validation.total : undefined}>
        {!validation && !error && 'Counting…'}
        {validation?.ok && formatCount(validation.total ?? 0, 'entry', 'entries')}
        {validation && !validation.ok && `Fix ${formatCount(validation.issues.length, 'problem')} to see matches`}
      </div>
      {error && <ErrorMessage what="Could not check the query:" error={error} />}
      {validation?.ok && validation.preview && validation.preview.length > 0 && (
        // Focusable: a list that scrolls must be reachable from the keyboard.
        <ol className="preview-list" tabIndex={0} aria-label="First matches">
          {validation.preview.map((entry) => (
            <li key={entry.guid}>
              <EntrySummary entry={entry} />
            </li>
          ))}
        </ol>
      )}
      {validation?.ok && validation.total === 0 && <p className="muted">Nothing matches yet: loosen a condition.</p>}
    </section>
  );
}
