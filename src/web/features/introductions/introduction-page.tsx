import { type FormEvent, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Introduction, ShareKind } from '../../../contracts/introductions';
import { ConfirmButton } from '../../ui/confirm-button';
import { FormAlert } from '../../ui/form-alert';
import { formatDate, formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextAreaField } from '../../ui/text-area-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { NO_MAIL, withoutOperatorWords } from '../network/mail-words';
import { NetworkSubnav } from '../network/network-subnav';
import { useAccountSettings } from '../profile/use-profile';
import { useFormErrors } from '../relationships/use-form-errors';
import {
  introNoteLabel,
  introOrigin,
  introStateWords,
  introTitle,
  reachWords,
  STATE_BADGE,
  sharedHeading,
} from './intro-words';
import {
  useBrokerDecision,
  useIntroduction,
  useReportOutcome,
  useTargetDecision,
  useWithdrawIntroduction,
} from './use-introductions';
import './introductions.css';

const SHARE_WORDS: Record<ShareKind, string> = {
  email: 'My email address',
  phone: 'My phone number',
  linkedin: 'My LinkedIn profile',
};

/** One introduction as my role sees it, with what I can do now (decide, withdraw, report, thank). */
export function IntroductionPage() {
  const { id = '' } = useParams();
  const intro = useIntroduction(id);
  useDocumentTitle(intro.data ? introTitle(intro.data) : 'Introduction');
  return (
    <>
      <PageHeader
        title={intro.data ? introTitle(intro.data) : 'Introduction'}
        subtitle={intro.data ? introStateWords(intro.data) : undefined}
      />
      <NetworkSubnav />
      {intro.isPending ? <Loading /> : null}
      {intro.isError ? <QueryError error={intro.error} onRetry={() => void intro.refetch()} /> : null}
      {intro.data ? <IntroductionView intro={intro.data} /> : null}
    </>
  );
}

/** The introduction's sections for my role (exported for tests). */
export function IntroductionView({ intro: i }: { intro: Introduction }) {
  return (
    <div className="split">
      <div className="stack">
        <section aria-labelledby="intro-about" className="card">
          {/* The badge beside the heading, not in it: the heading reads "The request", the state on its own. */}
          <div className="intro-heading">
            <h2 id="intro-about">The request</h2>
            <span className={`intro-state intro-state--${i.state}`}>
              <span className="visually-hidden">State: </span>
              {STATE_BADGE[i.state]}
            </span>
          </div>
          <p>{introOrigin(i)}</p>
          <blockquote className="intro-quote prewrap">{i.why}</blockquote>
          {i.message ? (
            <>
              <p>{introNoteLabel(i)}</p>
              <blockquote className="intro-quote prewrap">{i.message}</blockquote>
            </>
          ) : null}
          <dl className="dl dl--compact">
            {i.purpose ? (
              <div className="dl__row">
                <dt>For your purpose</dt>
                <dd>
                  <Link to={`/purposes/${i.purpose.id}`}>{i.purpose.name}</Link>
                </dd>
              </div>
            ) : null}
            <div className="dl__row">
              <dt>Asked</dt>
              <dd>{formatDateTime(i.createdAt)}</dd>
            </div>
            {i.closedAt ? (
              <div className="dl__row">
                <dt>Closed</dt>
                <dd>{formatDateTime(i.closedAt)}</dd>
              </div>
            ) : (
              <div className="dl__row">
                <dt>Expires</dt>
                <dd>{formatDate(i.expiresAt)}</dd>
              </div>
            )}
            {i.privateReason ? (
              <div className="dl__row">
                <dt>Your private reason</dt>
                <dd className="prewrap">{i.privateReason}</dd>
              </div>
            ) : null}
          </dl>
        </section>
        {i.shared ? <SharedSection intro={i} /> : null}
      </div>
      <div className="stack">
        {i.role === 'broker' && i.state === 'requested' ? <BrokerDecision intro={i} /> : null}
        {i.role === 'target' && i.state === 'awaiting-target' ? <TargetDecision intro={i} /> : null}
        {i.role === 'requester' ? <RequesterActions intro={i} /> : null}
      </div>
    </div>
  );
}

/** Once introduced: exactly what the person agreed to share. */
function SharedSection({ intro: i }: { intro: Introduction }) {
  const s = i.shared;
  if (!s) return null;
  const nothing = !s.email && !s.phone && !s.linkedinUrl;
  return (
    <section aria-labelledby="intro-shared" className="card">
      <h2 id="intro-shared">{sharedHeading(i)}</h2>
      {nothing ? (
        <p>Only the name: write through the introduction email.</p>
      ) : (
        <dl className="dl dl--compact">
          {s.email ? (
            <div className="dl__row">
              <dt>Email</dt>
              <dd>
                <a href={`mailto:${s.email}`}>{s.email}</a>
              </dd>
            </div>
          ) : null}
          {s.phone ? (
            <div className="dl__row">
              <dt>Phone</dt>
              <dd>
                <a href={`tel:${s.phone}`}>{s.phone}</a>
              </dd>
            </div>
          ) : null}
          {s.linkedinUrl ? (
            <div className="dl__row">
              <dt>LinkedIn</dt>
              <dd>
                <a href={s.linkedinUrl} rel="noopener noreferrer" target="_blank">
                  {s.linkedinUrl}
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
      )}
      {i.role === 'requester' && i.target.contactId ? (
        <p>
          <Link to={`/contacts/${i.target.contactId}`} className="button">
            Open {i.target.name}’s contact page
          </Link>
        </p>
      ) : null}
    </section>
  );
}

const BROKER_FIELDS = ['message', 'reason'] as const;

function BrokerDecision({ intro: i }: { intro: Introduction }) {
  const decide = useBrokerDecision(i.id);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(decide.error, BROKER_FIELDS, formRef);
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const [declining, setDeclining] = useState(false);
  const toast = useToast();
  const settings = useAccountSettings();
  const reach = reachWords(i, settings.data?.mailConfigured);
  const cannot = reach?.blocked ?? false;
  const reachId = useId();

  function submit(e: FormEvent) {
    e.preventDefault();
    decide.mutate(declining ? { decision: 'decline', reason } : { decision: 'accept', message }, {
      onSuccess: () =>
        toast.show({
          message: declining
            ? `Declined. ${i.requester.name} only learns that it is not happening.`
            : `Accepted: ${i.target.name} is asked now.`,
        }),
    });
  }

  return (
    <section aria-labelledby="broker-decide" className="card">
      <h2 id="broker-decide">Your decision</h2>
      {reach ? (
        <p id={reachId} className={cannot ? 'alert alert--warning' : 'muted'}>
          {reach.text}
        </p>
      ) : null}
      <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-label="Accept or decline">
        <FormAlert
          message={
            errors.general &&
            withoutOperatorWords(errors.general, `${NO_MAIL}, so ${i.target.name} can’t be asked.`)
          }
        />
        <fieldset className="radios">
          <legend>Will you introduce them?</legend>
          <div className="choice choice--inline">
            <input
              id="broker-accept"
              type="radio"
              name="broker-decision"
              checked={!declining && !cannot}
              disabled={cannot}
              aria-describedby={cannot ? reachId : undefined}
              onChange={() => setDeclining(false)}
            />
            <label htmlFor="broker-accept">Yes, ask {i.target.name}</label>
          </div>
          <div className="choice choice--inline">
            <input
              id="broker-decline"
              type="radio"
              name="broker-decision"
              checked={declining || cannot}
              onChange={() => setDeclining(true)}
            />
            <label htmlFor="broker-decline">No, decline</label>
          </div>
        </fieldset>
        {declining || cannot ? (
          <TextAreaField
            label="A reason, for you alone (optional)"
            hint={`${i.requester.name} only ever sees “declined”; nothing about ${i.target.name} is revealed.`}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={errors.get('reason')}
          />
        ) : (
          <TextAreaField
            label={`A note to ${i.target.name} (optional)`}
            hint={`Sent with ${i.requester.name}’s reasons. ${i.target.name} then chooses to accept and what to share.`}
            maxLength={2000}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            error={errors.get('message')}
          />
        )}
        <div>
          {declining || cannot ? (
            <button type="submit" className="button button--danger" disabled={decide.isPending}>
              Decline the request
            </button>
          ) : (
            <button type="submit" className="button button--primary" disabled={decide.isPending}>
              Accept and ask {i.target.name}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function TargetDecision({ intro: i }: { intro: Introduction }) {
  const decide = useTargetDecision(i.id);
  const [share, setShare] = useState<ShareKind[]>([]);
  const id = useId();
  const toast = useToast();
  const options = i.shareOptions ?? [];
  const error = decide.error;
  return (
    <section aria-labelledby="target-decide" className="card stack">
      <h2 id="target-decide">Your decision</h2>
      <FormAlert message={error?.message} />
      <fieldset className="radios">
        <legend>If you accept, {i.requester.name} receives (nothing else about you):</legend>
        {options.length === 0 ? (
          <p className="muted">Your name only: they write to you through the introduction email.</p>
        ) : (
          options.map((o) => (
            <div key={o.kind} className="choice">
              <input
                id={`${id}-${o.kind}`}
                type="checkbox"
                checked={share.includes(o.kind)}
                onChange={(e) =>
                  setShare((s) => (e.target.checked ? [...s, o.kind] : s.filter((k) => k !== o.kind)))
                }
              />
              <label htmlFor={`${id}-${o.kind}`}>
                {SHARE_WORDS[o.kind]}
                <span className="choice__hint">{o.value}</span>
              </label>
            </div>
          ))
        )}
      </fieldset>
      <div className="form-actions form-actions--plain">
        <button
          type="button"
          className="button button--primary"
          disabled={decide.isPending}
          onClick={() =>
            decide.mutate(
              { decision: 'accept', share },
              { onSuccess: () => toast.show({ message: `You are introduced to ${i.requester.name}.` }) },
            )
          }
        >
          Accept the introduction
        </button>
        <ConfirmButton
          label="Decline"
          question={`Decline? ${i.requester.name} only learns that it is not happening; ${i.broker.name}, who asked you, hears that you said no.`}
          confirmLabel="Yes, decline"
          pending={decide.isPending}
          onConfirm={() =>
            decide.mutate(
              { decision: 'decline' },
              { onSuccess: () => toast.show({ message: 'Declined. Nothing about you was shared.' }) },
            )
          }
        />
      </div>
    </section>
  );
}

function RequesterActions({ intro: i }: { intro: Introduction }) {
  const withdraw = useWithdrawIntroduction(i.id);
  const toast = useToast();
  const open = i.state === 'requested' || i.state === 'awaiting-target';
  if (open) {
    return (
      <section aria-labelledby="intro-wait" className="card stack">
        <h2 id="intro-wait">While you wait</h2>
        <p>
          {`${i.broker.name} decides first. If they agree, ${i.target.name} is asked and chooses what to share; you hear when it is settled, not who decided.`}{' '}
          It expires on {formatDate(i.expiresAt)} if nobody answers.
        </p>
        <div>
          <ConfirmButton
            label="Withdraw the request"
            question="Withdraw it? Nobody is asked any more."
            confirmLabel="Yes, withdraw"
            danger
            pending={withdraw.isPending}
            onConfirm={() =>
              withdraw.mutate(undefined, {
                onSuccess: () => toast.show({ message: 'Request withdrawn.' }),
                onError: (e) => toast.show({ message: `Could not withdraw: ${e.message}`, tone: 'error' }),
              })
            }
          />
        </div>
      </section>
    );
  }
  if (i.state === 'introduced') {
    const draft = `Thank you for introducing me to ${i.target.name}!`;
    return (
      <>
        <section aria-labelledby="intro-thanks" className="card stack">
          <h2 id="intro-thanks">Thank {i.broker.name}</h2>
          <p>
            {i.broker.name} did you a favour: it is recorded in your <Link to="/favours">favours</Link>.
          </p>
          <p>
            <Link
              className="button"
              to={`/network/messages/${encodeURIComponent(i.broker.accountId)}?draft=${encodeURIComponent(draft)}`}
            >
              Write {i.broker.name} a thank-you
            </Link>
          </p>
        </section>
        <OutcomeForm intro={i} />
      </>
    );
  }
  return (
    <section aria-labelledby="intro-closed" className="card">
      <h2 id="intro-closed">{introStateWords(i)}</h2>
      <p className="muted">
        {i.state === 'declined'
          ? 'No reason is given, and nothing about the person was shared. You can ask again in 90 days.'
          : i.state === 'expired'
            ? 'Nobody answered in time. You can ask again.'
            : 'You withdrew it.'}
      </p>
    </section>
  );
}

function OutcomeForm({ intro: i }: { intro: Introduction }) {
  const report = useReportOutcome(i.id);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(report.error, ['outcome'], formRef);
  const [outcome, setOutcome] = useState(i.outcome ?? '');
  const toast = useToast();
  return (
    <section aria-labelledby="outcome" className="card" id="outcome-section">
      <h2 id="outcome">How did it go?</h2>
      <form
        ref={formRef}
        className="stack"
        aria-label="Report the outcome"
        onSubmit={(e) => {
          e.preventDefault();
          report.mutate(outcome, { onSuccess: () => toast.show({ message: 'Outcome saved.' }) });
        }}
        noValidate
      >
        <FormAlert message={errors.general} />
        <TextAreaField
          label="The outcome (only you see it)"
          hint="e.g. “Met for coffee; she will speak in March.”"
          maxLength={2000}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          error={errors.get('outcome')}
        />
        <div>
          <button type="submit" className="button button--primary" disabled={report.isPending}>
            Save the outcome
          </button>
        </div>
      </form>
    </section>
  );
}
