import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { addressLine } from '../../../contracts/address-line';
import type { Contact } from '../../api/types';
import { fieldLabel, fieldValue } from '../../ui/field-words';
import { formatDate, formatDateTime, formatPartialDate, formatSource } from '../../ui/format';
import { linkLabel, linkText } from './link-words';
import { SourceBadge } from './source-badge';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="dl__row">
      <dt>{term}</dt>
      <dd>{children || <span className="muted">—</span>}</dd>
    </div>
  );
}

function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Shown only when set: the rarer name parts would otherwise fill the card with dashes. */
function OptionalRow({ term, value }: { term: string; value: string | null }) {
  return value ? <Row term={term}>{value}</Row> : null;
}

type HistoryEntry = Contact['history'][number];

/** The API's name for a history field: merges up to 2026-11-26 stored column names (`family_name`). */
function apiField(field: string): string {
  return field.startsWith('customFields.')
    ? field
    : field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** "Title: was “Head of Research” until 3 Mar 2026, from LinkedIn import (now “Chief Scientist”)". */
function HistoryLine({ entry }: { entry: HistoryEntry }) {
  const field = apiField(entry.field);
  const label = fieldLabel(field);
  const old = fieldValue(field, entry.oldValue);
  const now = fieldValue(field, entry.newValue);
  const when = formatDate(entry.recordedAt);
  const source = formatSource(entry.source);
  if (entry.source === 'merge' && entry.newValue === null) {
    return (
      <>
        <span className="history__field">{label}:</span> also “{old ?? ''}”, kept from a merge on {when}
      </>
    );
  }
  return (
    <>
      <span className="history__field">{label}:</span> {old === null ? 'was empty' : <>was “{old}”</>} until{' '}
      {when}, from {source}
      {now !== null ? <> (then “{now}”)</> : null}
    </>
  );
}

/** Everything stored about a contact, read-only, with the source of each channel and past positions. */
export function ContactDetails({ contact }: { contact: Contact }) {
  const fields = Object.entries(contact.customFields);
  return (
    <div className="details">
      <section aria-labelledby="details-about" className="card">
        <h2 id="details-about">About</h2>
        <dl className="dl">
          <OptionalRow term="Prefix" value={contact.namePrefix} />
          <Row term="Given name">{contact.givenName}</Row>
          <OptionalRow term="Middle names" value={contact.additionalNames} />
          <Row term="Family name">{contact.familyName}</Row>
          <OptionalRow term="Suffix" value={contact.nameSuffix} />
          <OptionalRow term="Nickname" value={contact.nickname} />
          <Row term="Display name">{contact.displayName}</Row>
          <Row term="Organisation">
            {contact.organisation ? (
              <Link to={`/organisations/${contact.organisation.id}`}>{contact.organisation.name}</Link>
            ) : null}
          </Row>
          <OptionalRow term="Department" value={contact.department} />
          <Row term="Title">{contact.title}</Row>
          <Row term="Location">{contact.location}</Row>
          <Row term="Connected on">{contact.connectedOn ? formatDate(contact.connectedOn) : null}</Row>
          <Row term="Birthday">{contact.birthday ? formatPartialDate(contact.birthday) : null}</Row>
          {contact.photo && !contact.photo.url.startsWith('/api/') ? (
            <Row term="Photo">
              {/* Not loaded: the page fetches nothing from other sites. Following the link is the reader's choice. */}
              <a href={safeHref(contact.photo.url)} rel="noopener noreferrer" target="_blank">
                on {hostOf(contact.photo.url)}
              </a>{' '}
              <span className="muted">(not loaded here)</span>
            </Row>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="details-reach" className="card">
        <h2 id="details-reach">Ways to reach</h2>
        <h3>Emails</h3>
        {contact.emails.length === 0 ? (
          <p className="muted">No emails.</p>
        ) : (
          <ul className="channels">
            {contact.emails.map((e) => (
              <li key={e.value}>
                <a href={`mailto:${e.value}`}>{e.value}</a>
                {e.label ? <span className="chip">{e.label}</span> : null}
                <SourceBadge source={e.source} />
              </li>
            ))}
          </ul>
        )}
        <h3>Phones</h3>
        {contact.phones.length === 0 ? (
          <p className="muted">No phones.</p>
        ) : (
          <ul className="channels">
            {contact.phones.map((p) => (
              <li key={p.value}>
                <a
                  href={`tel:${p.e164 ? `${p.e164}${p.extension ? `;ext=${p.extension}` : ''}` : p.value.replace(/[^\d+]/g, '')}`}
                >
                  {p.value}
                </a>
                {p.label ? <span className="chip">{p.label}</span> : null}
                <SourceBadge source={p.source} />
              </li>
            ))}
          </ul>
        )}
        <h3>Web links</h3>
        {contact.urls.length === 0 ? (
          <p className="muted">No links.</p>
        ) : (
          <ul className="channels">
            {contact.urls.map((u) => (
              <li key={u.value}>
                <a href={safeHref(u.value)} rel="noopener noreferrer" target="_blank">
                  {linkText(u)}
                </a>
                {linkLabel(u) ? <span className="chip">{linkLabel(u)}</span> : null}
                <SourceBadge source={u.source} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="details-places" className="card">
        <h2 id="details-places">Addresses and dates</h2>
        <h3>Addresses</h3>
        {contact.addresses.length === 0 ? (
          <p className="muted">No addresses.</p>
        ) : (
          <ul className="channels">
            {contact.addresses.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: addresses have no id and keep their order
              <li key={i}>
                <address className="address">
                  {a.formatted && !addressLine({ ...a, formatted: undefined }) ? a.formatted : addressLine(a)}
                </address>
                {a.label ? <span className="chip">{a.label}</span> : null}
              </li>
            ))}
          </ul>
        )}
        <h3>Dates</h3>
        {contact.dates.length === 0 ? (
          <p className="muted">No other dates.</p>
        ) : (
          <dl className="dl">
            {contact.dates.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: dates have no id and keep their order
              <Row key={i} term={d.label || 'Date'}>
                {formatPartialDate(d.value)}
              </Row>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="details-tags" className="card">
        <h2 id="details-tags">Tags</h2>
        {contact.tags.length === 0 ? (
          <p className="muted">No tags.</p>
        ) : (
          <ul className="chips">
            {contact.tags.map((t) => (
              <li key={t}>
                <Link className="chip chip--link" to={`/contacts?tag=${encodeURIComponent(t)}`}>
                  {t}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="details-story" className="card">
        <h2 id="details-story">Story</h2>
        <dl className="dl">
          <Row term="How we met">
            {contact.howWeMet ? <span className="prewrap">{contact.howWeMet}</span> : null}
          </Row>
          <Row term="Notes">{contact.notes ? <span className="prewrap">{contact.notes}</span> : null}</Row>
        </dl>
      </section>

      <section aria-labelledby="details-custom" className="card">
        <h2 id="details-custom">Custom fields</h2>
        {fields.length === 0 ? (
          <p className="muted">No custom fields.</p>
        ) : (
          <dl className="dl">
            {fields.map(([key, value]) => (
              <Row key={key} term={key}>
                {value}
              </Row>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="details-history" className="card">
        <h2 id="details-history">Past positions</h2>
        {contact.pastPositions.length === 0 ? (
          <p className="muted">No past positions recorded.</p>
        ) : (
          <ul className="positions">
            {contact.pastPositions.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: positions have no id and never reorder
              <li key={i}>
                <span>
                  {p.title ?? (p.organisation ? null : 'Unknown position')}
                  {p.title && p.organisation ? ' at ' : null}
                  {p.organisation?.id ? (
                    <Link to={`/organisations/${p.organisation.id}`}>{p.organisation.name}</Link>
                  ) : (
                    p.organisation?.name
                  )}
                </span>
                {p.endedOn ? <span className="muted"> · until {formatDate(p.endedOn)}</span> : null}
                <SourceBadge source={p.source} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="details-changes" className="card">
        <h2 id="details-changes">History</h2>
        {contact.history.length === 0 ? (
          <p className="muted">No earlier values recorded.</p>
        ) : (
          <ul className="positions history">
            {contact.history.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id and never reorder
              <li key={i}>
                <HistoryLine entry={h} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="details-record" className="card">
        <h2 id="details-record">Record</h2>
        <dl className="dl">
          <Row term="Added via">{formatSource(contact.source)}</Row>
          <Row term="Created">{formatDateTime(contact.createdAt)}</Row>
          <Row term="Last updated">{formatDateTime(contact.updatedAt)}</Row>
        </dl>
      </section>
    </div>
  );
}
