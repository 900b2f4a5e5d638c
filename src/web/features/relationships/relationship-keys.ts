import type { PromiseStatus } from '../../api/types';

/** Query keys of the relationship engine; every write invalidates the families it can move (see `useInvalidateRelationships`). */
export const relationshipKeys = {
  today: (limit: number | undefined) => ['today', limit ?? 'default'] as const,
  relationship: (contactId: string) => ['relationship', contactId] as const,
  interactions: (contactId: string | undefined) => ['interactions', contactId ?? 'all'] as const,
  favours: (contactId: string | undefined) => ['favours', 'list', contactId ?? 'all'] as const,
  favourBalance: ['favours', 'balance'] as const,
  promises: (contactId: string | undefined, status?: PromiseStatus) =>
    ['promises', 'list', contactId ?? 'all', status ?? 'any'] as const,
  promiseStats: ['promises', 'stats'] as const,
  charts: ['charts'] as const,
  settings: ['settings'] as const,
  profile: ['profile'] as const,
};

/**
 * Everything an interaction, favour or promise can change: Today, scores, timelines, ledgers, the charts and the
 * organisation pages (each person's tier and last contact).
 */
export const RELATIONSHIP_FAMILIES = [
  'today',
  'relationship',
  'interactions',
  'favours',
  'promises',
  'charts',
  'organisations',
];
