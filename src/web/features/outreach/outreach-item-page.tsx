import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type OutreachItemDetail,
  type OutreachSendResult,
  SERVER_CHANNELS,
} from '../../../contracts/outreach';
import { fromDateTimeLocal, toDateTimeLocal } from '../../ui/dates';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { usePurposes } from '../purposes/use-purposes';
import { OutreachComposer } from './outreach-composer';
import { OutreachSubnav } from './outreach-subnav';
import { CHANNEL_SHORT, SOURCE_WORDS, STATE_WORDS, writtenOutsideWords } from './outreach-words';
import {
  useNextInQueue,
  useOutreachItem,
  useOutreachItemAction,
  useOutreachTemplates,
  useUndoOutreachSent,
} from './use-outreach';
import './outreach.css';

/** One person from the queue: who they are, how you are connected, and the message you write them. */
export function OutreachItemPage() {
  const { id = '' } = useParams();
  const item = useOutreachItem(id);
  useDocumentTitle(item.data ? `Outreach: ${item.data.contact.displayName}` : 'Outreach');
  return (
    <>
      <PageHeader
        title={item.data ? item.data.contact.displayName : 'Outreach'}
        subtitle={item.data ? STATE_WORDS[item.data.state] : undefined}
      />
      <OutreachSubnav />
      {item.isPending ? <Loading /> : null}
      {item.isError ? <QueryError error={item.error} onRetry={() => void item.refetch()} /> : null}
      {item.data ? <ItemView key={item.data.id} detail={item.data} /> : null}
    </>
  );
}

function ItemView({ detail }: { detail: OutreachItemDetail }) {
  const templates = useOutreachTemplates();
  const purposes = usePurposes('active');
  const action = useOutreachItemAction(detail.id);
  const navigate = useNavigate();
  const toast = useToast();
  const [writeEarly, setWriteEarly] = useState(false);
  const name = detail.contact.displayName;
  const next = useNextInQueue(detail.id).data;
  const undoSent = useUndoOutreachSent();

  /** Work through the queue one by one: on to the next person waiting. */
  function goNext(message: string, undo?: { label: string; onClick: () => Promise<void> }) {
    toast.show({ message, action: undo });
    void navigate(next ? `/outreach/items/${next.id}` : '/outreach');
  }
  // Runs from the toast, after the page moved on to the next person: back to this one, to write it again.
  async function takeBack(r: OutreachSendResult) {
    try {
      await undoSent(detail.id, r.message.id);
      toast.show({
        message:
          r.message.kind === 'first'
            ? `${name} is back in the queue.`
            : `Your follow-up to ${name} is taken back.`,
      });
      await navigate(`/outreach/items/${detail.id}`);
    } catch (e) {
      toast.show({
        message: `Could not undo: ${e instanceof Error ? e.message : 'unknown error'}`,
        tone: 'error',
      });
    }
  }
  function sent(r: OutreachSendResult) {
    // An email or a Rapport message went out: only what you marked sent yourself can be taken back.
    const own = !(SERVER_CHANNELS as readonly string[]).includes(r.message.channel);
    const how = own ? 'Marked sent' : 'Sent';
    const undo = own ? { label: 'Undo', onClick: () => takeBack(r) } : undefined;
    if (r.message.kind === 'first') goNext(`${how}: your message to ${name}.`, undo);
    else toast.show({ message: `${how}: your follow-up to ${name}.`, action: undo });
  }
  function act(
    kind: 'dismiss' | 'restore' | 'skip-follow-up' | 'replied',
    summary?: string,
    occurredAt?: string,
  ) {
    action
      .mutateAsync({ action: kind, summary, occurredAt })
      .then(() => {
        if (kind === 'dismiss') goNext(`${name} left the queue.`);
        else if (kind === 'restore') toast.show({ message: `${name} is back in the queue.` });
        else if (kind === 'replied') toast.show({ message: `Recorded: ${name} replied.` });
        else toast.show({ message: `No follow-up for ${name}; closed.` });
      })
      .catch((e: Error) => toast.show({ message: e.message, tone: 'error' }));
  }

  const composer =
    templates.data && purposes.data ? (
      <OutreachComposer
        key={`${detail.id}:${detail.state}`}
        detail={detail}
        templates={templates.data}
        purposes={purposes.data}
        onSent={sent}
      />
    ) : (
      <Loading />
    );
  const canWrite =
    detail.state === 'queued' || (detail.state === 'sent' && (detail.followUpDue || writeEarly));

  return (
    <div className="split outreach-item">
      <div className="stack">
        <PersonCard detail={detail} />
        {detail.messages.length > 0 ? <MessagesCard detail={detail} /> : null}
      </div>
      <div className="stack">
        {detail.state === 'sent' || detail.state === 'followed-up' || detail.state === 'closed' ? (
          <ReplyCard
            detail={detail}
            pending={action.isPending}
            onReplied={(note, at) => act('replied', note, at)}
          />
        ) : null}
        {detail.state === 'sent' && !canWrite ? (
          <section className="card" aria-label="Follow-up">
            <p>
              No reply yet. A follow-up is suggested on {formatDate(detail.followUpOn ?? '')} if none comes.
            </p>
            <button type="button" className="button" onClick={() => setWriteEarly(true)}>
              Write the follow-up now
            </button>
          </section>
        ) : null}
        {detail.writtenOutside ? (
          <p className="alert alert--info" data-testid="written-outside">
            {writtenOutsideWords(detail.writtenOutside, name)} {name} is not waiting in the queue any more.
            Write here only to follow this one in outreach; otherwise there is nothing to do.
          </p>
        ) : null}
        {canWrite ? <section className="card">{composer}</section> : null}
        {detail.state === 'sent' && canWrite ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={action.isPending}
            onClick={() => act('skip-follow-up')}
          >
            Skip the follow-up (close without one)
          </button>
        ) : null}
        {detail.state === 'followed-up' ? (
          <p className="muted">
            Your follow-up went out. If there is no reply by {formatDate(detail.followUpOn ?? '')}, this
            closes quietly.
          </p>
        ) : null}
        {detail.state === 'replied' ? (
          <p className="alert alert--success">
            {name} replied on {formatDate((detail.repliedAt ?? '').slice(0, 10))}.
          </p>
        ) : null}
        {detail.state === 'queued' ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={action.isPending}
            onClick={() => act('dismiss')}
          >
            Not this person (take {name} out of the queue)
          </button>
        ) : null}
        {detail.state === 'dismissed' ? (
          <button type="button" className="button" disabled={action.isPending} onClick={() => act('restore')}>
            Put {name} back in the queue
          </button>
        ) : null}
        {next ? (
          <p>
            <Link to={`/outreach/items/${next.id}`}>Next in the queue: {next.contact.displayName} →</Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}

function PersonCard({ detail }: { detail: OutreachItemDetail }) {
  const c = detail.contact;
  const connected = [
    detail.connectedOn ? `connected ${formatDate(detail.connectedOn)}` : null,
    SOURCE_WORDS[c.source] ?? null,
    detail.reason === 'added' ? 'added to the queue by hand' : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <section className="card" aria-labelledby="who-heading">
      <h2 id="who-heading">Who they are</h2>
      <dl className="dl">
        <div className="dl__row">
          <dt>Name</dt>
          <dd>
            <Link to={`/contacts/${c.id}`}>{c.displayName}</Link>
          </dd>
        </div>
        {c.title || c.organisation ? (
          <div className="dl__row">
            <dt>Works</dt>
            <dd>{[c.title, c.organisation].filter(Boolean).join(' at ')}</dd>
          </div>
        ) : null}
        {detail.person.location ? (
          <div className="dl__row">
            <dt>Where</dt>
            <dd>{detail.person.location}</dd>
          </div>
        ) : null}
        <div className="dl__row">
          <dt>How you’re connected</dt>
          <dd>{connected || 'no date known'}</dd>
        </div>
        {detail.person.howWeMet ? (
          <div className="dl__row">
            <dt>How you met</dt>
            <dd>{detail.person.howWeMet}</dd>
          </div>
        ) : null}
        {detail.invitation ? (
          <div className="dl__row">
            <dt>{detail.invitation.direction === 'incoming' ? 'Their invitation' : 'Your invitation'}</dt>
            <dd>{detail.invitation.message ? `“${detail.invitation.message}”` : 'no note'}</dd>
          </div>
        ) : null}
        {detail.rapport ? (
          <div className="dl__row">
            <dt>On Rapport</dt>
            <dd>
              Connected as{' '}
              <Link to={`/network/messages/${encodeURIComponent(detail.rapport.account.id)}`}>
                {detail.rapport.account.name}
              </Link>
              : you can send your message on Rapport, and their reply there is noticed by itself
            </dd>
          </div>
        ) : null}
        <div className="dl__row">
          <dt>Reach them</dt>
          <dd>
            {[...detail.person.emails, detail.person.linkedinUrl].filter(Boolean).join(' · ') ||
              'no email or LinkedIn'}
          </dd>
        </div>
        <div className="dl__row">
          <dt>Shared purposes</dt>
          <dd>
            {detail.purposes.length === 0
              ? 'none yet'
              : detail.purposes.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 ? ', ' : ''}
                    <Link to={`/purposes/${p.id}`}>{p.name}</Link> ({p.stage})
                  </span>
                ))}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function MessagesCard({ detail }: { detail: OutreachItemDetail }) {
  return (
    <section className="card" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages</h2>
      <ul className="outreach-messages">
        {detail.messages.map((m) => (
          <li key={m.id} className={`outreach-message outreach-message--${m.status}`}>
            <p className="outreach-message__meta">
              {m.kind === 'follow-up' ? 'Follow-up' : 'First message'} · {CHANNEL_SHORT[m.channel]} ·{' '}
              {m.status === 'sent'
                ? `sent ${formatDate((m.sentAt ?? '').slice(0, 10))}`
                : m.status === 'failed'
                  ? `failed: ${m.error}`
                  : 'sending…'}
            </p>
            {m.subject ? <p className="outreach-message__subject">{m.subject}</p> : null}
            <p className="prewrap">{m.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReplyCard({
  detail,
  pending,
  onReplied,
}: {
  detail: OutreachItemDetail;
  pending: boolean;
  /** `at`: when they replied, left out for now. */
  onReplied: (note: string, at: string | undefined) => void;
}) {
  const [note, setNote] = useState('');
  // Now unless changed: a reply that came in on LinkedIn last week is recorded with its own day.
  const [initialWhen] = useState(() => toDateTimeLocal());
  const [when, setWhen] = useState(initialWhen);
  const [whenError, setWhenError] = useState<string | null>(null);
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Did {detail.mergeValues.firstName ?? detail.contact.displayName} reply?</h2>
      <form
        className="inline-form"
        // The server checks the time (not before the message, not in the future): the picker's bounds only guide.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const at = when === initialWhen ? undefined : fromDateTimeLocal(when);
          if (at === null) {
            setWhenError('Enter a date and time.');
            return;
          }
          setWhenError(null);
          onReplied(note.trim(), at);
        }}
      >
        <TextField label="What they said (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
        <TextField
          label="When they replied"
          type="datetime-local"
          value={when}
          min={detail.sentAt ? toDateTimeLocal(new Date(detail.sentAt)) : undefined}
          max={toDateTimeLocal()}
          onChange={(e) => setWhen(e.target.value)}
          error={whenError ?? undefined}
        />
        <button type="submit" className="button button--primary" disabled={pending}>
          They replied
        </button>
      </form>
    </section>
  );
}
