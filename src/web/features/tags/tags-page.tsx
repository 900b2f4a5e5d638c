import { type FormEvent, useId, useState } from 'react';
import { apiUrl } from '../../api/client';
import type { Tag } from '../../api/types';
import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ContactsSubnav } from '../contacts/contacts-subnav';
import { TagRow } from './tag-row';
import { useCreateTag } from './use-create-tag';
import { useTags } from './use-tags';

/** All tags: rename, merge, delete, and add new ones. */
export function TagsPage() {
  useDocumentTitle('Tags');
  const tags = useTags();
  const create = useCreateTag();
  const [name, setName] = useState('');
  const errors = toFieldErrors(create.error, (p) => p === 'name');

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(name, { onSuccess: () => setName('') });
  }

  return (
    <>
      <PageHeader title="Tags" />
      <ContactsSubnav />
      <div className="split">
        <section aria-labelledby="tag-list-heading">
          <h2 id="tag-list-heading" className="visually-hidden">
            Your tags
          </h2>
          {tags.isPending ? <Loading /> : null}
          {tags.isError ? <QueryError error={tags.error} onRetry={() => void tags.refetch()} /> : null}
          {tags.data && tags.data.length === 0 ? <p className="muted">No tags yet.</p> : null}
          {tags.data && tags.data.length > 0 ? (
            <ul className="tag-list">
              {tags.data.map((tag) => (
                <TagRow key={tag.id} tag={tag} others={tags.data.filter((t) => t.id !== tag.id)} />
              ))}
            </ul>
          ) : null}
        </section>
        <div className="stack">
          <section aria-labelledby="new-tag" className="card">
            <h2 id="new-tag">Add a tag</h2>
            <form className="stack" onSubmit={submit} noValidate>
              <FormAlert message={errors.general} />
              <TextField
                label="Tag name"
                value={name}
                autoComplete="off"
                onChange={(e) => setName(e.target.value)}
                error={errors.byPath.get('name')}
              />
              <button type="submit" className="button" disabled={create.isPending}>
                Add tag
              </button>
            </form>
          </section>
          {tags.data && tags.data.length > 0 ? <DownloadTag tags={tags.data} /> : null}
        </div>
      </div>
    </>
  );
}

/** One tag's people as a file, their tags in it (vCard CATEGORIES, CSV Labels): to hand a group to another tool. */
function DownloadTag({ tags }: { tags: Tag[] }) {
  const [id, setId] = useState('');
  const selectId = useId();
  const chosen = tags.find((t) => t.id === id);
  const href = (kind: 'vcard' | 'csv') =>
    apiUrl(`/exports/${kind}?tag=${encodeURIComponent(chosen?.name ?? '')}`);
  return (
    <section aria-labelledby="download-tag" className="card stack">
      <h2 id="download-tag">Download a tag’s people</h2>
      <div className="field">
        <label htmlFor={selectId}>Tag</label>
        <select id={selectId} value={id} onChange={(e) => setId(e.target.value)}>
          <option value="">Choose a tag…</option>
          {tags.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {chosen ? (
        <p className="inline-form__actions">
          <a className="button button--small" href={href('vcard')} download>
            Download vCard<span className="visually-hidden"> of “{chosen.name}”</span>
          </a>
          <a className="button button--small" href={href('csv')} download>
            Download CSV<span className="visually-hidden"> of “{chosen.name}”</span>
          </a>
        </p>
      ) : null}
    </section>
  );
}
