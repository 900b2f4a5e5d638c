/** Query keys of purposes; every write invalidates the whole family (and Today, whose stale items it can move). */
export const purposeKeys = {
  all: ['purposes'] as const,
  list: (status: string) => ['purposes', 'list', status] as const,
  board: (id: string) => ['purposes', 'board', id] as const,
  ofContact: (contactId: string) => ['purposes', 'contact', contactId] as const,
  moves: (id: string, itemId: string) => ['purposes', 'moves', id, itemId] as const,
};
