import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { alertMessage, toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { TextField } from '../../ui/text-field';
import { isSignupRefused } from './signup-error';
import { isPendingSignup } from './signup-result';
import { useSignUp } from './use-sign-up';

const FIELDS = new Set(['name', 'email', 'password', 'inviteCode']);

/** Name, email, password (and an invite code when sign-up is by invitation, filled in from an invite link). */
export function SignupForm({
  withInvite,
  submitLabel,
  initialInviteCode = '',
  initialEmail = '',
}: {
  withInvite: boolean;
  submitLabel: string;
  initialInviteCode?: string;
  /** The address an invite is bound to (the server says which to the holder of the code). */
  initialEmail?: string;
}) {
  const signUp = useSignUp();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [inviteCode, setInviteCode] = useState(initialInviteCode);
  const errors = toFieldErrors(signUp.error, (p) => FIELDS.has(p));
  // The server does not say why (an address with an account is not named as such): offer to sign in.
  const refused = isSignupRefused(signUp.error);
  const formRef = useRef<HTMLFormElement>(null);

  // The keyboard goes to the first field to fix (the submit button it was on is disabled while waiting).
  useEffect(() => {
    if (signUp.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [signUp.error]);

  function submit(e: FormEvent) {
    e.preventDefault();
    signUp.mutate({ name, email, password, ...(withInvite ? { inviteCode } : {}) });
  }

  if (isPendingSignup(signUp.data)) {
    // The same answer whether or not the address has an account (ADR 4), so the page covers both.
    return (
      <div className="stack" role="status">
        <h2>Check your inbox</h2>
        <p>
          We sent an e-mail to <strong>{signUp.variables?.email ?? email}</strong>. Open the link in it to
          create your account and sign in; it works once, for {signUp.data.linkValidHours} hours.
        </p>
        <p className="muted">
          If this address already has an account here, the e-mail says so instead:{' '}
          <Link to="/sign-in">sign in</Link> with your password. Nothing arrived? Look in your spam folder, or
          sign up again.
        </p>
      </div>
    );
  }

  return (
    <form ref={formRef} className="stack" onSubmit={submit} noValidate>
      {refused ? (
        <div className="alert alert--error" role="alert">
          We could not create an account with these details. If you already have an account here,{' '}
          <Link to="/sign-in">sign in</Link> instead.
        </div>
      ) : (
        <FormAlert message={alertMessage(errors)} />
      )}
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.byPath.get('name')}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.byPath.get('email')}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.byPath.get('password')}
      />
      {withInvite ? (
        <TextField
          label="Invite code"
          name="inviteCode"
          autoComplete="off"
          required
          value={inviteCode}
          onChange={(e) => setInviteCode(e.target.value)}
          error={errors.byPath.get('inviteCode')}
        />
      ) : null}
      <button type="submit" className="button button--primary" disabled={signUp.isPending}>
        {signUp.isPending ? 'Creating account…' : submitLabel}
      </button>
    </form>
  );
}
