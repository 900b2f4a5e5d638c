import { Navigate } from 'react-router';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { SignupForm } from './signup-form';
import { useSetup } from './use-setup';

/** Shown once, on a fresh server: create the first account. */
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
      <SignupForm withInvite={false} submitLabel="Create the first account" />
    </div>
  );
}
