import { Link, useNavigate } from 'react-router';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { TrashSection } from './trash-section';
import { TrashedContactsSection } from './trashed-contacts-section';
import { useTrash } from './use-trash';

/** Deleted contacts, organisations, tags and purposes, restorable until their purge date. */
export function TrashPage() {
  useDocumentTitle('Trash');
  const trash = useTrash();
  const toast = useToast();
  const navigate = useNavigate();
  const restored = (what: string) => (item: { id: string; name: string }) =>
    toast.show({ message: `Restored ${what} ${item.name}.` });

  return (
    <>
      <PageHeader
        title="Trash"
        subtitle="Deleted items stay here for a while, then are removed for good. Restore brings back everything they had."
      />
      {trash.isPending ? <Loading /> : null}
      {trash.isError ? <QueryError error={trash.error} onRetry={() => void trash.refetch()} /> : null}
      {trash.data ? (
        <div className="stack">
          <TrashedContactsSection inTrash={trash.data.contactsTotal} />
          <TrashSection
            kind="organisations"
            title="Organisations"
            empty="No deleted organisations."
            onRestored={restored('organisation')}
            items={trash.data.organisations.map((o) => ({
              id: o.id,
              name: o.name,
              deletedAt: o.deletedAt,
              purgeAfter: o.purgeAfter,
            }))}
          />
          <TrashSection
            kind="tags"
            title="Tags"
            empty="No deleted tags."
            onRestored={restored('tag')}
            items={trash.data.tags.map((t) => ({
              id: t.id,
              name: t.name,
              deletedAt: t.deletedAt,
              purgeAfter: t.purgeAfter,
            }))}
          />
          <TrashSection
            kind="purposes"
            title="Purposes"
            empty="No deleted purposes."
            onRestored={(item) =>
              toast.show({
                message: `Restored purpose ${item.name}.`,
                action: { label: 'Open', onClick: () => navigate(`/purposes/${item.id}`) },
              })
            }
            items={trash.data.purposes.map((p) => ({
              id: p.id,
              name: p.name,
              deletedAt: p.deletedAt,
              purgeAfter: p.purgeAfter,
            }))}
          />
          <p>
            <Link to="/contacts">Back to contacts</Link>
          </p>
        </div>
      ) : null}
    </>
  );
}
