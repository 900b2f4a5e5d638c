import { Fragment, type ReactElement } from 'react';
import type { ContactSummary } from '../../api/types';

/**
 * Parts of a line each isolated in its own direction (`<bdi>`), joined by `separator`: a Hebrew or Arabic name or
 * organisation next to Latin text, digits or punctuation ("CEO · חברה (2024) בע"מ") keeps its own word order and
 * does not pull the separator or its neighbours into it.
 */
export function isolatedParts(
  parts: (string | null | undefined)[],
  separator: string,
): ReactElement[] | null {
  const shown = parts.filter((p): p is string => Boolean(p));
  if (shown.length === 0) return null;
  return shown.map((p, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of a few parts that never reorders
    <Fragment key={i}>
      {i > 0 ? separator : null}
      <bdi>{p}</bdi>
    </Fragment>
  ));
}

/** One row of the contact list: name, position, email and tags. */
export function ContactResult({ contact }: { contact: ContactSummary }) {
  const position = isolatedParts([contact.title, contact.organisation?.name], ' · ');
  return (
    <>
      <bdi className="result__name">{contact.displayName}</bdi>
      {position ? <span className="result__meta">{position}</span> : null}
      {contact.primaryEmail ? <span className="result__meta">{contact.primaryEmail}</span> : null}
      {contact.tags.length > 0 ? (
        <span className="result__tags">
          {contact.tags.map((t) => (
            <bdi key={t} className="chip">
              {t}
            </bdi>
          ))}
        </span>
      ) : null}
    </>
  );
}
