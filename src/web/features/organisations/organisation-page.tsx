import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { OrganisationForm } from './organisation-form';
import { useDeleteOrganisation } from './use-delete-organisation';
import { useOrganisation } from './use-organisation';
import { useUpdateOrganisation } from './use-update-organisation';

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
  const [editing, setEditing] = useState(false);
  useDocumentTitle(org.data?.name ?? 'Organisation');

  if (org.isPending) return <Loading />;
  if (org.isError) return <QueryError error={org.error} onRetry={() => void org.refetch()} />;
  const o = org.data;
  const website =
    o.website && /^https?:\/\//i.test(o.website) ? o.website : o.website ? `https://${o.website}` : null;

  return (
    <>
      <PageHeader
        title={editing ? `Edit ${o.name}` : o.name}
        actions={
          editing ? null : (
            <>
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  update.reset();
                  setEditing(true);
                }}
              >
                Edit
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
            setEditing(false);
            focusHeading();
          }}
          onSubmit={(input) =>
            update.mutate(input, {
              onSuccess: () => {
                setEditing(false);
                toast.show({ message: 'Saved.' });
                focusHeading();
              },
            })
          }
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
      <div className="split split--even">
        <section aria-labelledby="org-now" className="card">
          <h2 id="org-now">People there now</h2>
          {o.people.current.length === 0 ? (
            <p className="muted">Nobody in your rolodex works here now.</p>
          ) : (
            <ul className="people">
              {o.people.current.map((p) => (
                <li key={p.id}>
                  <Link to={`/contacts/${p.id}`}>{p.displayName}</Link>
                  {p.title ? <span className="muted"> · {p.title}</span> : null}
                </li>
              ))}
            </ul>
          )}
          {o.people.current.length > 0 ? (
            <p>
              <Link to={`/contacts?organisation=${encodeURIComponent(o.id)}`}>
                Show them in the contact list
              </Link>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="org-before" className="card">
          <h2 id="org-before">People there before</h2>
          {o.people.past.length === 0 ? (
            <p className="muted">No former staff recorded.</p>
          ) : (
            <ul className="people">
              {o.people.past.map((p) => (
                <li key={`${p.id}-${p.endedOn ?? ''}`}>
                  <Link to={`/contacts/${p.id}`}>{p.displayName}</Link>
                  {p.title ? <span className="muted"> · {p.title}</span> : null}
                  {p.endedOn ? <span className="muted"> · until {formatDate(p.endedOn)}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
