import { Link } from 'react-router';
import type { ConnectionOffer } from '../../../contracts/network';

/**
 * My own connections whose profile offers fit what I look for: people to ask directly (a message), no introduction
 * needed. Nothing is shown when none fit.
 */
export function ConnectionsOffering({
  items,
  title,
  headingId,
}: {
  items: ConnectionOffer[];
  title: string;
  headingId: string;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{title}</h2>
      <ul className="people">
        {items.map((c) => (
          <li key={c.accountId}>
            <strong>{c.name}</strong>
            {c.headline ? <span className="muted"> · {c.headline}</span> : null}
            <br />
            Offers: {c.offers.join('; ')}{' '}
            <Link
              className="button button--small"
              to={`/network/messages/${encodeURIComponent(c.accountId)}`}
              aria-label={`Message ${c.name}`}
            >
              Message
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
