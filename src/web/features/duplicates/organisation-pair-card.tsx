import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Organisation, OrganisationDuplicatePair } from '../../api/types';
import { plural } from '../../ui/format';
import { PairHead } from './duplicate-pair-card';

interface OrganisationPairCardProps {
  pair: OrganisationDuplicatePair;
  busy: boolean;
  onMerge: (from: Organisation, into: Organisation) => void;
  onDismiss: () => void;
}

/**
 * Two organisations side by side with why they look alike; choose the name to keep (the one with more people by
 * default), then Merge, or say they are different companies.
 */
export function OrganisationPairCard({ pair, busy, onMerge, onDismiss }: OrganisationPairCardProps) {
  const [keepId, setKeepId] = useState(pair.b.contactCount > pair.a.contactCount ? pair.b.id : pair.a.id);
  const radioName = useId();
  const idA = useId();
  const keep = keepId === pair.a.id ? pair.a : pair.b;
  const other = keep === pair.a ? pair.b : pair.a;
  const names = `${pair.a.name} and ${pair.b.name}`;
  return (
    <li className="card pair" aria-label={`${names}: ${pair.strength} match`}>
      <PairHead strength={pair.strength} reasons={pair.reasons} />
      <fieldset className="pair__sides">
        <legend className="visually-hidden">Which name to keep</legend>
        {[pair.a, pair.b].map((org) => {
          const inputId = org === pair.a ? idA : `${idA}-b`;
          return (
            <div key={org.id} className={org === keep ? 'pair__side pair__side--keep' : 'pair__side'}>
              <div className="choice">
                <input
                  type="radio"
                  id={inputId}
                  name={radioName}
                  checked={org === keep}
                  onChange={() => setKeepId(org.id)}
                />
                <label htmlFor={inputId}>Keep {org.name}</label>
              </div>
              <h3 className="pair__name">
                <Link to={`/organisations/${org.id}`}>{org.name}</Link>
              </h3>
              <p className="muted">
                {plural(org.contactCount, 'person', 'people')}
                {org.website ? ` · ${org.website.replace(/^https?:\/\//, '')}` : ''}
              </p>
            </div>
          );
        })}
      </fieldset>
      <div className="pair__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => onMerge(other, keep)}
        >
          Merge<span className="visually-hidden"> {names}</span>
        </button>
        <span className="muted pair__hint">
          Keeps “{keep.name}”; the people of “{other.name}” move there, and later imports of that spelling
          too.
        </span>
        <button
          aria-label={`Different companies: ${names}`}
          type="button"
          className="button"
          disabled={busy}
          onClick={onDismiss}
        >
          Different companies
        </button>
      </div>
    </li>
  );
}
