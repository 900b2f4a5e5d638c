import { type FormEvent, useState } from 'react';
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
      </div>
    </>
  );
}
