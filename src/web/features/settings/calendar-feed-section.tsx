import { type FormEvent, useState } from 'react';
import { webcalUrl } from '../../../contracts/feeds';
import type { CreatedFeedToken, FeedToken } from '../../api/types';
import { ConfirmButton } from '../../ui/confirm-button';
import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { SecretField } from '../../ui/secret-field';
import { TextField } from '../../ui/text-field';
import { useCreateFeed, useFeeds, useRevokeFeed } from './use-feeds';

/** What tells feeds apart on their Revoke buttons: the name when there is one, and when each was made. */
function revokeSuffix(f: FeedToken): string {
  const made = formatDateTime(f.createdAt);
  return f.name ? `the feed “${f.name}”, created ${made}` : `the feed created ${made}`;
}

/**
 * Today in a calendar app: a secret iCalendar address to subscribe to (shown once), optionally named after where it
 * is subscribed so the right one can be revoked, and revoking it.
 */
export function CalendarFeedSection() {
  const feeds = useFeeds();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedFeedToken | null>(null);
  const errors = toFieldErrors(create.error, (p) => p === 'name');

  function submit(e: FormEvent) {
    e.preventDefault();
    // Blank means unnamed (the server refuses an empty name rather than guessing).
    create.mutate(name.trim() ? { name } : {}, {
      onSuccess: (feed) => {
        setCreated(feed);
        setName('');
      },
    });
  }

  return (
    <section aria-labelledby="feed-heading" className="card">
      <h2 id="feed-heading">Calendar feed</h2>
      <p className="muted">
        Subscribe to Today from your calendar app (iCalendar). Anyone with the address can read your agenda:
        keep it private, and revoke it if it leaks.
      </p>
      {created ? (
        <section className="secret" aria-labelledby="new-feed-heading">
          <h3 id="new-feed-heading">Feed address created</h3>
          <p>
            Subscribe now, or copy it into your calendar app (Google Calendar: “From URL”):{' '}
            <strong>this is the only time it is shown.</strong>
          </p>
          <SecretField id="new-feed-url" label="Calendar feed address" hideLabel value={created.url}>
            {/* webcal:// opens the calendar app's own subscribe dialog (Apple Calendar, Outlook, Thunderbird). */}
            <a className="button button--primary" href={webcalUrl(created.url)}>
              Subscribe
            </a>
          </SecretField>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setCreated(null)}
          >
            I have copied it
          </button>
        </section>
      ) : null}
      <form className="inline-form" onSubmit={submit} noValidate>
        <FormAlert message={errors.general && `Could not create it: ${errors.general}`} />
        <TextField
          label="Feed name (optional)"
          placeholder="e.g. Phone calendar"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.byPath.get('name')}
        />
        <div className="inline-form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            Create a feed address
          </button>
        </div>
      </form>
      {feeds.isPending ? <Loading /> : null}
      {feeds.isError ? <QueryError error={feeds.error} onRetry={() => void feeds.refetch()} /> : null}
      {feeds.data && feeds.data.length === 0 ? <p className="muted">No calendar feeds.</p> : null}
      {feeds.data && feeds.data.length > 0 ? (
        <ul className="ledger" aria-label="Your calendar feeds">
          {feeds.data.map((f) => (
            <li key={f.id} className="ledger-row">
              <span className="ledger-row__text">
                {f.name ? (
                  <>
                    <strong>{f.name}</strong> · created {formatDateTime(f.createdAt)}
                  </>
                ) : (
                  <>Feed created {formatDateTime(f.createdAt)}</>
                )}
              </span>
              <ConfirmButton
                small
                danger
                label="Revoke"
                labelSuffix={revokeSuffix(f)}
                question="Its address stops working. Revoke?"
                confirmLabel="Yes, revoke"
                pending={revoke.isPending}
                onConfirm={() => revoke.mutate(f.id)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {revoke.error ? (
        <p className="field__error" role="alert">
          Could not revoke: {revoke.error.message}
        </p>
      ) : null}
    </section>
  );
}
