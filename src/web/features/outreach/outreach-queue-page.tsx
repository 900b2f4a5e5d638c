import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { OutreachItem } from '../../../contracts/outreach';
import type { PersonRef } from '../../api/types';
import { formatDate } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { usePurposes } from '../purposes/use-purposes';
import { ContactPicker } from '../relationships/contact-picker';
import { OutreachSubnav } from './outreach-subnav';
import { CHANNEL_SHORT, STATE_WORDS } from './outreach-words';
import { type QueueView, useAddToOutreach, useOutreachItemAction, useOutreachQueue } from './use-outreach';
import './outreach.css';

const VIEWS: { view: QueueView; label: string; count?: 'queued' | 'awaiting' | 'followUpDue' | 'replied' }[] =
  [
    { view: 'queued', label: 'Waiting for a message', count: 'queued' },
    { view: 'follow-up', label: 'Follow-ups due', count: 'followUpDue' },
    { view: 'awaiting', label: 'Awaiting a reply', count: 'awaiting' },
    { view: 'replied', label: 'Replied', count: 'replied' },
    { view: 'closed', label: 'Closed' },
    { view: 'dismissed', label: 'Dismissed' },
  ];

/** The outreach queue: new connections waiting for a personal message, newest first (or who waited longest); the other views by tab. */
export function OutreachQueuePage() {
  useDocumentTitle('Outreach');
  const [params, setParams] = useSearchParams();
  const view = (VIEWS.find((v) => v.view === params.get('view'))?.view ?? 'queued') as QueueView;
  const purpose = params.get('purpose') ?? '';
  const order = params.get('order') === 'oldest' ? 'oldest' : 'newest';
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const queue = useOutreachQueue(view, purpose, q, order);
  const purposes = usePurposes('active');
  const id = useId();
  const items = queue.data?.pages.flatMap((p) => p.items);
  const counts = queue.data?.pages[0]?.counts;
  const first = view === 'queued' ? items?.[0] : undefined;

  function set(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  return (
    <>
      <PageHeader
        title="Outreach"
        subtitle="Every new connection gets a personal message — about a quarter reply, and those are the ones that become real."
        actions={
          first ? (
            <Link className="button button--primary" to={`/outreach/items/${first.id}`}>
              Start with {first.contact.displayName}
            </Link>
          ) : null
        }
      />
      <OutreachSubnav />
      <div className="outreach-toolbar">
        <nav aria-label="Queue views" className="outreach-views">
          <ul>
            {VIEWS.map((v) => {
              const n = v.count && counts ? counts[v.count] : null;
              return (
                <li key={v.view}>
                  <button
                    type="button"
                    className={v.view === view ? 'chip chip--link outreach-view--current' : 'chip chip--link'}
                    aria-pressed={v.view === view}
                    onClick={() => set('view', v.view === 'queued' ? '' : v.view)}
                  >
                    {v.label}
                    {n !== null ? ` (${n})` : ''}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="filters">
          <div className="field field--filter">
            <label htmlFor={`${id}-q`}>Name or phone</label>
            <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <div className="field field--filter">
            <label htmlFor={`${id}-purpose`}>Purpose</label>
            <select id={`${id}-purpose`} value={purpose} onChange={(e) => set('purpose', e.target.value)}>
              <option value="">Any purpose</option>
              {(purposes.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          {view === 'queued' || view === 'all' ? (
            <div className="field field--filter">
              <label htmlFor={`${id}-order`}>Order</label>
              <select id={`${id}-order`} value={order} onChange={(e) => set('order', e.target.value)}>
                <option value="newest">Newest connection first</option>
                <option value="oldest">Waiting longest first</option>
              </select>
            </div>
          ) : null}
        </div>
      </div>
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {items && items.length === 0 ? (
        <p className="muted empty">
          {view === 'queued'
            ? 'Nobody is waiting for a message. New connections (from a LinkedIn import, or contacts added with a recent connection date) appear here; older ones can be added below.'
            : 'Nobody here.'}
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="outreach-list" aria-label={VIEWS.find((v) => v.view === view)?.label}>
          {items.map((item) => (
            <QueueRow key={item.id} item={item} />
          ))}
        </ul>
      ) : null}
      <LoadMore list={queue} />
      {view === 'queued' ? (
        <AddPeople purposes={(purposes.data ?? []).map((p) => ({ id: p.id, name: p.name }))} />
      ) : null}
    </>
  );
}

function QueueRow({ item }: { item: OutreachItem }) {
  const action = useOutreachItemAction(item.id);
  const toast = useToast();
  const c = item.contact;
  const awaiting = item.state === 'sent' || item.state === 'followed-up' || item.state === 'closed';
  return (
    <li className="outreach-row">
      <div className="outreach-row__text">
        <Link to={`/outreach/items/${item.id}`} className="outreach-row__name">
          {c.displayName}
        </Link>
        <span className="muted">{[c.title, c.organisation].filter(Boolean).join(' · ')}</span>
        <span className="outreach-row__meta">
          {item.connectedOn ? `connected ${formatDate(item.connectedOn)}` : 'no connection date'}
          {item.purpose ? ` · ${item.purpose.name}` : ''}
          {item.lastMessage?.status === 'sent' ? ` · ${CHANNEL_SHORT[item.lastMessage.channel]}` : ''}
          {' · '}
          {item.writtenOutside
            ? `written to outside outreach on ${formatDate(item.writtenOutside.at)}`
            : STATE_WORDS[item.state]}
          {item.followUpDue ? ' · follow-up due' : ''}
        </span>
        {item.lastMessage?.status === 'failed' ? (
          <span className="badge outreach-row__failed">Email failed: {item.lastMessage.error}</span>
        ) : null}
      </div>
      {awaiting ? (
        <button
          type="button"
          className="button button--small"
          disabled={action.isPending}
          aria-label={`They replied: ${c.displayName}`}
          onClick={() =>
            // mutateAsync: the row leaves this view (and unmounts) before mutate's callbacks would run.
            action
              .mutateAsync({ action: 'replied' })
              .then(() => toast.show({ message: `Recorded: ${c.displayName} replied.` }))
              .catch((e: Error) => toast.show({ message: e.message, tone: 'error' }))
          }
        >
          They replied
        </button>
      ) : item.state === 'queued' && !item.writtenOutside ? (
        <Link
          to={`/outreach/items/${item.id}`}
          className="button button--small"
          aria-label={`Write to ${c.displayName}`}
        >
          Write
        </Link>
      ) : null}
    </li>
  );
}

/** Older connections never enter by themselves: pick one or many and add them. */
function AddPeople({ purposes }: { purposes: { id: string; name: string }[] }) {
  const [people, setPeople] = useState<PersonRef[]>([]);
  const [purposeId, setPurposeId] = useState('');
  const add = useAddToOutreach();
  const toast = useToast();
  const id = useId();
  return (
    <section className="card outreach-add" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Add older connections</h2>
      <p className="muted">
        Connections from the last 30 days enter by themselves; add anyone else on purpose.
      </p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (people.length === 0) return;
          add.mutate(
            { contactIds: people.map((p) => p.id), purposeId: purposeId || null },
            {
              onSuccess: (r) => {
                setPeople([]);
                toast.show({
                  message: `Added ${r.added} to the queue${r.alreadyQueued ? `; ${r.alreadyQueued} already there` : ''}.`,
                });
              },
            },
          );
        }}
      >
        <ContactPicker label="People" selected={people} onChange={setPeople} multiple hideLegend />
        <div className="field">
          <label htmlFor={`${id}-purpose`}>For the purpose (optional)</label>
          <select id={`${id}-purpose`} value={purposeId} onChange={(e) => setPurposeId(e.target.value)}>
            <option value="">No particular purpose</option>
            {purposes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {add.error ? (
          <p className="alert alert--error" role="alert">
            {add.error.message}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={people.length === 0 || add.isPending}>
            Add to the queue
          </button>
        </div>
      </form>
    </section>
  );
}
