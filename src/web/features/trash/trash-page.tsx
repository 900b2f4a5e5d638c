import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { TrashList } from '../../api/types';
import { formatDate, formatWhen } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { kindLabel } from '../relationships/relationship-words';
import { withLaterPages } from './trash-pages';
import { TrashSection } from './trash-section';
import { TrashedContactsSection } from './trashed-contacts-section';
import { useTrash } from './use-trash';
import { useTrashImport } from './use-trash-import';
import { type LedgerKind, useTrashedLedger } from './use-trashed-ledger';

/** Above the trash narrowed to one import's undo (`?import=`): which import, and the way back to all of it. */
function ImportFilter({ importId }: { importId: string }) {
  const { item, error } = useTrashImport(importId);
  const which = item
    ? `the import of ${item.fileName}${item.createdAt ? ` (${formatDate(item.createdAt)})` : ''}`
    : 'an import';
  return (
    <div className="alert alert--info">
      <p>
        {isApiError(error) && error.status === 404
          ? 'That import is not in your import history.'
          : item && item.status !== 'undone'
            ? `Only what undoing ${which} sent to the trash: it has not been undone, so there is nothing.`
            : `Only what undoing ${which} sent to the trash.`}{' '}
        <Link to="/trash">Show the whole trash</Link>
      </p>
    </div>
  );
}

/** "I helped Ada Lovelace · 20 Nov 2026": enough to tell one removed favour from another. */
function favourDetail(f: TrashList['favours'][number]): string {
  const who = f.contact.displayName;
  return `${f.direction === 'given' ? `I helped ${who}` : `${who} helped me`} · ${formatDate(f.occurredOn)}`;
}

function promiseDetail(p: TrashList['promises'][number]): string {
  const who = p.contact.displayName;
  return `${p.direction === 'mine' ? `I promised ${who}` : `${who} promised me`} · due ${formatDate(p.dueOn)}`;
}

/**
 * The removed `kind` the trash shows: the newest 1,000 `GET /trash` gave, then 200 more each time "Show more" is
 * pressed, while there are more.
 */
function useLaterPages<K extends LedgerKind>(kind: K, trash: TrashList | undefined) {
  const [open, setOpen] = useState(false);
  const after = trash?.[`${kind}NextCursor`] ?? null;
  const pages = useTrashedLedger(kind, after, open);
  const items = withLaterPages<TrashList[K][number]>(trash?.[kind] ?? [], pages.data?.pages);
  let more: ReactNode = null;
  if (after && !open)
    more = (
      <button type="button" className="button load-more" onClick={() => setOpen(true)}>
        Show more
      </button>
    );
  else if (after) more = <LoadMore list={pages} label="Show more" />;
  if (pages.isError)
    more = (
      <>
        {more}
        <p className="field__error" role="alert">
          Could not load more: {pages.error.message}
        </p>
      </>
    );
  return { items, more };
}

/**
 * Deleted contacts, organisations, tags, purposes, interactions, favours and promises, restorable until their purge
 * date; with `?import=<id>`, only the contacts undoing that import sent there (an undo sends nothing else).
 */
export function TrashPage() {
  useDocumentTitle('Trash');
  const [params] = useSearchParams();
  const importId = params.get('import') || undefined;
  const trash = useTrash();
  const toast = useToast();
  const navigate = useNavigate();
  const restored = (what: string) => (item: { id: string; name: string }) =>
    toast.show({ message: `Restored ${what} ${item.name}.` });
  const interactions = useLaterPages('interactions', trash.data);
  const favours = useLaterPages('favours', trash.data);
  const promises = useLaterPages('promises', trash.data);

  return (
    <>
      <PageHeader
        title="Trash"
        subtitle="Deleted items stay here for a while, then are removed for good. Restore brings back everything they had."
      />
      {importId ? <ImportFilter importId={importId} /> : null}
      {trash.isPending ? <Loading /> : null}
      {trash.isError ? <QueryError error={trash.error} onRetry={() => void trash.refetch()} /> : null}
      {trash.data ? (
        <div className="stack">
          {/* A new filter starts afresh: no search carried over from the last one. */}
          <TrashedContactsSection
            key={importId ?? ''}
            inTrash={trash.data.contactsTotal}
            importId={importId}
          />
          {importId ? null : (
            <>
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
              <TrashSection
                kind="interactions"
                title="Interactions"
                empty="No removed interactions."
                onRestored={(item) => toast.show({ message: `Restored: ${item.name}.` })}
                more={interactions.more}
                items={interactions.items.map((i) => ({
                  id: i.id,
                  name: `${kindLabel(i.kind)} with ${i.contacts.map((c) => c.displayName).join(', ')}`,
                  detail: [formatWhen(i.occurredAt, i.dateOnly), i.summary].filter(Boolean).join(' · '),
                  deletedAt: i.deletedAt,
                  purgeAfter: i.purgeAfter,
                }))}
              />
              <TrashSection
                kind="favours"
                title="Favours"
                empty="No removed favours."
                onRestored={(item) => toast.show({ message: `Restored the favour ${item.name}.` })}
                more={favours.more}
                items={favours.items.map((f) => ({
                  id: f.id,
                  name: f.what,
                  detail: favourDetail(f),
                  deletedAt: f.deletedAt,
                  purgeAfter: f.purgeAfter,
                }))}
              />
              <TrashSection
                kind="promises"
                title="Promises"
                empty="No removed promises."
                onRestored={(item) => toast.show({ message: `Restored the promise ${item.name}.` })}
                more={promises.more}
                items={promises.items.map((p) => ({
                  id: p.id,
                  name: p.what,
                  detail: promiseDetail(p),
                  deletedAt: p.deletedAt,
                  purgeAfter: p.purgeAfter,
                }))}
              />
            </>
          )}
          <p>
            <Link to="/contacts">Back to contacts</Link>
          </p>
        </div>
      ) : null}
    </>
  );
}
