import type { ApiCallError } from '../api/api-error.js';

const ADVICE: Partial<Record<ApiCallError['code'], string>> = {
  Unavailable: 'Check that the app and its BaseX server are running, then retry.',
  NotFound: 'It may have been deleted in another window.',
  Internal: 'This is a bug or a server problem; retrying may help.',
};

/** What failed, the app's own words for why, and what to do: an alert, so it is announced. */
export function ErrorMessage({ what, error, onRetry, retryLabel = 'Retry' }: { what: string; error: ApiCallError | Error; onRetry?: () => void; retryLabel?: string }) {
  const code = 'code' in error ? error.code : undefined;
  return (
    <div className="error" role="alert">
      <strong>{what}</strong> {error.message}
      {code && ADVICE[code] && <span className="error-advice"> {ADVICE[code]}</span>}
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}
