import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { INVITE_PARAM } from '../../../contracts/signup-link';
import { isApiError } from '../../api/client';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { SignupForm } from './signup-form';
import { useSetup } from './use-setup';
import { useSignupInvite } from './use-signup-invite';

export function SignUpPage() {
  useDocumentTitle('Create an account');
  const setup = useSetup();
  const { state } = useLocation();
  // An invite link (Settings → Invite someone, `rapport invites create`) carries the code.
  const [params] = useSearchParams();
  const inviteCode = params.get(INVITE_PARAM) ?? '';
  const invite = useSignupInvite(setup.data?.signup === 'invite' ? inviteCode : '');
  if (setup.isPending || invite.isLoading) return <Loading />;
  const boundEmail = invite.data?.email ?? null;
  const inviteGone = isApiError(invite.error) && invite.error.status === 404;
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
          {boundEmail ? <p>This invite is for {boundEmail}.</p> : null}
          {inviteGone ? (
            <p className="alert alert--error" role="alert">
              This invite code has been used, revoked or has expired. Ask the person who invited you for a new
              one.
            </p>
          ) : null}
          <SignupForm
            withInvite={mode === 'invite'}
            initialInviteCode={inviteCode}
            initialEmail={boundEmail ?? ''}
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
