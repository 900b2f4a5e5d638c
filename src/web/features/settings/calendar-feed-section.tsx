import { useState } from 'react';
import { webcalUrl } from '../../../contracts/feeds';
import type { CreatedFeedToken } from '../../api/types';
import { ConfirmButton } from '../../ui/confirm-button';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { SecretField } from '../../ui/secret-field';
import { useCreateFeed, useFeeds, useRevokeFeed } from './use-feeds';

/** Today in a calendar app: a secret iCalendar address to subscribe to (shown once), and revoking it. */
export function CalendarFeedSection() {
  const feeds = useFeeds();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [created, setCreated] = useState<CreatedFeedToken | null>(null);
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
      <p>
        <button
          type="button"
          className="button"
          disabled={create.isPending}
          onClick={() => create.mutate(undefined, { onSuccess: setCreated })}
        >
          Create a feed address
        </button>
      </p>
      {create.error ? (
        <p className="field__error" role="alert">
          Could not create it: {create.error.message}
        </p>
      ) : null}
      {feeds.isPending ? <Loading /> : null}
      {feeds.isError ? <QueryError error={feeds.error} onRetry={() => void feeds.refetch()} /> : null}
      {feeds.data && feeds.data.length === 0 ? <p className="muted">No calendar feeds.</p> : null}
      {feeds.data && feeds.data.length > 0 ? (
        <ul className="ledger" aria-label="Your calendar feeds">
          {feeds.data.map((f) => (
            <li key={f.id} className="ledger-row">
              <span className="ledger-row__text">Feed created {formatDateTime(f.createdAt)}</span>
              <ConfirmButton
                small
                danger
                label="Revoke"
                labelSuffix={`the feed created ${formatDateTime(f.createdAt)}`}
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
