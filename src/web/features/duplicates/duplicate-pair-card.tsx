import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { ContactSummary, DuplicatePair } from '../../api/types';

/** Ids are UUIDv7, so the smaller one was created first. */
export function olderOf(pair: DuplicatePair): ContactSummary {
  return pair.a.id < pair.b.id ? pair.a : pair.b;
}

function Side({
  contact,
  older,
  keep,
  name,
  onKeep,
}: {
  contact: ContactSummary;
  older: boolean;
  keep: boolean;
  name: string;
  onKeep: () => void;
}) {
  const id = useId();
  return (
    <div className={keep ? 'pair__side pair__side--keep' : 'pair__side'}>
      <div className="choice">
        <input type="radio" id={id} name={name} checked={keep} onChange={onKeep} />
        <label htmlFor={id}>
          Keep <bdi>{contact.displayName}</bdi>
          <span className="choice__hint">{older ? 'older record' : 'newer record'}</span>
        </label>
      </div>
      <h3 className="pair__name">
        <Link to={`/contacts/${contact.id}`}>
          <bdi>{contact.displayName}</bdi>
        </Link>
      </h3>
      <dl className="dl dl--compact">
        <div className="dl__row">
          <dt>Organisation</dt>
          <dd>
            {contact.organisation ? <bdi>{contact.organisation.name}</bdi> : <span className="muted">—</span>}
          </dd>
        </div>
        <div className="dl__row">
          <dt>Title</dt>
          <dd>{contact.title ?? <span className="muted">—</span>}</dd>
        </div>
        <div className="dl__row">
          <dt>Email</dt>
          <dd>{contact.primaryEmail ?? <span className="muted">—</span>}</dd>
        </div>
        <div className="dl__row">
          <dt>Tags</dt>
          <dd>
            {contact.tags.length > 0 ? (
              <span className="result__tags">
                {contact.tags.map((t) => (
                  <span key={t} className="chip">
                    {t}
                  </span>
                ))}
              </span>
            ) : (
              <span className="muted">—</span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** How strong a suggested pair is, and why (for pairs of people and of organisations). */
export function PairHead({ strength, reasons }: { strength: 'strong' | 'possible'; reasons: string[] }) {
  return (
    <div className="pair__head">
      <span className={`badge badge--${strength}`}>
        {strength === 'strong' ? 'Strong match' : 'Possible match'}
      </span>
      <ul className="pair__reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}

interface PairCardProps {
  pair: DuplicatePair;
  busy: boolean;
  onMerge: (keep: ContactSummary, merge: ContactSummary) => void;
  onDismiss: () => void;
}

/**
 * Two contacts side by side with why they look alike; choose which one to keep (the older one by default),
 * then Merge, or say they are not the same person.
 */
export function DuplicatePairCard({ pair, busy, onMerge, onDismiss }: PairCardProps) {
  const older = olderOf(pair);
  const [keepId, setKeepId] = useState(older.id);
  const radioName = useId();
  const keep = keepId === pair.a.id ? pair.a : pair.b;
  const merge = keep === pair.a ? pair.b : pair.a;
  const names = `${pair.a.displayName} and ${pair.b.displayName}`;
  return (
    <li
      className="card pair"
      aria-label={`${names}: ${pair.strength === 'strong' ? 'strong' : 'possible'} match`}
      data-pair={`${pair.a.id}|${pair.b.id}`}
      tabIndex={-1}
    >
      <PairHead strength={pair.strength} reasons={pair.reasons} />
      <fieldset className="pair__sides">
        <legend className="visually-hidden">Which record to keep</legend>
        {[pair.a, pair.b].map((c) => (
          <Side
            key={c.id}
            contact={c}
            older={c.id === older.id}
            keep={c.id === keep.id}
            name={radioName}
            onKeep={() => setKeepId(c.id)}
          />
        ))}
      </fieldset>
      <div className="pair__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => onMerge(keep, merge)}
        >
          Merge<span className="visually-hidden"> {names}</span>
        </button>
        <span className="muted pair__hint">
          Keeps <bdi>{keep.displayName}</bdi>; every email, phone, tag and note of the other comes along.
        </span>
        <button
          aria-label={`Not the same person: ${names}`}
          type="button"
          className="button"
          disabled={busy}
          onClick={onDismiss}
        >
          Not the same person
        </button>
      </div>
    </li>
  );
}
