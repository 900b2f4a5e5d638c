import { Navigate } from 'react-router';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { SignupForm } from './signup-form';
import { useSetup } from './use-setup';

// Who may sign up after this first account (RAPPORT_SIGNUP): the person setting the server up decides with it.
const AFTER_FIRST = {
  open: 'After this account, anyone who can reach this server can create an account of their own. To let in only people you invite, restart the server with RAPPORT_SIGNUP=invite (or closed).',
  invite:
    'After this account, people need a one-time invite to sign up: create one in Settings or with "rapport invites create".',
  closed: 'After this account, sign-up is closed: further accounts are made with "rapport account create".',
} as const;

/** Shown once, on a fresh server: create the first account, told who can sign up after it. */
export function FirstRunPage() {
  useDocumentTitle('Welcome');
  const setup = useSetup();
  if (setup.isPending) return <Loading />;
  if (setup.data && !setup.data.needsFirstAccount) return <Navigate to="/sign-in" replace />;
  return (
    <div className="auth-card">
      <h1 tabIndex={-1} data-page-heading="">
        Welcome to Rapport
      </h1>
      <p>This server has no accounts yet. Create the first one to start your rolodex.</p>
      {setup.data ? <p className="muted">{AFTER_FIRST[setup.data.signup]}</p> : null}
      <SignupForm withInvite={false} submitLabel="Create the first account" />
    </div>
  );
}
