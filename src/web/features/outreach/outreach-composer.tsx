import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import {
  channelHasSubject,
  MERGE_FIELDS,
  OUTREACH_CHANNELS,
  type OutreachChannel,
  type OutreachDraft,
  type OutreachItemDetail,
  type OutreachSendInput,
  type OutreachSendResult,
  type OutreachTemplate,
  SERVER_CHANNELS,
} from '../../../contracts/outreach';
import type { Purpose } from '../../../contracts/purposes';
import { isApiError } from '../../api/client';
import { CopyButton } from '../../ui/copy-button';
import { fromDateTimeLocal, toDateTimeLocal } from '../../ui/dates';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import {
  CHANNEL_WORDS,
  channelUnavailable,
  draftCheck,
  linkedinCounter,
  mailtoLink,
  newSendKey,
  startFromTemplate,
  startingChannel,
} from './outreach-words';
import { useOutreachPreview, useSendOutreach } from './use-outreach';

/**
 * Writes one personal message: a template to start from, the purpose it serves, the channel, and the text with
 * merge fields previewed for this person. The personal-line rule is explained as you type; the server's checks
 * (the same text to someone else, email set up) arrive a moment later. Email, and a message on Rapport to a
 * connection, are sent by the server; other channels are copied or opened, then marked sent. One send key per
 * draft: a double click never sends twice.
 */
export function OutreachComposer({
  detail,
  templates,
  purposes,
  onSent,
}: {
  detail: OutreachItemDetail;
  templates: OutreachTemplate[];
  purposes: Purpose[];
  onSent: (result: OutreachSendResult) => void;
}) {
  const s = detail.suggestion;
  const [templateId, setTemplateId] = useState<string | null>(s.templateId);
  const [purposeId, setPurposeId] = useState<string | null>(s.purposeId);
  const [channel, setChannel] = useState<OutreachChannel>(() => startingChannel(s.channel, detail.person));
  const [subject, setSubject] = useState(s.subject ?? '');
  const [body, setBody] = useState(s.body);
  const [to, setTo] = useState(detail.person.emails[0] ?? '');
  const [sendKey, setSendKey] = useState(newSendKey);
  // When a message marked sent went out: now unless changed (a LinkedIn message of last week, recorded today).
  const [initialWhen] = useState(() => toDateTimeLocal());
  const [when, setWhen] = useState(initialWhen);
  const [whenError, setWhenError] = useState<string | null>(null);
  const send = useSendOutreach(detail.id);
  const id = useId();

  const template = templates.find((t) => t.id === templateId) ?? null;
  const purposeName = purposes.find((p) => p.id === purposeId)?.name ?? null;
  const values = useMemo(
    () => ({ ...detail.mergeValues, purpose: purposeName }),
    [detail.mergeValues, purposeName],
  );
  const check = draftCheck(body, subject, template ? template.body : null, values);
  const usesSubject = channelHasSubject(channel);
  // A message on Rapport only reaches a contact that stands for an account you are connected with.
  const channels = OUTREACH_CHANNELS.filter((c) => c !== 'rapport' || detail.rapport);
  const serverSends = (SERVER_CHANNELS as readonly OutreachChannel[]).includes(channel);
  const unavailable = (c: OutreachChannel) =>
    channelUnavailable(c, detail.person, detail.mergeValues.firstName ?? detail.contact.displayName);

  const draft: OutreachDraft = {
    kind: s.kind,
    channel,
    templateId,
    purposeId,
    subject: usesSubject ? subject : null,
    body,
    ...(channel === 'email' && to ? { to } : {}),
  };
  // A new text is a new message: it gets its own key (a retry of a failed one keeps that message's key).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key follows the draft's content
  useEffect(() => setSendKey(newSendKey()), [templateId, purposeId, channel, subject, body, to]);
  const settled = useDebouncedValue(draft, 400);
  const server = useOutreachPreview(detail.id, settled, body.trim().length > 0);
  const serverProblems = (server.data?.problems ?? []).filter(
    (p) => p.message !== check.personal.reason && !p.message.startsWith('unknown merge field'),
  );
  const ready = check.personal.ok && check.unknown.length === 0 && !server.data?.duplicate;

  function pickTemplate(next: string) {
    const t = templates.find((x) => x.id === next) ?? null;
    setTemplateId(t?.id ?? null);
    if (t) {
      setBody(startFromTemplate(t.body));
      if (t.subject) setSubject(t.subject);
      if (t.channel && channels.includes(t.channel) && !unavailable(t.channel)) setChannel(t.channel);
      if (t.purpose) setPurposeId(t.purpose.id);
    }
  }

  // mutateAsync, not mutate's callbacks: once sent, the item moves on and this form leaves the page before they run.
  function deliver(input: OutreachSendInput) {
    send
      .mutateAsync(input)
      .then((r) => (r.message.status === 'sent' ? onSent(r) : undefined))
      .catch(() => {
        // The error is shown from the mutation's state.
      });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ready) return;
    if (serverSends) {
      deliver({ ...draft, sendKey });
      return;
    }
    const sentAt = when === initialWhen ? undefined : fromDateTimeLocal(when);
    if (sentAt === null) {
      setWhenError('Enter a date and time.');
      return;
    }
    setWhenError(null);
    deliver({ ...draft, sendKey, ...(sentAt ? { sentAt } : {}) });
  }

  const failed = detail.lastMessage?.status === 'failed' ? detail.lastMessage : null;
  const result = send.data;
  const sendFailed = result?.message.status === 'failed' ? result.message : null;
  const counter = linkedinCounter(check.body.length);
  const counterId = `${id}-counter`;
  const who = detail.mergeValues.firstName ?? detail.contact.displayName;
  const error = send.error;
  const sentAtIssue = isApiError(error) ? error.issues.find((i) => i.path === 'sentAt')?.message : undefined;

  return (
    <form className="composer stack" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>
        {s.kind === 'follow-up' ? 'Write the follow-up' : 'Write a personal message'}
      </h2>
      {failed && !result ? (
        <div className="alert alert--error" role="alert">
          <p>
            Sending by email failed: {failed.error}. The message is kept and {who} is still in the queue.
          </p>
          <button
            type="button"
            className="button button--small"
            disabled={send.isPending}
            onClick={() => deliver({ ...draft, channel: 'email', sendKey: failed.sendKey })}
          >
            Retry sending
          </button>
        </div>
      ) : null}
      <div className="composer__row">
        <div className="field">
          <label htmlFor={`${id}-template`}>Start from a template</label>
          <select
            id={`${id}-template`}
            value={templateId ?? ''}
            onChange={(e) => pickTemplate(e.target.value)}
          >
            <option value="">No template</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-purpose`}>For the purpose</label>
          <select
            id={`${id}-purpose`}
            value={purposeId ?? ''}
            onChange={(e) => setPurposeId(e.target.value || null)}
          >
            <option value="">No particular purpose</option>
            {purposes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="radios composer__channels">
        <legend>Send it by</legend>
        {channels.map((c) => {
          const why = unavailable(c);
          return (
            <div key={c} className="choice">
              <input
                id={`${id}-channel-${c}`}
                type="radio"
                name={`${id}-channel`}
                value={c}
                checked={channel === c}
                disabled={why !== null}
                onChange={() => setChannel(c)}
              />
              <label htmlFor={`${id}-channel-${c}`}>
                {CHANNEL_WORDS[c]}
                {why ? <span className="choice__hint">{why}</span> : null}
              </label>
            </div>
          );
        })}
      </fieldset>
      {channel === 'email' && detail.person.emails.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            {detail.person.emails.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </div>
      ) : null}
      {usesSubject ? (
        <TextField label="Subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
      ) : null}
      <TextAreaField
        label="Message"
        rows={9}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-describedby={channel === 'linkedin' ? counterId : undefined}
        hint={
          <>
            Merge fields: {MERGE_FIELDS.map((f) => `{${f}}`).join(' ')}. They are filled in for {who} below.
          </>
        }
      />
      {channel === 'linkedin' ? (
        <p id={counterId} className="linkedin-counter" data-testid="linkedin-counter">
          <span className={counter.note.over ? 'linkedin-counter__over' : ''}>
            {counter.length} / {counter.note.max} characters for an invitation note
          </span>{' '}
          <span className={counter.premium.over ? 'linkedin-counter__over' : ''}>
            ({counter.premium.max} with Premium)
          </span>
          {counter.message.over ? (
            <span className="linkedin-counter__over">
              {' '}
              · over LinkedIn’s {counter.message.max}-character message limit
            </span>
          ) : (
            <span> · a message may hold {counter.message.max.toLocaleString()}</span>
          )}
        </p>
      ) : null}

      <section
        className={`personal-check ${ready ? 'personal-check--ok' : 'personal-check--no'}`}
        aria-label="Is it personal?"
      >
        <p className="personal-check__rule">
          A message is personal when it says something the template does not: at least {check.need}, beyond
          their name and details. The same text never goes to two people.
        </p>
        <p role="status" className="personal-check__verdict" data-testid="personal-verdict">
          {check.unknown.length > 0
            ? `Unknown merge field${check.unknown.length > 1 ? 's' : ''}: ${check.unknown.map((f) => `{${f}}`).join(', ')}.`
            : check.personal.ok
              ? `Personal: “${check.personal.line}” (${check.personal.words} words of your own).`
              : `Not personal yet: ${check.personal.reason}.`}
        </p>
        {server.data?.duplicate ? (
          <p className="personal-check__verdict personal-check__verdict--no">{server.data.duplicate.why}.</p>
        ) : null}
        {serverProblems
          .filter((p) => p.message !== server.data?.duplicate?.why)
          .map((p) => (
            <p key={`${p.path}:${p.message}`} className="muted">
              {p.path}: {p.message}
            </p>
          ))}
      </section>

      <section className="composer__preview" aria-label={`Preview for ${detail.contact.displayName}`}>
        <h3>What {who} will read</h3>
        {usesSubject && check.subject ? <p className="composer__subject">Subject: {check.subject}</p> : null}
        <pre className="composer__text" id={`${id}-rendered`}>
          {check.body}
        </pre>
        {check.empty.length > 0 ? (
          <p className="muted">Empty for this person: {check.empty.map((f) => `{${f}}`).join(', ')}.</p>
        ) : null}
      </section>

      {sendFailed ? (
        <div className="alert alert--error" role="alert">
          Sending by email failed: {sendFailed.error}. Nothing is lost: try again, it will not be sent twice.
        </div>
      ) : null}
      {error ? (
        <div className="alert alert--error" role="alert">
          {isApiError(error) && error.issues.length > 0
            ? error.issues.map((i) => `${i.path}: ${i.message}`).join('. ')
            : error.message}
        </div>
      ) : null}

      {serverSends ? null : (
        <TextField
          label="Sent on"
          type="datetime-local"
          value={when}
          min={
            s.kind === 'first'
              ? detail.connectedOn
                ? `${detail.connectedOn}T00:00`
                : undefined
              : detail.sentAt
                ? toDateTimeLocal(new Date(detail.sentAt))
                : undefined
          }
          max={toDateTimeLocal()}
          onChange={(e) => setWhen(e.target.value)}
          error={whenError ?? sentAtIssue}
          hint="Leave it as it is if you just sent it; else when it went out (the follow-up counts from then)."
        />
      )}

      <div className="form-actions composer__actions">
        {serverSends ? (
          <button type="submit" className="button button--primary" disabled={!ready || send.isPending}>
            {send.isPending
              ? 'Sending…'
              : channel === 'rapport'
                ? `Send ${detail.contact.displayName} a message on Rapport`
                : `Send email to ${detail.contact.displayName}`}
          </button>
        ) : (
          <>
            {channel === 'mailto' ? (
              <a
                className="button"
                href={mailtoLink(detail.person.emails[0] ?? null, check.subject, check.body)}
              >
                Open in my mail app
              </a>
            ) : (
              <CopyButton text={check.body} label="Copy the message" fallbackTarget={`${id}-rendered`} />
            )}
            {channel === 'linkedin' && detail.person.linkedinUrl ? (
              <a
                className="button"
                href={detail.person.linkedinUrl}
                target="_blank"
                rel="noreferrer noopener"
              >
                Open {detail.contact.displayName} on LinkedIn
              </a>
            ) : null}
            <button type="submit" className="button button--primary" disabled={!ready || send.isPending}>
              Mark sent
            </button>
          </>
        )}
      </div>
    </form>
  );
}
