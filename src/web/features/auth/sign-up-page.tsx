import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { INVITE_PARAM } from '../../../contracts/signup-link';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { SignupForm } from './signup-form';
import { useSetup } from './use-setup';

export function SignUpPage() {
  useDocumentTitle('Create an account');
  const setup = useSetup();
  const { state } = useLocation();
  // An invite link (Settings → Invite someone, `rapport invites create`) carries the code.
  const [params] = useSearchParams();
  if (setup.isPending) return <Loading />;
  if (setup.data?.needsFirstAccount) return <Navigate to="/welcome" replace />;
  const mode = setup.data?.signup ?? 'closed';
  return (
    <div className="auth-card">
      <h1 tabIndex={-1} data-page-heading="">
        Create an account
      </h1>
      {mode === 'closed' ? (
        <p>Sign-up is closed on this server. Ask its administrator for an account.</p>
      ) : (
        <>
          {mode === 'invite' ? (
            <p>Sign-up on this server is by invitation: you need an invite code.</p>
          ) : null}
          <SignupForm
            withInvite={mode === 'invite'}
            initialInviteCode={params.get(INVITE_PARAM) ?? ''}
            submitLabel="Create account"
          />
        </>
      )}
      <p className="auth-card__switch">
        Already have an account?{' '}
        <Link to="/sign-in" state={state}>
          Sign in
        </Link>
      </p>
    </div>
  );
}
