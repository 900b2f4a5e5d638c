import type { ContactSort } from '../../api/types';

export interface ContactListParams {
  q: string;
  tag: string;
  organisation: string;
  sort: ContactSort;
}

export const contactKeys = {
  all: ['contacts'] as const,
  list: (params: ContactListParams) => ['contacts', 'list', params] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
};
