import { useQuery } from '@tanstack/react-query';
import type { ContactCount } from '../../../contracts/contacts';
import { api, withQuery } from '../../api/client';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import type { ContactListParams } from './contact-keys';

// Counting a one-letter search of 30,000 contacts takes ~10–20 ms: once the typing has paused, not per keystroke.
const COUNT_DEBOUNCE_MS = 300;

type CountParams = Omit<ContactListParams, 'sort'>;

/**
 * How many contacts the search finds, all pages together (the list's first page counts only a sorted list). Undefined
 * until the count for exactly this search has arrived, so an old count is never shown beside new results.
 */
export function useSearchCount(params: CountParams): number | undefined {
  const key = JSON.stringify([params.q, params.tag, params.organisation]);
  const settled = useDebouncedValue(key, COUNT_DEBOUNCE_MS);
  const [q, tag, organisation] = JSON.parse(settled) as [string, string, string];
  const count = useQuery({
    queryKey: ['contacts', 'count', { q, tag, organisation }],
    queryFn: ({ signal }) =>
      api.get<ContactCount>(withQuery('/contacts/count', { q, tag, organisation }), { signal }),
    enabled: Boolean(q) && settled === key,
  });
  return params.q && settled === key ? count.data?.total : undefined;
}

/** How many contacts the account has in all (undefined while loading): Today tells a new account where to start. */
export function useContactTotal(enabled = true): number | undefined {
  const count = useQuery({
    queryKey: ['contacts', 'count', {}],
    queryFn: ({ signal }) => api.get<ContactCount>('/contacts/count', { signal }),
    enabled,
  });
  return count.data?.total;
}
