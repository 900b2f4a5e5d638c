import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../ui/confirm-button';
import { formatCount, plural } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { QueryError } from '../../ui/query-error';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useToast } from '../../ui/use-toast';
import { TrashSection } from './trash-section';
import { useRestoreTrashedContacts } from './use-restore-trashed-contacts';
import { useTrashedContacts } from './use-trashed-contacts';

const SEARCH_DEBOUNCE_MS = 150;

/**
 * Deleted contacts, most recently deleted first, a page at a time ("Show more"): how many there are, a search
 * over them, and "Restore all" of what the search finds (everything without one), after a confirmation. With
 * `importId`, all of it is about the contacts undoing that import sent to the trash.
 */
export function TrashedContactsSection({ inTrash, importId }: { inTrash: number; importId?: string }) {
  const toast = useToast();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const list = useTrashedContacts(q, importId);
  // How many that import's undo left in the trash, whatever the search (the same query as the list's without one).
  const ofImport = useTrashedContacts('', importId, { enabled: importId !== undefined });
  const count = importId === undefined ? inTrash : (ofImport.data?.pages[0]?.total ?? 0);
  const restoreAll = useRestoreTrashedContacts();
  const heading = useRef<HTMLHeadingElement>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const matching = list.data?.pages[0]?.total ?? 0;
  // "Restore all N" must act on the search whose N is on screen: not while a newer one is typed or loading.
  const fresh = q === text.trim() && !list.isPending && !list.isPlaceholderData;
  const status = list.isPending
    ? 'Loading deleted contacts…'
    : q
      ? `${plural(matching, 'deleted contact')} ${matching === 1 ? 'matches' : 'match'} “${q}”.`
      : importId
        ? `${plural(matching, 'contact')} from undoing this import.`
        : `${plural(matching, 'deleted contact')}.`;
  const shown = items.length < matching ? ` Showing the ${formatCount(items.length)} deleted last.` : '';

  const tools =
    count > 0 || text ? (
      <>
        <search aria-label="Deleted contacts" className="inline-form">
          <div className="field">
            <label htmlFor="trash-contact-search">Search deleted contacts</label>
            <input
              id="trash-contact-search"
              type="search"
              autoComplete="off"
              spellCheck={false}
              placeholder="Name, organisation, email, tag…"
              aria-describedby="trash-contact-status"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          {matching > 1 ? (
            <div className="inline-form__actions">
              <ConfirmButton
                label={
                  q ? `Restore all ${formatCount(matching)} matching` : `Restore all ${formatCount(matching)}`
                }
                question={
                  q
                    ? `Restore the ${plural(matching, 'deleted contact')} matching “${q}”?`
                    : importId
                      ? `Restore the ${plural(matching, 'contact')} undoing this import sent to the trash?`
                      : `Restore all ${plural(matching, 'deleted contact')}?`
                }
                confirmLabel="Yes, restore them"
                pending={restoreAll.isPending || !fresh}
                onConfirm={() =>
                  restoreAll.mutate(
                    { q, importId },
                    {
                      onSuccess: (r) => {
                        setText('');
                        heading.current?.focus();
                        toast.show({
                          message: `Restored ${plural(r.restored, 'contact')}.`,
                          action: { label: 'Show contacts', onClick: () => navigate('/contacts') },
                        });
                      },
                      onError: (e) =>
                        toast.show({ message: `Could not restore: ${e.message}`, tone: 'error' }),
                    },
                  )
                }
              />
            </div>
          ) : null}
        </search>
        <p id="trash-contact-status" className="result-status" role="status">
          {status}
          {shown}
        </p>
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      </>
    ) : null;

  return (
    <TrashSection
      kind="contacts"
      title="Contacts"
      count={count}
      headingRef={heading}
      tools={tools}
      empty={
        list.isPending
          ? 'Loading…'
          : q
            ? `No deleted contacts match “${q}”.`
            : importId
              ? 'None of the contacts undoing this import sent to the trash is there now.'
              : 'No deleted contacts.'
      }
      onRestored={(item) =>
        toast.show({
          message: `Restored ${item.name}.`,
          action: { label: 'Open', onClick: () => navigate(`/contacts/${item.id}`) },
        })
      }
      items={items.map((c) => ({
        id: c.id,
        name: c.displayName,
        detail: [c.title, c.organisation?.name].filter(Boolean).join(' · ') || c.primaryEmail,
        deletedAt: c.deletedAt,
        purgeAfter: c.purgeAfter,
      }))}
      more={<LoadMore list={list} label="Show more" />}
    />
  );
}
