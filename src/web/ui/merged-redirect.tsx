import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { Loading } from './loading';
import { useToast } from './use-toast';

/** The id a page's record was merged into, when that is why it is not found (the server says so only to its owner). */
export function mergedInto(error: unknown): string | null {
  if (!isApiError(error) || error.status !== 404) return null;
  const into = error.details.mergedInto;
  return typeof into === 'string' ? into : null;
}

/** Opens where a merged-away record lives now in place of its old page (a bookmark, an old link) and says so. */
export function MergedRedirect({ to, what }: { to: string; what: string }) {
  const navigate = useNavigate();
  const toast = useToast();
  useEffect(() => {
    toast.show({ message: `The ${what} you opened was merged into this one.` });
    void navigate(to, { replace: true });
  }, [navigate, toast, to, what]);
  return <Loading />;
}
