import { Link, useSearchParams } from 'react-router';
import type { Invitation, InvitationDirection } from '../../../contracts/invitations';
import { formatDate } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { OutreachSubnav } from '../outreach/outreach-subnav';
import { newContactLink } from './new-contact-link';
import { useInvitations } from './use-invitations';
import '../outreach/outreach.css';
import './invitations.css';

interface View {
  direction: InvitationDirection | '';
  label: string;
  none: string;
}
const ALL: View = { direction: '', label: 'All', none: 'No LinkedIn invitations yet.' };
const VIEWS: View[] = [
  ALL,
  { direction: 'outgoing', label: 'Sent by me', none: 'No invitations you sent are waiting.' },
  { direction: 'incoming', label: 'Received', none: 'No invitations to you are waiting.' },
];

/**
 * Pending LinkedIn invitations from the imports, sent and received, newest first, with the note of each. A person
 * who is in the contacts now links there; anyone else can be added from here.
 */
export function InvitationsPage() {
  useDocumentTitle('LinkedIn invitations');
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v.direction === params.get('direction')) ?? ALL;
  const invitations = useInvitations(view.direction);
  const items = invitations.data?.pages.flatMap((p) => p.items);

  return (
    <>
      <PageHeader
        title="LinkedIn invitations"
        subtitle="Invitations still pending when you exported from LinkedIn, with the note that went with each; one accepted since says so."
      />
      <OutreachSubnav />
      <nav aria-label="Which invitations" className="outreach-views invitations-views">
        <ul>
          {VIEWS.map((v) => (
            <li key={v.label}>
              <button
                type="button"
                className={v === view ? 'chip chip--link outreach-view--current' : 'chip chip--link'}
                aria-pressed={v === view}
                onClick={() => setParams(v.direction ? { direction: v.direction } : {}, { replace: true })}
              >
                {v.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {invitations.isPending ? <Loading /> : null}
      {invitations.isError ? (
        <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : null}
      {items && items.length === 0 ? (
        <p className="muted empty" role="status">
          {view.none}{' '}
          {view.direction === '' ? (
            <>
              They come with a LinkedIn data export (its Invitations.csv):{' '}
              <Link to="/import">import one</Link>.
            </>
          ) : null}
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="outreach-list" aria-label="Invitations">
          {items.map((i) => (
            <InvitationRow key={i.id} invitation={i} />
          ))}
        </ul>
      ) : null}
      <LoadMore list={invitations} />
    </>
  );
}

function InvitationRow({ invitation: i }: { invitation: Invitation }) {
  const sent = i.direction === 'outgoing';
  return (
    <li className="outreach-row invitation-row">
      <div className="outreach-row__text">
        {i.contact ? (
          <Link to={`/contacts/${i.contact.id}`} className="outreach-row__name">
            {i.contact.displayName}
          </Link>
        ) : (
          <span className="outreach-row__name">{i.name}</span>
        )}
        <span className="outreach-row__meta">
          {sent ? 'Sent by me' : 'Received'}
          {i.sentOn ? ` on ${formatDate(i.sentOn)}` : ''}
          {' · '}
          {i.acceptedOn
            ? `accepted: connected on ${formatDate(i.acceptedOn)}`
            : i.contact
              ? 'pending · in your contacts'
              : 'pending · not in your contacts yet'}
          {i.contact && i.contact.displayName !== i.name ? ` (LinkedIn name: ${i.name})` : ''}
        </span>
        {i.message ? (
          <blockquote className="invitation-row__note" aria-label={`Note ${sent ? 'to' : 'from'} ${i.name}`}>
            {i.message}
          </blockquote>
        ) : (
          <span className="muted">No note.</span>
        )}
      </div>
      <div className="invitation-row__actions">
        {i.profileUrl ? (
          <a
            href={i.profileUrl}
            className="button button--small"
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`${i.name} on LinkedIn (opens a new tab)`}
          >
            LinkedIn
          </a>
        ) : null}
        {i.contact ? null : (
          <Link
            to={newContactLink(i)}
            className="button button--small button--primary"
            aria-label={`Add as contact: ${i.name}`}
          >
            Add as contact
          </Link>
        )}
      </div>
    </li>
  );
}
