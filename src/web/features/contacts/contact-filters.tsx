import { useEffect, useRef, useState } from 'react';
import type { ContactSort } from '../../api/types';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useOrganisation } from '../organisations/use-organisation';
import { useOrganisationSearch } from '../organisations/use-organisation-options';
import { useTags } from '../tags/use-tags';

const SORT_LABELS: Record<ContactSort, string> = {
  name: 'Name, A–Z',
  '-name': 'Name, Z–A',
  '-created': 'Newest first',
  created: 'Oldest first',
  '-connected': 'Recently connected',
  connected: 'Connected longest ago',
};

export const CONTACT_SORT_VALUES = Object.keys(SORT_LABELS) as ContactSort[];

interface ContactFiltersProps {
  tag: string;
  organisation: string;
  sort: ContactSort;
  searching: boolean;
  onChange: (patch: Partial<{ tag: string; organisation: string; sort: ContactSort }>) => void;
}

/** Tag, organisation and sort menus for the contact list (sort gives way to relevance while searching). */
export function ContactFilters({ tag, organisation, sort, searching, onChange }: ContactFiltersProps) {
  const tags = useTags();
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">Filter and sort</legend>
      <div className="field field--inline">
        <label htmlFor="filter-tag">Tag</label>
        <select id="filter-tag" value={tag} onChange={(e) => onChange({ tag: e.target.value })}>
          <option value="">Any tag</option>
          {(tags.data ?? []).map((t) => (
            <option key={t.id} value={t.name}>
              {t.name} ({t.contactCount})
            </option>
          ))}
          {tag && !tags.data?.some((t) => t.name === tag) ? <option value={tag}>{tag}</option> : null}
        </select>
      </div>
      <OrganisationFilter id={organisation} onChange={(id) => onChange({ organisation: id })} />
      <div className="field field--inline">
        <label htmlFor="filter-sort">Sort</label>
        <select
          id="filter-sort"
          value={searching ? 'relevance' : sort}
          disabled={searching}
          aria-describedby={searching ? 'filter-sort-hint' : undefined}
          onChange={(e) => onChange({ sort: e.target.value as ContactSort })}
        >
          {searching ? <option value="relevance">Best match</option> : null}
          {CONTACT_SORT_VALUES.map((value) => (
            <option key={value} value={value}>
              {SORT_LABELS[value]}
            </option>
          ))}
        </select>
        {searching ? (
          <span id="filter-sort-hint" className="visually-hidden">
            While searching, the best matches come first.
          </span>
        ) : null}
      </div>
    </fieldset>
  );
}

/**
 * The organisation filter: type part of a name, pick it from the suggestions (any of the account's organisations,
 * searched on the server: a LinkedIn import brings thousands); clearing the field clears the filter.
 */
function OrganisationFilter({ id, onChange }: { id: string; onChange: (id: string) => void }) {
  const chosen = useOrganisation(id);
  // What the person typed; null shows the chosen organisation's name (as when it came with the page address).
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? (id ? (chosen.data?.name ?? '') : '');
  const q = useDebouncedValue(text.trim(), 150);
  const options = useOrganisationSearch(q).data ?? [];
  // The filter changed from elsewhere (a link, Back): forget the typing.
  const emitted = useRef(id);
  useEffect(() => {
    if (id !== emitted.current) {
      emitted.current = id;
      setTyped(null);
    }
  }, [id]);
  const emit = (next: string) => {
    if (next === id) return;
    emitted.current = next;
    onChange(next);
  };

  // An exact name picks that organisation; anything else (or nothing) is no filter yet.
  const pick = (value: string, among: typeof options) => {
    const v = value.trim().toLocaleLowerCase();
    emit((v && among.find((o) => o.name.toLocaleLowerCase() === v)?.id) || '');
  };
  // Suggestions arrive after the typing: an exact name typed faster than the search still picks.
  useEffect(() => {
    if (typed !== null) pick(typed, options);
  });

  return (
    <div className="field field--inline">
      <label htmlFor="filter-organisation">Organisation</label>
      <input
        id="filter-organisation"
        type="search"
        list="filter-organisation-options"
        autoComplete="off"
        placeholder="Any organisation"
        value={text}
        onChange={(e) => {
          setTyped(e.target.value);
          pick(e.target.value, options);
        }}
      />
      <datalist id="filter-organisation-options">
        {options.map((o) => (
          <option key={o.id} value={o.name}>
            {`${o.contactCount} ${o.contactCount === 1 ? 'contact' : 'contacts'}`}
          </option>
        ))}
      </datalist>
    </div>
  );
}
