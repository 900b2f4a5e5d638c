import { Link } from 'react-router';
import { isApiError } from '../api/client';

/**
 * Shows why a query failed, with a retry button. A 404 will not come back on a retry: it offers the ways to find
 * the thing instead (the contacts, or the trash where a deleted one waits).
 */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const notFound = isApiError(error) && error.status === 404;
  const message = isApiError(error)
    ? notFound
      ? 'This item does not exist, or it was deleted.'
      : error.message
    : 'Something went wrong while loading.';
  return (
    <div className="alert alert--error" role="alert">
      <p>{message}</p>
      {notFound ? (
        <p>
          Go to your <Link to="/contacts">contacts</Link>, or look in the <Link to="/trash">trash</Link> to
          restore it.
        </p>
      ) : onRetry ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
