import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { OrganisationPerson } from '../../api/types';
import { formatCount, formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { MergedRedirect, mergedInto } from '../../ui/merged-redirect';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { notStarted } from '../relationships/relationship-words';
import { MergeOrganisationForm } from './merge-organisation-form';
import { OrganisationForm } from './organisation-form';
import { byStrength, lastContactText, shownOf, strengthLabel } from './organisation-people-words';
import { useDeleteOrganisation } from './use-delete-organisation';
import { useOrganisation } from './use-organisation';
import { useOrganisationPastPeople } from './use-organisation-past-people';
import { useUndoOrganisationMerge } from './use-undo-organisation-merge';
import { useUpdateOrganisation } from './use-update-organisation';

/** How well I know them, beside the name: the tier (as on their page) and when we were last in touch. */
function HowWell({ person }: { person: OrganisationPerson }) {
  return (
    <span className="muted">
      {' · '}
      <span className={`tier tier--${person.tier}`}>{strengthLabel(person)}</span>
      {notStarted(person) ? null : ` · ${lastContactText(person.lastContactAt)}`}
    </span>
  );
}

function focusHeading() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-page-heading]')?.focus());
}

/** One organisation: details (editable) and the people who work there now and who worked there before. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const org = useOrganisation(id);
  const update = useUpdateOrganisation(id);
  const remove = useDeleteOrganisation();
  const toast = useToast();
  const undoMerge = useUndoOrganisationMerge();
  // A merge or its undo opens another organisation on this same page: each one starts in view mode.
  const [shown, setShown] = useState<{ id: string; mode: 'view' | 'edit' | 'merge' }>({ id, mode: 'view' });
  const mode = shown.id === id ? shown.mode : 'view';
  const setMode = (next: typeof mode) => setShown({ id, mode: next });
  const editing = mode === 'edit';
  const [order, setOrder] = useState<'name' | 'strength'>('name');
  const [morePast, setMorePast] = useState<string | null>(null);
  const pastStart = org.data?.people.pastNextCursor ?? null;
  const pastRest = useOrganisationPastPeople(id, pastStart, morePast === id);
  useDocumentTitle(org.data?.name ?? 'Organisation');

  if (org.isPending) return <Loading />;
  if (org.isError) {
    const into = mergedInto(org.error);
    if (into) return <MergedRedirect to={`/organisations/${into}`} what="organisation" />;
    return <QueryError error={org.error} onRetry={() => void org.refetch()} />;
  }
  const o = org.data;
  const past = morePast === id && pastRest.data ? [...o.people.past, ...pastRest.data] : o.people.past;
  // Once every page is read, nothing is left, whatever the count said when the page opened.
  const pastLeft =
    morePast === id && pastRest.data && !pastRest.hasNextPage
      ? 0
      : Math.max(0, o.people.pastTotal - past.length);
  const website =
    o.website && /^https?:\/\//i.test(o.website) ? o.website : o.website ? `https://${o.website}` : null;

  return (
    <>
      <PageHeader
        title={editing ? `Edit ${o.name}` : o.name}
        actions={
          mode !== 'view' ? null : (
            <>
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  update.reset();
                  setMode('edit');
                }}
              >
                Edit
              </button>
              <button type="button" className="button" onClick={() => setMode('merge')}>
                Merge into…
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(o, {
                    onError: (e) => toast.show({ message: `Could not delete: ${e.message}`, tone: 'error' }),
                  })
                }
              >
                Delete
              </button>
            </>
          )
        }
      />
      {editing ? (
        <OrganisationForm
          organisation={o}
          pending={update.isPending}
          error={update.error}
          onCancel={() => {
            update.reset();
            setMode('view');
            focusHeading();
          }}
          onSubmit={(input) =>
            update.mutate(input, {
              onSuccess: () => {
                setMode('view');
                toast.show({ message: 'Saved.' });
                focusHeading();
              },
            })
          }
        />
      ) : mode === 'merge' ? (
        <MergeOrganisationForm
          key={o.id}
          organisation={o}
          onCancel={() => {
            setMode('view');
            focusHeading();
          }}
        />
      ) : (
        <section aria-labelledby="org-about" className="card">
          <h2 id="org-about">About</h2>
          <dl className="dl">
            <div className="dl__row">
              <dt>Website</dt>
              <dd>
                {website ? (
                  <a href={website} rel="noopener noreferrer" target="_blank">
                    {o.website}
                  </a>
                ) : (
                  <span className="muted">—</span>
                )}
              </dd>
            </div>
            <div className="dl__row">
              <dt>Notes</dt>
              <dd>
                {o.notes ? <span className="prewrap">{o.notes}</span> : <span className="muted">—</span>}
              </dd>
            </div>
          </dl>
        </section>
      )}
      {o.merges.length > 0 ? (
        <section aria-labelledby="org-merged" className="card">
          <h2 id="org-merged">Merged here</h2>
          <ul className="people">
            {o.merges.map((m) => (
              <li key={m.id}>
                {m.name} <span className="muted">· {formatDate(m.mergedAt)}</span>{' '}
                <button
                  type="button"
                  className="button button--small"
                  disabled={undoMerge.isPending}
                  onClick={() => undoMerge.mutate(m.id)}
                  aria-label={`Undo: make ${m.name} separate again`}
                >
                  Undo
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="split split--even">
        <section aria-labelledby="org-now" className="card">
          <h2 id="org-now">
            People there now{' '}
            {o.contactCount > 0 ? <span className="count">({formatCount(o.contactCount)})</span> : null}
          </h2>
          {o.people.current.length === 0 ? (
            <p className="muted">Nobody in your rolodex works here now.</p>
          ) : (
            <>
              <div className="field field--inline">
                <label htmlFor="org-people-order">Order</label>
                <select
                  id="org-people-order"
                  value={order}
                  onChange={(e) => setOrder(e.target.value === 'strength' ? 'strength' : 'name')}
                >
                  <option value="name">By name</option>
                  <option value="strength">Best known first</option>
                </select>
              </div>
              <ul className="people" aria-label="People there now">
                {(order === 'strength' ? byStrength(o.people.current) : o.people.current).map((p) => (
                  <li key={p.id}>
                    <Link to={`/contacts/${p.id}`}>{p.displayName}</Link>
                    {p.title ? <span className="muted"> · {p.title}</span> : null}
                    <HowWell person={p} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {o.people.current.length > 0 ? (
            <p>
              {o.people.current.length < o.contactCount ? (
                <>
                  The first {formatCount(o.people.current.length)} of {formatCount(o.contactCount)}
                  {order === 'strength' ? ' by name, best known first' : ', by name'}.{' '}
                </>
              ) : null}
              <Link to={`/contacts?organisation=${encodeURIComponent(o.id)}`}>
                {o.people.current.length < o.contactCount
                  ? `Show all ${formatCount(o.contactCount)} in the contact list`
                  : 'Show them in the contact list'}
              </Link>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="org-before" className="card">
          <h2 id="org-before">
            People there before{' '}
            {o.people.pastTotal > 0 ? (
              <span className="count">({formatCount(o.people.pastTotal)})</span>
            ) : null}
          </h2>
          {past.length === 0 ? (
            <p className="muted">No former staff recorded.</p>
          ) : (
            <ul className="people" aria-label="People there before">
              {past.map((p, i) => (
                // One person can have left twice: the row, not the person, is the key.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows only ever grow at the end
                <li key={`${p.id}-${i}`}>
                  <Link to={`/contacts/${p.id}`}>{p.displayName}</Link>
                  {p.title ? <span className="muted"> · {p.title}</span> : null}
                  {p.endedOn ? <span className="muted"> · until {formatDate(p.endedOn)}</span> : null}
                  <HowWell person={p} />
                </li>
              ))}
            </ul>
          )}
          {pastLeft > 0 ? (
            <p>
              {shownOf(past.length, o.people.pastTotal, formatCount)}{' '}
              <button
                type="button"
                className="button"
                disabled={pastRest.isFetching}
                onClick={() => {
                  if (morePast !== id) setMorePast(id);
                  else void pastRest.fetchNextPage();
                }}
              >
                {pastRest.isFetching ? 'Loading…' : `Show more (${formatCount(pastLeft)} more)`}
              </button>
            </p>
          ) : null}
          {pastRest.isError ? (
            <QueryError error={pastRest.error} onRetry={() => void pastRest.refetch()} />
          ) : null}
        </section>
      </div>
    </>
  );
}
