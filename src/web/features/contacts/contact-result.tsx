import type { ContactSummary } from '../../api/types';

/** One row of the contact list: name, position, email and tags. */
export function ContactResult({ contact }: { contact: ContactSummary }) {
  const position = [contact.title, contact.organisation?.name].filter(Boolean).join(' · ');
  return (
    <>
      <span className="result__name">{contact.displayName}</span>
      {position ? <span className="result__meta">{position}</span> : null}
      {contact.primaryEmail ? <span className="result__meta">{contact.primaryEmail}</span> : null}
      {contact.tags.length > 0 ? (
        <span className="result__tags">
          {contact.tags.map((t) => (
            <span key={t} className="chip">
              {t}
            </span>
          ))}
        </span>
      ) : null}
    </>
  );
}
