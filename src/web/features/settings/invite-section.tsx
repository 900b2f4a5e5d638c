import { type FormEvent, useState } from 'react';
import { signupUrl } from '../../../contracts/signup-link';
import type { SignupInvite } from '../../api/types';

import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { formatDate } from '../../ui/format';
import { SecretField } from '../../ui/secret-field';
import { TextField } from '../../ui/text-field';
import { useSetup } from '../auth/use-setup';
import { useCreateSignupInvite } from './use-create-signup-invite';

/**
 * On a server where sign-up needs an invite (RAPPORT_SIGNUP=invite), and only there: a one-time code, and the
 * sign-up link with it filled in, to send someone. Both are shown once (the server keeps only a hash).
 */
export function InviteSection() {
  const setup = useSetup();
  if (setup.data?.signup !== 'invite') return null;
  return <InviteForm />;
}

function InviteForm() {
  const create = useCreateSignupInvite();
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<(SignupInvite & { email: string }) | null>(null);
  const errors = toFieldErrors(create.error, (p) => p === 'email');

  function submit(e: FormEvent) {
    e.preventDefault();
    const to = email.trim();
    create.mutate(to ? { email: to } : {}, {
      onSuccess: (invite) => {
        setCreated({ ...invite, email: to });
        setEmail('');
      },
    });
  }

  const link = created ? signupUrl(window.location.origin, created.code) : '';
  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">Invite someone to this server</h2>
      <p className="muted">
        Sign-up here is by invitation. An invite works once; send it to the person you mean.
      </p>
      {created ? (
        <section className="secret" aria-labelledby="new-invite-heading">
          <h3 id="new-invite-heading">Invite created</h3>
          <p>
            Send them the link, or the code for the sign-up page
            {created.email ? `; only ${created.email} can use it` : ''}. It works once, until{' '}
            {formatDate(created.expiresAt)}: <strong>this is the only time it is shown.</strong>
          </p>
          <SecretField id="new-invite-link" label="Sign-up link" value={link} copyLabel="Copy link" />
          <SecretField id="new-invite-code" label="Invite code" value={created.code} copyLabel="Copy code" />
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setCreated(null)}
          >
            I have sent it
          </button>
        </section>
      ) : null}
      <form className="inline-form" onSubmit={submit} noValidate>
        <FormAlert message={errors.general} />
        <TextField
          label="Their e-mail (optional)"
          type="email"
          autoComplete="off"
          hint="Only this address can then use the invite."
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.byPath.get('email')}
        />
        <div className="inline-form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            Create an invite
          </button>
        </div>
      </form>
    </section>
  );
}
