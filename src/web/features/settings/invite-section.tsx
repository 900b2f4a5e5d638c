import { type FormEvent, useState } from 'react';
import { signupUrl } from '../../../contracts/signup-link';
import type { SignupInvite } from '../../api/types';

import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { SecretField } from '../../ui/secret-field';
import { TextField } from '../../ui/text-field';
import { useSetup } from '../auth/use-setup';
import { useCreateSignupInvite } from './use-create-signup-invite';
import { useRevokeSignupInvite, useSignupInvites } from './use-signup-invites';

/**
 * On a server where sign-up needs an invite (RAPPORT_SIGNUP=invite), and only there: a one-time code, and the
 * sign-up link with it filled in, to send someone. Both are shown once (the server keeps only a hash). The invites
 * not used yet are listed, to revoke one sent to the wrong person.
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
      <OutstandingInvites />
    </section>
  );
}

function OutstandingInvites() {
  const invites = useSignupInvites();
  const revoke = useRevokeSignupInvite();
  if (invites.isPending) return <Loading />;
  if (invites.isError) return <QueryError error={invites.error} onRetry={() => void invites.refetch()} />;
  if (invites.data.length === 0) return <p className="muted">No invites waiting to be used.</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption>Invites not used yet</caption>
          <thead>
            <tr>
              <th scope="col">For</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invites.data.map((i) => {
              const who = i.email ?? 'Anyone with the code';
              return (
                <tr key={i.id}>
                  <th scope="row">{who}</th>
                  <td>{formatDate(i.createdAt)}</td>
                  <td>{formatDate(i.expiresAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      disabled={revoke.isPending && revoke.variables === i.id}
                      onClick={() => revoke.mutate(i.id)}
                    >
                      Revoke<span className="visually-hidden"> the invite for {who}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {revoke.error ? (
        <p className="field__error" role="alert">
          Could not revoke: {revoke.error.message}
        </p>
      ) : null}
    </>
  );
}
