import { type FormEvent, useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Ask } from '../../../contracts/asks';
import type { PersonRef } from '../../api/types';
import { ConfirmButton } from '../../ui/confirm-button';
import { FormAlert } from '../../ui/form-alert';
import { formatDate, formatDateTime, plural } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextAreaField } from '../../ui/text-area-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { STATE_BADGE } from '../introductions/intro-words';
import { ConnectionsOffering } from '../network/connections-offering';
import { NO_MAIL, withoutOperatorWords } from '../network/mail-words';
import { NetworkSubnav } from '../network/network-subnav';
import { useOnRapport } from '../network/use-network';
import { useAccountSettings } from '../profile/use-profile';
import { ContactPicker } from '../relationships/contact-picker';
import { useFormErrors } from '../relationships/use-form-errors';
import { useAnswerAsk, useAsk, useCloseAsk, useDeleteAsk } from './use-asks';
import '../introductions/introductions.css';
import './asks.css';

/** One ask: mine (answers, close with thanks, delete) or a connection's ("I can help", "I can introduce you to…"). */
export function AskPage() {
  const { id = '' } = useParams();
  const ask = useAsk(id);
  useDocumentTitle(ask.data ? ask.data.title : 'Ask');
  const a = ask.data;
  return (
    <>
      <PageHeader
        title={a ? a.title : 'Ask'}
        subtitle={
          a
            ? `${a.mine ? 'Your ask' : `${a.owner.name} asks`} · ${
                a.state === 'open' ? `open until ${formatDate(a.expiresOn)}` : a.state
              }`
            : undefined
        }
      />
      <NetworkSubnav />
      {ask.isPending ? <Loading /> : null}
      {ask.isError ? <QueryError error={ask.error} onRetry={() => void ask.refetch()} /> : null}
      {a ? (
        <div className="split">
          <div className="stack">
            <section aria-labelledby="ask-details" className="card">
              <h2 id="ask-details">The need</h2>
              {a.body ? <p className="prewrap">{a.body}</p> : <p className="muted">No details given.</p>}
              {a.purpose ? (
                <p>
                  For your purpose <Link to={`/purposes/${a.purpose.id}`}>{a.purpose.name}</Link>.
                </p>
              ) : null}
              {a.thanks ? (
                <p>
                  Your thanks: <span className="prewrap">{a.thanks}</span>
                </p>
              ) : null}
            </section>
            <Answers ask={a} />
            <ConnectionsOffering
              items={a.offering}
              title="Connections who offer something like it"
              headingId="ask-offering"
            />
          </div>
          <div className="stack">
            {a.mine && a.state === 'open' ? <CloseAskForm ask={a} /> : null}
            {!a.mine && a.state === 'open' ? <AnswerForms ask={a} /> : null}
            {a.mine ? <DeleteAsk ask={a} /> : null}
          </div>
        </div>
      ) : null}
    </>
  );
}

function Answers({ ask: a }: { ask: Ask }) {
  return (
    <section aria-labelledby="ask-answers" className="card">
      <h2 id="ask-answers">{a.mine ? `Answers (${a.answerCount})` : 'Your answers'}</h2>
      {a.answers.length === 0 ? (
        <p className="muted">{a.mine ? 'No answers yet.' : 'You have not answered yet.'}</p>
      ) : (
        <ul className="ask-answers">
          {a.answers.map((x) => (
            <li key={x.id} className="ask-answer">
              <p className="ask-answer__who">
                <strong>{x.responder.name}</strong>{' '}
                {x.kind === 'help'
                  ? 'can help'
                  : `can introduce ${a.mine ? 'you' : a.owner.name} to ${x.introduction?.targetName ?? 'someone'}`}
                <span className="muted"> · {formatDateTime(x.createdAt)}</span>
              </p>
              {x.note ? <p className="prewrap">{x.note}</p> : null}
              {x.introduction ? (
                <p>
                  <Link to={`/introductions/${x.introduction.id}`}>The introduction</Link>:{' '}
                  <span className={`intro-state intro-state--${x.introduction.state}`}>
                    {STATE_BADGE[x.introduction.state]}
                  </span>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AnswerForms({ ask: a }: { ask: Ask }) {
  const [kind, setKind] = useState<'help' | 'introduce'>('help');
  const answer = useAnswerAsk(a.id);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(answer.error, ['note', 'contactId', 'message'], formRef);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const [people, setPeople] = useState<PersonRef[]>([]);
  const [missing, setMissing] = useState<string | null>(null);
  const id = useId();
  const toast = useToast();
  const person = people[0];
  // Without mail only people on Rapport can be asked: known before offering, not after.
  const noMail = useAccountSettings().data?.mailConfigured === false;
  const onRapport = useOnRapport(person?.id ?? '', noMail && kind === 'introduce' && !!person);
  const unreachable = noMail && kind === 'introduce' && !!person && onRapport.data === null;
  const general = withoutOperatorWords(
    errors.general ?? '',
    `${NO_MAIL}, so ${person?.displayName ?? 'this person'} can’t be asked: only people on Rapport can be.`,
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind === 'help' && !note.trim()) {
      setMissing('note');
      formRef.current?.querySelector('textarea')?.focus();
      return;
    }
    if (kind === 'introduce' && !person) {
      setMissing('contactId');
      formRef.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      return;
    }
    setMissing(null);
    answer.mutate(
      kind === 'help'
        ? { kind: 'help', note }
        : { kind: 'introduce', contactId: person?.id ?? '', note, message },
      {
        onSuccess: () => {
          toast.show({
            message:
              kind === 'help'
                ? `${a.owner.name} will see that you can help.`
                : `${person?.displayName} is asked now; ${a.owner.name} sees your offer.`,
          });
          setNote('');
          setMessage('');
          setPeople([]);
        },
      },
    );
  }

  return (
    <section aria-labelledby="ask-answer" className="card">
      <h2 id="ask-answer">Answer {a.owner.name}</h2>
      <form
        ref={formRef}
        className="stack"
        aria-label={`Answer ${a.owner.name}`}
        onSubmit={submit}
        noValidate
      >
        <FormAlert message={general || undefined} />
        <fieldset className="radios">
          <legend>How can you help?</legend>
          <div className="choice choice--inline">
            <input
              id={`${id}-help`}
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'help'}
              onChange={() => setKind('help')}
            />
            <label htmlFor={`${id}-help`}>I can help</label>
          </div>
          <div className="choice choice--inline">
            <input
              id={`${id}-introduce`}
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'introduce'}
              onChange={() => setKind('introduce')}
            />
            <label htmlFor={`${id}-introduce`}>I can introduce you to…</label>
          </div>
        </fieldset>
        {kind === 'introduce' ? (
          <>
            <ContactPicker
              label="One of your contacts"
              selected={people}
              onChange={setPeople}
              error={missing === 'contactId' ? 'Choose the person to introduce.' : errors.get('contactId')}
            />
            <p className="muted">
              {noMail
                ? `They are asked straight away in the app and choose whether to accept and what to share. ${NO_MAIL}, so only people on Rapport can be asked.`
                : 'They are asked straight away (in the app or by a one-time email link) and choose whether to accept and what to share.'}{' '}
              Nothing is shared before they say yes.
            </p>
            <TextAreaField
              label={`A note for ${a.owner.name} (optional)`}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={errors.get('note')}
            />
            <TextAreaField
              label={`A note to ${person?.displayName ?? 'the person'} (optional)`}
              maxLength={2000}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              error={errors.get('message')}
            />
          </>
        ) : (
          <TextAreaField
            label="How you can help"
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={missing === 'note' ? 'Say how you can help.' : errors.get('note')}
          />
        )}
        <div className="stack">
          {unreachable ? (
            <p id={`${id}-reach`} className="alert alert--warning">
              {NO_MAIL}, so {person?.displayName} can’t be asked: they are not on Rapport, and a one-time link
              by email is the only way to reach them. Choose someone on Rapport, or answer “I can help”.
            </p>
          ) : null}
          <div>
            <button
              type="submit"
              className="button button--primary"
              disabled={answer.isPending || unreachable}
              aria-describedby={unreachable ? `${id}-reach` : undefined}
            >
              {kind === 'help' ? 'Send' : 'Offer the introduction'}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}

function CloseAskForm({ ask: a }: { ask: Ask }) {
  const close = useCloseAsk(a.id);
  const [thank, setThank] = useState<string[]>([]);
  const [thanks, setThanks] = useState('');
  const toast = useToast();
  const id = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    close.mutate(
      { thank, thanks },
      {
        onSuccess: (r) => {
          const skipped = r.favoursSkipped.length
            ? ` No favour recorded for ${r.favoursSkipped.map((p) => p.name).join(', ')}: they are not in your contacts.`
            : '';
          toast.show({
            message: `Closed${thank.length ? `, with thanks for ${plural(thank.length, 'answer')}` : ''}.${skipped}`,
          });
        },
      },
    );
  }

  return (
    <section aria-labelledby="ask-close" className="card">
      <h2 id="ask-close">Close the ask</h2>
      <form className="stack" aria-label="Close the ask" onSubmit={submit} noValidate>
        <FormAlert message={close.error?.message} />
        {a.answers.length > 0 ? (
          <fieldset className="radios">
            <legend>
              Which answers helped? A favour is recorded with each person, and they get your thanks.
            </legend>
            {a.answers.map((x) => (
              <div key={x.id} className="choice choice--inline">
                <input
                  id={`${id}-${x.id}`}
                  type="checkbox"
                  checked={thank.includes(x.id)}
                  onChange={(e) =>
                    setThank((t) => (e.target.checked ? [...t, x.id] : t.filter((y) => y !== x.id)))
                  }
                />
                <label htmlFor={`${id}-${x.id}`}>
                  {x.responder.name}:{' '}
                  {x.kind === 'help'
                    ? (x.note ?? 'can help')
                    : `introduction to ${x.introduction?.targetName ?? 'someone'}`}
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        {thank.length > 0 ? (
          <TextAreaField
            label="Your thanks (optional)"
            maxLength={2000}
            value={thanks}
            onChange={(e) => setThanks(e.target.value)}
          />
        ) : null}
        <div>
          <button type="submit" className="button button--primary" disabled={close.isPending}>
            {thank.length > 0 ? 'Close with thanks' : 'Close the ask'}
          </button>
        </div>
      </form>
    </section>
  );
}

function DeleteAsk({ ask: a }: { ask: Ask }) {
  const remove = useDeleteAsk(a.id);
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <div>
      <ConfirmButton
        danger
        label="Delete the ask"
        question="Delete it and its answers?"
        confirmLabel="Yes, delete"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast.show({ message: `Deleted “${a.title}”.` });
              void navigate('/asks');
            },
            onError: (e) => toast.show({ message: `Could not delete: ${e.message}`, tone: 'error' }),
          })
        }
      />
    </div>
  );
}
