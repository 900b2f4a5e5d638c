/** Query keys of the network pages; a write invalidates the family it touches (and Today where it shows there). */
export const networkKeys = {
  all: ['network'] as const,
  me: ['network', 'me'] as const,
  connections: (state: string) => ['network', 'connections', state] as const,
  connection: (id: string) => ['network', 'connection', id] as const,
  invites: ['network', 'invites'] as const,
  /** Outside `all`: once the link is used it answers 404, and nothing should ask again. */
  invite: (token: string) => ['network-invite', token] as const,
  profile: (accountId: string) => ['network', 'profile', accountId] as const,
  threads: ['network', 'threads'] as const,
  thread: (accountId: string) => ['network', 'thread', accountId] as const,
  sharing: ['network', 'sharing'] as const,
  contactSharing: (contactId: string) => ['network', 'contact-sharing', contactId] as const,
  onRapport: (contactId: string) => ['network', 'on-rapport', contactId] as const,
  accessLog: ['network', 'access-log'] as const,
  graph: (limit: number) => ['network', 'graph', limit] as const,
  /** Searches spend the daily quota: their keys live outside `all`, so no write refetches them by accident. */
  search: (q: string) => ['network-search', 'people', q] as const,
  paths: (q: string, contactId: string) => ['network-search', 'paths', q, contactId] as const,
};
