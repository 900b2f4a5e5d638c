import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Connection, Invite, InviteResult } from '../../../contracts/network';
import { ConfirmButton } from '../../ui/confirm-button';
import { FormAlert } from '../../ui/form-alert';
import { formatDate, plural } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { SecretField } from '../../ui/secret-field';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { useFormErrors } from '../relationships/use-form-errors';
import { EmailVerification } from './email-verification';
import { NetworkSubnav } from './network-subnav';
import {
  useAcceptConnection,
  useConnectionProfile,
  useConnections,
  useDeclineConnection,
  useInvite,
  useInvites,
  useRemoveConnection,
  useRevokeInvite,
} from './use-network';
import './network.css';

/** My connections with their profiles, requests both ways, invitations by email or one-time link. */
export function ConnectionsPage() {
  useDocumentTitle('Connections');
  const accepted = useConnections('accepted');
  const incoming = useConnections('incoming');
  const outgoing = useConnections('outgoing');
  return (
    <>
      <PageHeader
        title="Connections"
        subtitle="People on this Rapport server you know and trust. Only connections can message you, see your profile, and find the contacts you choose to share."
      />
      <NetworkSubnav />
      <EmailVerification />
      <div className="split">
        <div className="stack">
          {incoming.data && incoming.data.items.length > 0 ? (
            <section aria-labelledby="incoming-heading" className="card">
              <h2 id="incoming-heading">Waiting on you ({incoming.data.items.length})</h2>
              <ul className="connection-list">
                {incoming.data.items.map((c) => (
                  <IncomingRow key={c.id} connection={c} />
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="connections-heading" className="card">
            <h2 id="connections-heading">Your connections</h2>
            {accepted.isPending ? <Loading /> : null}
            {accepted.isError ? (
              <QueryError error={accepted.error} onRetry={() => void accepted.refetch()} />
            ) : null}
            {accepted.data && accepted.data.items.length === 0 ? (
              <p className="muted">
                No connections yet. Invite a colleague with the form: once they accept, you can message each
                other and ask for introductions.
              </p>
            ) : null}
            {accepted.data && accepted.data.items.length > 0 ? (
              <ul className="connection-list">
                {accepted.data.items.map((c) => (
                  <ConnectionRow key={c.id} connection={c} />
                ))}
              </ul>
            ) : null}
            <LoadMore list={accepted} label="Show more" />
          </section>
          {outgoing.data && outgoing.data.items.length > 0 ? (
            <section aria-labelledby="outgoing-heading" className="card">
              <h2 id="outgoing-heading">Waiting on them ({outgoing.data.items.length})</h2>
              <ul className="connection-list">
                {outgoing.data.items.map((c) => (
                  <OutgoingRow key={c.id} connection={c} />
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <div className="stack">
          <InviteSection />
          <InviteLinks />
        </div>
      </div>
    </>
  );
}

/** After accepting, the keyboard goes to the new connection (or the page heading when it is not on the page). */
function focusConnection(accountId: string) {
  requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>(`[data-connection="${CSS.escape(accountId)}"]`);
    (row ?? document.querySelector<HTMLElement>('[data-page-heading]'))?.focus();
  });
}

function IncomingRow({ connection: c }: { connection: Connection }) {
  const accept = useAcceptConnection();
  const decline = useDeclineConnection();
  const toast = useToast();
  const busy = accept.isPending || decline.isPending;
  return (
    <li className="connection">
      <p className="connection__name">{c.account.name}</p>
      {c.email ? (
        <p className="muted connection__meta">
          {c.email} · {c.emailVerified ? 'address verified' : 'address not verified'}
        </p>
      ) : null}
      {c.message ? <blockquote className="connection__message prewrap">{c.message}</blockquote> : null}
      <p className="muted connection__meta">Asked on {formatDate(c.createdAt)}</p>
      <div className="connection__actions">
        <button
          type="button"
          className="button button--primary button--small"
          disabled={busy}
          onClick={() =>
            // mutateAsync: this row leaves the page (and unmounts) before mutate's callbacks would run.
            accept
              .mutateAsync(c.id)
              .then(() => {
                toast.show({ message: `You are connected with ${c.account.name}.` });
                focusConnection(c.account.id);
              })
              .catch((e: Error) => toast.show({ message: `Could not accept: ${e.message}`, tone: 'error' }))
          }
        >
          Accept<span className="visually-hidden"> {c.account.name}</span>
        </button>
        <ConfirmButton
          small
          label="Decline"
          labelSuffix={c.account.name}
          question={`Decline ${c.account.name}? They are not told.`}
          confirmLabel="Yes, decline"
          pending={busy}
          onConfirm={() =>
            decline.mutate(c.id, {
              onSuccess: () => toast.show({ message: `Declined ${c.account.name}.` }),
              onError: (e) => toast.show({ message: `Could not decline: ${e.message}`, tone: 'error' }),
            })
          }
        />
      </div>
    </li>
  );
}

function ConnectionRow({ connection: c }: { connection: Connection }) {
  const remove = useRemoveConnection();
  const [open, setOpen] = useState(false);
  const profile = useConnectionProfile(c.account.id, open);
  const toast = useToast();
  const position = [c.headline, c.organisation].filter(Boolean).join(' · ');
  return (
    <li className="connection" data-testid={`connection-${c.account.name}`}>
      <p className="connection__name" tabIndex={-1} data-connection={c.account.id}>
        {c.account.name}
      </p>
      {position ? <p className="connection__position">{position}</p> : null}
      <details className="connection__profile" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>What {c.account.name} offers and needs</summary>
        {profile.isPending && open ? <Loading /> : null}
        {profile.isError ? <QueryError error={profile.error} /> : null}
        {profile.data ? (
          <dl className="dl dl--compact">
            <div className="dl__row">
              <dt>Offers</dt>
              <dd>
                {profile.data.offers === null
                  ? 'Not shown'
                  : profile.data.offers.join(', ') || 'Nothing listed'}
              </dd>
            </div>
            <div className="dl__row">
              <dt>Looking for</dt>
              <dd>
                {profile.data.needs === null
                  ? 'Not shown'
                  : profile.data.needs.join(', ') || 'Nothing listed'}
              </dd>
            </div>
          </dl>
        ) : null}
      </details>
      <div className="connection__actions">
        <Link className="button button--small" to={`/network/messages/${encodeURIComponent(c.account.id)}`}>
          Message<span className="visually-hidden"> {c.account.name}</span>
        </Link>
        {c.contactId ? (
          <Link className="button button--small" to={`/contacts/${c.contactId}`}>
            Contact page<span className="visually-hidden"> of {c.account.name}</span>
          </Link>
        ) : null}
        <ConfirmButton
          small
          danger
          label="Remove"
          labelSuffix={c.account.name}
          question={`Remove ${c.account.name}? Your messages go, for both of you, and neither of you finds the other's contacts any more.`}
          confirmLabel="Yes, remove"
          pending={remove.isPending}
          onConfirm={() =>
            remove.mutate(c.id, {
              onSuccess: () => toast.show({ message: `Removed ${c.account.name} from your connections.` }),
              onError: (e) => toast.show({ message: `Could not remove: ${e.message}`, tone: 'error' }),
            })
          }
        />
      </div>
    </li>
  );
}

function OutgoingRow({ connection: c }: { connection: Connection }) {
  const remove = useRemoveConnection();
  const toast = useToast();
  return (
    <li className="connection">
      <p className="connection__name">{c.account.name}</p>
      <p className="muted connection__meta">
        {c.status === 'declined'
          ? `Declined${c.respondedAt ? ` on ${formatDate(c.respondedAt)}` : ''}`
          : `Asked on ${formatDate(c.createdAt)}`}
      </p>
      <div className="connection__actions">
        <ConfirmButton
          small
          label={c.status === 'declined' ? 'Dismiss' : 'Withdraw'}
          labelSuffix={c.account.name}
          question={
            c.status === 'declined' ? `Forget this request?` : `Withdraw your request to ${c.account.name}?`
          }
          confirmLabel={c.status === 'declined' ? 'Yes, forget it' : 'Yes, withdraw'}
          pending={remove.isPending}
          onConfirm={() =>
            remove.mutate(c.id, {
              onError: (e) => toast.show({ message: `Could not withdraw: ${e.message}`, tone: 'error' }),
            })
          }
        />
      </div>
    </li>
  );
}

const INVITE_FIELDS = ['email', 'message'] as const;

/** Invite by email (in-app when the address is a verified account) or make a one-time link to send yourself. */
function InviteSection() {
  const invite = useInvite();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(invite.error, INVITE_FIELDS, formRef);
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<InviteResult | null>(null);
  const [linkOnly, setLinkOnly] = useState(false);
  const toast = useToast();

  function send(withEmail: boolean) {
    setLinkOnly(!withEmail);
    setResult(null);
    invite.mutate(
      { ...(withEmail ? { email } : {}), message },
      {
        onSuccess: (r) => {
          setResult(r);
          setEmail('');
          setMessage('');
          if (r.connection) toast.show({ message: `${r.connection.account.name} was asked in the app.` });
          else if (r.invite?.emailed) toast.show({ message: `Invitation emailed to ${r.invite.email}.` });
        },
      },
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    send(true);
  }

  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">Invite someone to connect</h2>
      <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-label="Invite by email">
        <FormAlert message={errors.general} />
        <TextField
          label="Their email address"
          type="email"
          autoComplete="off"
          hint="Someone already on this server is asked in the app; anyone else gets a link by email."
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={linkOnly ? undefined : errors.get('email')}
        />
        <TextAreaField
          label="A note (optional)"
          maxLength={1000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          error={errors.get('message')}
        />
        <div className="form-actions form-actions--plain">
          <button
            type="submit"
            className="button button--primary"
            disabled={invite.isPending || !email.trim()}
          >
            Send invitation
          </button>
          <button type="button" className="button" disabled={invite.isPending} onClick={() => send(false)}>
            Create a one-time link
          </button>
        </div>
      </form>
      {result?.invite && !result.invite.emailed ? (
        <section className="secret" aria-labelledby="invite-link-heading">
          <h3 id="invite-link-heading">Your one-time link</h3>
          <p>
            {result.invite.email
              ? `No mail server is set up, so nothing was sent to ${result.invite.email}. `
              : ''}
            Send this link to the person yourself. <strong>It is shown only now</strong>, works once and
            expires on {formatDate(result.invite.expiresAt)}.
          </p>
          <SecretField
            id="invite-link-value"
            label="One-time invitation link"
            hideLabel
            value={result.invite.url}
          />
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setResult(null)}
          >
            I have copied it
          </button>
        </section>
      ) : null}
    </section>
  );
}

const INVITE_STATUS_WORDS: Record<Invite['status'], string> = {
  open: 'Open',
  used: 'Used',
  revoked: 'Withdrawn',
  expired: 'Expired',
};

function InviteLinks() {
  const invites = useInvites();
  const revoke = useRevokeInvite();
  const toast = useToast();
  if (!invites.data || invites.data.length === 0) return null;
  const open = invites.data.filter((i) => i.status === 'open').length;
  return (
    <section aria-labelledby="invite-links-heading" className="card">
      <h2 id="invite-links-heading">Invitation links</h2>
      <p className="muted">{plural(open, 'link')} still open. The links themselves are never shown again.</p>
      <ul className="connection-list">
        {invites.data.map((i) => (
          <li key={i.id} className="connection">
            <p className="connection__name">{i.email ?? 'Link to copy'}</p>
            <p className="muted connection__meta">
              {INVITE_STATUS_WORDS[i.status]}
              {i.usedBy ? ` by ${i.usedBy.name}` : ''} · made {formatDate(i.createdAt)}
              {i.status === 'open' ? ` · expires ${formatDate(i.expiresAt)}` : ''}
            </p>
            {i.status === 'open' ? (
              <ConfirmButton
                small
                label="Withdraw"
                labelSuffix={`the link${i.email ? ` for ${i.email}` : ''}`}
                question="Withdraw this link? It stops working."
                confirmLabel="Yes, withdraw"
                pending={revoke.isPending}
                onConfirm={() =>
                  revoke.mutate(i.id, {
                    onError: (e) =>
                      toast.show({ message: `Could not withdraw: ${e.message}`, tone: 'error' }),
                  })
                }
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
