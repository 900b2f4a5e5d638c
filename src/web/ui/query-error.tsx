import { isApiError } from '../api/client';

/** Shows why a query failed, with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = isApiError(error)
    ? error.status === 404
      ? 'This item does not exist, or it was deleted.'
      : error.message
    : 'Something went wrong while loading.';
  return (
    <div className="alert alert--error" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
