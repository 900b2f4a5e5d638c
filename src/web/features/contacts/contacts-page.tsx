import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ContactSort, ContactSummary } from '../../api/types';
import { formatCount, plural } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CONTACT_SORT_VALUES, ContactFilters } from './contact-filters';
import { ContactResult } from './contact-result';
import { ContactsSubnav } from './contacts-subnav';
import { EmptyRolodex } from './empty-rolodex';
import { TagTheseContacts } from './tag-these-contacts';
import { useSearchCount } from './use-contact-count';
import { useContactList } from './use-contact-list';

const LISTBOX_ID = 'contact-results';
const SEARCH_DEBOUNCE_MS = 120;

function optionId(contact: ContactSummary): string {
  return `contact-option-${contact.id}`;
}

/**
 * The rolodex: instant search (every keystroke, from the first letter), filters, sort and "load more".
 * The search box is a combobox: ↑/↓ move through the results, Enter opens the highlighted one.
 */
export function ContactsPage() {
  useDocumentTitle('Contacts');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const urlQ = params.get('q') ?? '';
  const [text, setText] = useState(urlQ);
  const q = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const tag = params.get('tag') ?? '';
  const organisation = params.get('organisation') ?? '';
  const sortParam = params.get('sort') as ContactSort | null;
  const sort: ContactSort = sortParam && CONTACT_SORT_VALUES.includes(sortParam) ? sortParam : 'name';
  const list = useContactList({ q, tag, organisation, sort });
  const searchTotal = useSearchCount({ q, tag, organisation });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [active, setActive] = useState(-1);
  const [pendingOpen, setPendingOpen] = useState(false);
  const qRef = useRef(q);
  qRef.current = q;
  const urlQRef = useRef(urlQ);
  urlQRef.current = urlQ;

  // Keep the debounced query in the address bar (so Back and reload keep the search), without piling up history.
  useEffect(() => {
    if (urlQRef.current === q) return;
    setParams(
      (prev) => {
        if ((prev.get('q') ?? '') === q) return prev;
        const next = new URLSearchParams(prev);
        if (q) next.set('q', q);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [q, setParams]);

  // The address changed from outside (a link, Back): follow it.
  useEffect(() => {
    if (urlQ !== qRef.current) setText(urlQ);
  }, [urlQ]);

  // New results: highlight the best match while searching, nothing while browsing.
  const firstPage = list.data?.pages[0];
  useEffect(() => {
    setActive(q && firstPage && firstPage.items.length > 0 ? 0 : -1);
  }, [firstPage, q]);

  const fresh = q === text.trim() && !list.isPlaceholderData && !list.isPending;

  function open(contact: ContactSummary | undefined) {
    if (contact) void navigate(`/contacts/${contact.id}`);
  }

  // Enter pressed before the results for the latest keystrokes arrived: open the best match once they do.
  useEffect(() => {
    if (!pendingOpen || !fresh) return;
    setPendingOpen(false);
    open(firstPage?.items[0]);
  });

  function setFilter(patch: Partial<{ tag: string; organisation: string; sort: ContactSort }>) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value && !(key === 'sort' && value === 'name')) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setActive((i) => Math.min(i + 1, items.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((i) => Math.max(i - 1, 0));
        break;
      case 'Enter':
        e.preventDefault();
        if (fresh) open(items[active] ?? (q ? items[0] : undefined));
        else if (text.trim()) setPendingOpen(true);
        break;
      case 'Escape':
        if (text) {
          e.preventDefault();
          setText('');
        }
        break;
      default:
        break;
    }
  }

  const activeItem = active >= 0 ? items[active] : undefined;
  useEffect(() => {
    if (activeItem) document.getElementById(optionId(activeItem))?.scrollIntoView({ block: 'nearest' });
  }, [activeItem]);

  const filtered = Boolean(tag || organisation);
  const matches = !list.hasNextPage
    ? plural(items.length, 'match', 'matches')
    : searchTotal === undefined
      ? `${plural(items.length, 'match', 'matches')} so far`
      : `${formatCount(items.length)} of ${plural(searchTotal, 'match', 'matches')} shown`;
  const status = list.isPending
    ? 'Loading contacts…'
    : items.length === 0
      ? q
        ? `No contacts match “${q}”.`
        : filtered
          ? 'No contacts match these filters.'
          : ''
      : q
        ? `${matches}. Use ↑ and ↓ to choose, Enter to open.`
        : list.hasNextPage
          ? `${items.length} of ${plural(list.data?.pages[0]?.total ?? items.length, 'contact')} shown.`
          : `${plural(items.length, 'contact')}.`;
  // Everyone the list shows, all pages: what "Tag these" reaches (known once the results are for what is typed).
  const listTotal = q ? (list.hasNextPage ? searchTotal : items.length) : (firstPage?.total ?? undefined);
  const everyone = fresh && listTotal ? listTotal : 0;

  return (
    <>
      <PageHeader
        title="Contacts"
        actions={
          <Link to="/contacts/new" className="button button--primary">
            New contact
          </Link>
        }
      />
      <ContactsSubnav />
      <search aria-label="Contacts" className="search">
        <div className="search__box">
          <label htmlFor="contact-search" className="search__label">
            Search contacts
          </label>
          <input
            id="contact-search"
            data-search-input=""
            type="search"
            className="search__input"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={items.length > 0}
            aria-controls={items.length > 0 ? LISTBOX_ID : undefined}
            aria-activedescendant={activeItem ? optionId(activeItem) : undefined}
            aria-describedby="contact-search-status"
            autoComplete="off"
            spellCheck={false}
            placeholder="Name, organisation, email, tag…"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <p className="field__hint keys-hint">
            Press <kbd>/</kbd> anywhere to search, <kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to
            open.
          </p>
        </div>
        <ContactFilters
          tag={tag}
          organisation={organisation}
          sort={sort}
          searching={Boolean(q)}
          onChange={setFilter}
        />
      </search>
      <div className="list-summary">
        <p id="contact-search-status" className="result-status" role="status">
          {status}
        </p>
        {everyone > 0 ? (
          <TagTheseContacts
            filter={{ q: q || undefined, tag: tag || undefined, organisation: organisation || undefined }}
            total={everyone}
          />
        ) : null}
      </div>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {!list.isPending && items.length === 0 && !q && !filtered ? <EmptyRolodex /> : null}
      {items.length > 0 ? (
        <div
          id={LISTBOX_ID}
          role="listbox"
          aria-label={q ? `Contacts matching ${q}` : 'Contacts'}
          className={list.isPlaceholderData ? 'results results--stale' : 'results'}
        >
          {items.map((contact, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard (↑/↓/Enter)
            // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant
            <div
              key={contact.id}
              id={optionId(contact)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'result result--active' : 'result'}
              onMouseMove={() => {
                if (active !== i) setActive(i);
              }}
              onClick={() => open(contact)}
            >
              <ContactResult contact={contact} />
            </div>
          ))}
        </div>
      ) : null}
      <LoadMore list={list} />
    </>
  );
}
