import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../../ui/loading';
import { useSession } from './use-session';

/** Sign-in, sign-up and first-run pages: a signed-in visitor goes where they were heading. */
export function PublicOnly() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.data) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from?.startsWith('/') ? from : '/'} replace />;
  }
  return <Outlet />;
}
