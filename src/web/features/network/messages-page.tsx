import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { MESSAGE_MAX } from '../../../contracts/network';
import { FormAlert } from '../../ui/form-alert';
import { formatCount, formatDateTime } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextAreaField } from '../../ui/text-area-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useFormErrors } from '../relationships/use-form-errors';
import { NetworkSubnav } from './network-subnav';
import {
  useConnectionProfile,
  useConnections,
  useMarkThreadRead,
  useSendMessage,
  useThread,
  useThreads,
} from './use-network';
import './network.css';

/**
 * Direct messages with connections: one conversation per connection (no group sends), the list with unread counts
 * and, at `/network/messages/<account id>`, the conversation itself.
 */
export function MessagesPage() {
  const { accountId = '' } = useParams();
  useDocumentTitle('Messages');
  return (
    <>
      <PageHeader title="Messages" subtitle="Plain conversations with your connections, one per person." />
      <NetworkSubnav />
      <div className={accountId ? 'messages messages--open' : 'messages'}>
        <ThreadList current={accountId} />
        {accountId ? <ThreadView key={accountId} accountId={accountId} /> : null}
      </div>
    </>
  );
}

function ThreadList({ current }: { current: string }) {
  const threads = useThreads();
  const connections = useConnections('accepted');
  const navigate = useNavigate();
  const withThread = new Set(threads.data?.map((t) => t.account.id));
  const others = (connections.data?.items ?? []).filter((c) => !withThread.has(c.account.id));
  return (
    <section aria-labelledby="threads-heading" className="card messages__list">
      <h2 id="threads-heading">Conversations</h2>
      {threads.isPending ? <Loading /> : null}
      {threads.isError ? <QueryError error={threads.error} onRetry={() => void threads.refetch()} /> : null}
      {threads.data && threads.data.length === 0 ? <p className="muted">No messages yet.</p> : null}
      {threads.data && threads.data.length > 0 ? (
        <ul className="threads">
          {threads.data.map((t) => (
            <li key={t.connectionId}>
              <Link
                to={`/network/messages/${encodeURIComponent(t.account.id)}`}
                className={t.account.id === current ? 'thread-link thread-link--current' : 'thread-link'}
                aria-current={t.account.id === current ? 'page' : undefined}
              >
                <span className="thread-link__name">
                  {t.account.name}
                  {t.unread > 0 ? (
                    <span className="count">
                      {formatCount(t.unread)}
                      <span className="visually-hidden"> unread</span>
                    </span>
                  ) : null}
                </span>
                <span className="thread-link__preview">
                  {t.lastMessage.fromMe ? 'You: ' : ''}
                  {t.lastMessage.preview}
                </span>
                <span className="thread-link__when">{formatDateTime(t.lastMessage.createdAt)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <div className="field">
          <label htmlFor="new-thread">Write to a connection</label>
          <select
            id="new-thread"
            value=""
            onChange={(e) => {
              if (e.target.value) void navigate(`/network/messages/${encodeURIComponent(e.target.value)}`);
            }}
          >
            <option value="">Choose…</option>
            {others.map((c) => (
              <option key={c.id} value={c.account.id}>
                {c.account.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </section>
  );
}

function ThreadView({ accountId }: { accountId: string }) {
  const profile = useConnectionProfile(accountId);
  const thread = useThread(accountId);
  const markRead = useMarkThreadRead(accountId);
  const name = profile.data?.name ?? 'this connection';
  const items = thread.data?.items ?? [];
  // Newest unread message from them: when it changes, the conversation is read.
  const unreadId = items.find((m) => !m.fromMe && m.readAt === null)?.id ?? null;
  const { mutate } = markRead;

  useEffect(() => {
    if (unreadId) mutate();
  }, [unreadId, mutate]);

  if (profile.isError || thread.isError) {
    return (
      <section className="card messages__thread" aria-label="Conversation">
        <QueryError error={profile.error ?? thread.error} />
        <p>
          You can only write to your connections. <Link to="/network/connections">See your connections</Link>.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="thread-heading" className="card messages__thread">
      <Link to="/network/messages" className="messages__back">
        ← All conversations
      </Link>
      <h2 id="thread-heading">Conversation with {name}</h2>
      {profile.data?.headline ? <p className="muted">{profile.data.headline}</p> : null}
      {thread.isPending ? <Loading /> : null}
      <LoadMore list={thread} label="Show older messages" />
      {thread.data && items.length === 0 ? <p className="muted">No messages yet: say hello.</p> : null}
      {items.length > 0 ? (
        <ol className="message-list" aria-label={`Messages with ${name}, oldest first`}>
          {[...items].reverse().map((m) => (
            <li key={m.id} className={m.fromMe ? 'message message--mine' : 'message'}>
              <p className="message__meta">
                <span className="message__sender">{m.fromMe ? 'You' : m.sender.name}</span>{' '}
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                {m.fromMe && m.readAt ? <span className="muted"> · read</span> : null}
              </p>
              <p className="message__body prewrap">{m.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <MessageForm accountId={accountId} name={name} />
    </section>
  );
}

function MessageForm({ accountId, name }: { accountId: string; name: string }) {
  const [params, setParams] = useSearchParams();
  const [body, setBody] = useState(() => params.get('draft') ?? '');
  const send = useSendMessage(accountId);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(send.error, ['body'], formRef);
  const [empty, setEmpty] = useState(false);
  const length = body.trim().length;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (length === 0) {
      setEmpty(true);
      formRef.current?.querySelector('textarea')?.focus();
      return;
    }
    setEmpty(false);
    send.mutate(body, {
      onSuccess: () => {
        setBody('');
        if (params.has('draft')) setParams({}, { replace: true });
      },
    });
  }

  return (
    <form
      ref={formRef}
      className="stack message-form"
      aria-label={`Write to ${name}`}
      onSubmit={submit}
      noValidate
    >
      <FormAlert message={errors.general} />
      <TextAreaField
        label={`Message to ${name}`}
        hint={`${formatCount(length)} / ${formatCount(MESSAGE_MAX)} characters · Ctrl+Enter sends.`}
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={
          empty
            ? 'Write something first.'
            : length > MESSAGE_MAX
              ? `At most ${formatCount(MESSAGE_MAX)} characters.`
              : errors.get('body')
        }
      />
      <div>
        <button
          type="submit"
          className="button button--primary"
          disabled={send.isPending || length > MESSAGE_MAX}
        >
          Send
        </button>
      </div>
    </form>
  );
}
