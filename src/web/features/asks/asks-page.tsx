import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ASK_DEFAULT_DAYS, ASK_MAX_DAYS, type Ask } from '../../../contracts/asks';
import { FormAlert } from '../../ui/form-alert';
import { formatDate, plural } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { NetworkSubnav } from '../network/network-subnav';
import { PurposeField } from '../purposes/purpose-field';
import { useFormErrors } from '../relationships/use-form-errors';
import { useAsks, usePostAsk } from './use-asks';
import './asks.css';

const STATE_WORDS: Record<Ask['state'], string> = { open: 'open', closed: 'closed', expired: 'expired' };

/** The asks board: post a need to my connections, my asks with their answers, and my connections' open asks. */
export function AsksPage() {
  useDocumentTitle('Asks');
  const mine = useAsks('mine');
  const theirs = useAsks('connections');
  const mineItems = mine.data?.pages.flatMap((p) => p.items);
  const theirItems = theirs.data?.pages.flatMap((p) => p.items);
  return (
    <>
      <PageHeader
        title="Asks"
        subtitle="Tell your connections what you need, and help with what they need. No feed: only needs and answers."
      />
      <NetworkSubnav />
      <div className="split">
        <div className="stack">
          <section aria-labelledby="asks-theirs" className="card">
            <h2 id="asks-theirs">Your connections ask</h2>
            {theirs.isPending ? <Loading /> : null}
            {theirs.isError ? (
              <QueryError error={theirs.error} onRetry={() => void theirs.refetch()} />
            ) : null}
            {theirItems && theirItems.length === 0 ? (
              <p className="muted">No open asks from your connections.</p>
            ) : null}
            {theirItems && theirItems.length > 0 ? (
              <ul className="ask-list">
                {theirItems.map((a) => (
                  <li key={a.id} className="ask-row">
                    <Link to={`/asks/${a.id}`} className="ask-row__title">
                      {a.title}
                    </Link>
                    <p className="muted ask-row__meta">
                      {a.owner.name} · open until {formatDate(a.expiresOn)}
                      {a.answers.length > 0 ? ` · you answered` : ''}
                    </p>
                    {a.body ? <p className="ask-row__body prewrap">{a.body}</p> : null}
                    <Link
                      to={`/asks/${a.id}`}
                      className="button button--small"
                      aria-label={`I can help: ${a.title}`}
                    >
                      I can help
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            <LoadMore list={theirs} />
          </section>
          <section aria-labelledby="asks-mine" className="card">
            <h2 id="asks-mine">Your asks</h2>
            {mine.isPending ? <Loading /> : null}
            {mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
            {mineItems && mineItems.length === 0 ? (
              <p className="muted">You have not asked for anything yet.</p>
            ) : null}
            {mineItems && mineItems.length > 0 ? (
              <ul className="ask-list">
                {mineItems.map((a) => (
                  <li key={a.id} className="ask-row">
                    <Link to={`/asks/${a.id}`} className="ask-row__title">
                      {a.title}
                    </Link>
                    <p className="muted ask-row__meta">
                      <span className={`ask-state ask-state--${a.state}`}>{STATE_WORDS[a.state]}</span> ·{' '}
                      {plural(a.answerCount, 'answer')}
                      {a.state === 'open' ? ` · open until ${formatDate(a.expiresOn)}` : ''}
                      {a.purpose ? ` · ${a.purpose.name}` : ''}
                    </p>
                  </li>
                ))}
              </ul>
            ) : null}
            <LoadMore list={mine} />
          </section>
        </div>
        <PostAskForm />
      </div>
    </>
  );
}

const FIELDS = ['title', 'body', 'purposeId', 'days'] as const;

function PostAskForm() {
  const post = usePostAsk();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(post.error, FIELDS, formRef);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [purposeId, setPurposeId] = useState('');
  const [days, setDays] = useState(String(ASK_DEFAULT_DAYS));
  const toast = useToast();

  function submit(e: FormEvent) {
    e.preventDefault();
    post.mutate(
      { title, body, purposeId: purposeId || null, days: Number(days) },
      {
        onSuccess: (a) => {
          toast.show({ message: `Asked your connections: ${a.title}` });
          setTitle('');
          setBody('');
          setPurposeId('');
          setDays(String(ASK_DEFAULT_DAYS));
        },
      },
    );
  }

  return (
    <section aria-labelledby="ask-new" className="card">
      <h2 id="ask-new">Ask your connections</h2>
      <form ref={formRef} className="stack" aria-label="Post an ask" onSubmit={submit} noValidate>
        <FormAlert message={errors.general} />
        <TextField
          label="What do you need?"
          placeholder="e.g. A guest speaker on supply chain for March"
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.get('title')}
        />
        <TextAreaField
          label="Details (optional)"
          maxLength={4000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={errors.get('body')}
        />
        <PurposeField value={purposeId} onChange={setPurposeId} error={errors.get('purposeId')} />
        <TextField
          label="Open for (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={ASK_MAX_DAYS}
          hint={`At most ${ASK_MAX_DAYS} days; it closes by itself after that.`}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={errors.get('days')}
        />
        <div>
          <button type="submit" className="button button--primary" disabled={post.isPending}>
            Post the ask
          </button>
        </div>
      </form>
    </section>
  );
}
