import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { plural } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextField } from '../../ui/text-field';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ContactsSubnav } from '../contacts/contacts-subnav';
import { useCreateOrganisation } from './use-create-organisation';
import { useOrganisationList } from './use-organisation-list';

/** Every organisation, filtered as you type, plus a quick "add organisation" form. */
export function OrganisationsPage() {
  useDocumentTitle('Organisations');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 150);
  const list = useOrganisationList(q);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const create = useCreateOrganisation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const createErrors = toFieldErrors(create.error, (p) => p === 'name');

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { name },
      {
        onSuccess: (org) => {
          setName('');
          void navigate(`/organisations/${org.id}`);
        },
      },
    );
  }

  return (
    <>
      <PageHeader title="Organisations" />
      <ContactsSubnav />
      <div className="split">
        <div>
          <search aria-label="Organisations" className="search">
            <div className="search__box">
              <label htmlFor="organisation-search" className="search__label">
                Search organisations
              </label>
              <input
                id="organisation-search"
                data-search-input=""
                type="search"
                className="search__input"
                autoComplete="off"
                aria-describedby="organisation-search-status"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
          </search>
          <p id="organisation-search-status" className="result-status" role="status">
            {list.isPending
              ? 'Loading organisations…'
              : items.length === 0
                ? q
                  ? `No organisations match “${q}”.`
                  : 'No organisations yet. They appear here when you add one or give a contact an organisation.'
                : `${plural(items.length, 'organisation')}${list.hasNextPage ? ' shown' : ''}.`}
          </p>
          {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
          {items.length > 0 ? (
            <ul className={list.isPlaceholderData ? 'link-list results--stale' : 'link-list'}>
              {items.map((o) => (
                <li key={o.id}>
                  <Link to={`/organisations/${o.id}`} className="link-list__link">
                    <span className="result__name">{o.name}</span>
                    <span className="result__meta">
                      {plural(o.contactCount, 'person', 'people')}
                      {o.website ? ` · ${o.website.replace(/^https?:\/\//, '')}` : ''}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <LoadMore list={list} />
        </div>
        <section aria-labelledby="new-organisation" className="card">
          <h2 id="new-organisation">Add an organisation</h2>
          <form className="stack" onSubmit={submit} noValidate>
            <FormAlert message={createErrors.general} />
            <TextField
              label="Name"
              name="name"
              autoComplete="organization"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={createErrors.byPath.get('name')}
            />
            <button type="submit" className="button" disabled={create.isPending}>
              Add organisation
            </button>
          </form>
        </section>
      </div>
    </>
  );
}
