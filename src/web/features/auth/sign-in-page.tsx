import { type FormEvent, useRef, useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { FormAlert } from '../../ui/form-alert';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { signInErrorMessage } from './sign-in-error';
import { signedOutMessage } from './signed-out-reason';
import { useSetup } from './use-setup';
import { useSignIn } from './use-sign-in';
import { useSignedOutReason } from './use-signed-out-reason';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const setup = useSetup();
  const signIn = useSignIn();
  const signedOut = useSignedOutReason();
  // Where the visitor was heading (e.g. an invitation link): kept when they go on to create an account.
  const { state } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  if (setup.data?.needsFirstAccount) return <Navigate to="/welcome" replace />;

  function submit(e: FormEvent) {
    e.preventDefault();
    signIn.mutate(
      { email, password },
      {
        // The submit button the keyboard was on is disabled while waiting, which drops focus to the page:
        // put it back on the password, ready to type again.
        onError: () => {
          const field = formRef.current?.querySelector<HTMLInputElement>('input[name="password"]');
          field?.focus();
          field?.select();
        },
      },
    );
  }

  const error = signInErrorMessage(signIn.error);

  return (
    <div className="auth-card">
      <h1 tabIndex={-1} data-page-heading="">
        Sign in to Rapport
      </h1>
      <form ref={formRef} className="stack" onSubmit={submit}>
        <FormAlert message={error} />
        {(state as { accountDeleted?: boolean } | null)?.accountDeleted && !signIn.isPending ? (
          <p className="alert alert--success" role="status">
            Your account and everything in it have been deleted.
          </p>
        ) : null}
        {signedOut && !signIn.isPending ? (
          <p className="alert alert--info" role="status">
            {signedOutMessage(signedOut)}
          </p>
        ) : null}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted">Forgot your password? Ask the person who runs this server to set a new one.</p>
      {setup.data && setup.data.signup !== 'closed' ? (
        <p className="auth-card__switch">
          New here?{' '}
          <Link to="/sign-up" state={state}>
            Create an account
          </Link>
        </p>
      ) : null}
    </div>
  );
}
