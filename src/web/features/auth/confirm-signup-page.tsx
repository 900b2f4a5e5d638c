import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useDocumentTitle } from '../../ui/use-document-title';
import { confirmSignupErrorMessage, takeAfterSignUp } from './signup-result';
import { useConfirmSignup } from './use-confirm-signup';

/**
 * The e-mailed sign-up link (`/sign-up/confirm/<secret>`): one click makes the account, signs in and goes on to
 * where sign-up started (or Today). A click, not on load, so a mail scanner opening the link uses nothing up.
 */
export function ConfirmSignupPage() {
  const { token = '' } = useParams();
  useDocumentTitle('Confirm your account');
  const confirm = useConfirmSignup();
  const error = confirmSignupErrorMessage(confirm.error);
  const [next, setNext] = useState<string | null>(null);
  if (next) return <Navigate to={next} replace />;
  return (
    <div className="auth-card">
      <h1 tabIndex={-1} data-page-heading="">
        Confirm your account
      </h1>
      <p>Your e-mail address is confirmed by this link. Create the account to start using Rapport.</p>
      {error ? (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      ) : null}
      <div>
        <button
          type="button"
          className="button button--primary"
          disabled={confirm.isPending || confirm.isSuccess}
          onClick={() => confirm.mutate(token, { onSuccess: () => setNext(takeAfterSignUp(localStorage)) })}
        >
          {confirm.isPending ? 'Creating account…' : 'Create my account'}
        </button>
      </div>
      <p className="auth-card__switch">
        <Link to="/sign-up">Sign up again</Link> · <Link to="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
