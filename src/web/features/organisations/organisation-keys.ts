export const organisationKeys = {
  all: ['organisations'] as const,
  list: (q: string) => ['organisations', 'list', q] as const,
  search: (q: string) => ['organisations', 'search', q] as const,
  detail: (id: string) => ['organisations', 'detail', id] as const,
  pastPeople: (id: string, start: string | null) => ['organisations', 'past-people', id, start] as const,
};
