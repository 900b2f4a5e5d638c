import type { ContactSort } from '../../api/types';
import { useOrganisationOptions } from '../organisations/use-organisation-options';
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
  const organisations = useOrganisationOptions();
  const orgs = organisations.data ?? [];
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
      <div className="field field--inline">
        <label htmlFor="filter-organisation">Organisation</label>
        <select
          id="filter-organisation"
          value={organisation}
          onChange={(e) => onChange({ organisation: e.target.value })}
        >
          <option value="">Any organisation</option>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          {organisation && !orgs.some((o) => o.id === organisation) ? (
            <option value={organisation}>Selected organisation</option>
          ) : null}
        </select>
      </div>
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
