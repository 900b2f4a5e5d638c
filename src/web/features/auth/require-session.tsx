import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { useSession } from './use-session';
import { useSetup } from './use-setup';

/** Renders the signed-in pages, or sends the visitor to first-run / sign-in (coming back here afterwards). */
export function RequireSession() {
  const session = useSession();
  const setup = useSetup();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (session.data) return <Outlet />;
  if (setup.isPending) return <Loading />;
  const to = setup.data?.needsFirstAccount ? '/welcome' : '/sign-in';
  return <Navigate to={to} replace state={{ from: location.pathname + location.search }} />;
}
