import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useToast } from '../../ui/use-toast';
import { type OnRapport, useContactSharing, useInvite, useOnRapport, useUpdateSharing } from './use-network';

const SHARE_OPTIONS = [
  { value: 'default', label: 'Follow tags' },
  { value: 'findable', label: 'Yes' },
  { value: 'private', label: 'No' },
] as const;

/**
 * On a contact's page: whether they are on Rapport (and our connection, or "Invite to connect"), and whether my
 * connections can find them (follow tags / yes / no), with why.
 */
export function ContactNetwork({ contactId, name }: { contactId: string; name: string }) {
  const sharing = useContactSharing(contactId);
  const update = useUpdateSharing();
  const toast = useToast();
  const id = useId();
  // The choice shows at once; the server's answer (and the "why" line) follows.
  const [choice, setChoice] = useState<(typeof SHARE_OPTIONS)[number]['value'] | null>(null);
  const s = sharing.data;
  return (
    <section aria-labelledby={`${id}-heading`} className="card contact-network">
      <h2 id={`${id}-heading`}>Network</h2>
      <OnRapportLine contactId={contactId} name={name} />
      {s ? (
        <fieldset className="radios">
          <legend>Connections can find this contact</legend>
          {SHARE_OPTIONS.map((o) => (
            <div key={o.value} className="choice choice--inline">
              <input
                id={`${id}-share-${o.value}`}
                type="radio"
                name={`${id}-share`}
                checked={(choice ?? s.share) === o.value}
                onChange={() => {
                  setChoice(o.value);
                  update.mutate(
                    { kind: 'contacts', contactIds: [contactId], share: o.value },
                    {
                      onSettled: () => setChoice(null),
                      onError: (e) => toast.show({ message: `Could not save: ${e.message}`, tone: 'error' }),
                    },
                  );
                }}
              />
              <label htmlFor={`${id}-share-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {s ? (
        <p className="muted" role="status">
          {s.findable
            ? `Findable now${s.share === 'findable' ? ' (your choice for this contact)' : s.findableTags.length ? ` through the tag${s.findableTags.length === 1 ? '' : 's'} ${s.findableTags.join(', ')}` : ''}: connections who search see the name, organisation and title, never the details.`
            : `Private: your connections cannot find ${name}.`}{' '}
          <Link to="/network/sharing">Everything you share</Link>
        </p>
      ) : null}
      <p>
        <Link to={`/network/paths?contactId=${encodeURIComponent(contactId)}`}>Warm paths to {name}</Link>
        <span className="muted"> through your connections</span>
      </p>
    </section>
  );
}

function OnRapportLine({ contactId, name }: { contactId: string; name: string }) {
  const match = useOnRapport(contactId);
  const invite = useInvite();
  const toast = useToast();
  const m: OnRapport | null | undefined = match.data;
  if (!m) return null;
  const status = m.connection?.status;
  return (
    <p className="on-rapport">
      <span className="badge badge--strong">On Rapport</span> as {m.account.name}
      {m.match === 'linkedin' ? <span className="muted"> (by their LinkedIn profile)</span> : null}.{' '}
      {status === 'accepted' ? (
        <>
          You are connected.{' '}
          <Link to={`/network/messages/${encodeURIComponent(m.account.id)}`}>Message {m.account.name}</Link>
        </>
      ) : status === 'incoming' ? (
        <>
          They asked to connect: <Link to="/network/connections">answer on your connections page</Link>.
        </>
      ) : status === 'outgoing' ? (
        'You asked to connect; waiting on them.'
      ) : status === 'declined' ? (
        'They declined your request to connect.'
      ) : (
        <button
          type="button"
          className="button button--small button--primary"
          disabled={invite.isPending}
          onClick={() =>
            invite.mutate(
              { contactId },
              {
                onSuccess: () => toast.show({ message: `Asked ${m.account.name} to connect.` }),
                onError: (e) => toast.show({ message: `Could not invite: ${e.message}`, tone: 'error' }),
              },
            )
          }
        >
          Invite to connect<span className="visually-hidden"> with {name}</span>
        </button>
      )}
    </p>
  );
}
