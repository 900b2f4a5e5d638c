/** Query keys of outreach; every write invalidates the whole family (and Today, which shows the queue). */
export const outreachKeys = {
  all: ['outreach'] as const,
  queue: (view: string, purpose: string, q: string, order = 'newest') =>
    ['outreach', 'queue', view, purpose, q, order] as const,
  next: () => ['outreach', 'next'] as const,
  item: (id: string) => ['outreach', 'item', id] as const,
  templates: ['outreach', 'templates'] as const,
  stats: (purpose: string) => ['outreach', 'stats', purpose] as const,
  replies: (filter: Record<string, string | undefined>) => ['outreach', 'replies', filter] as const,
  preview: (id: string, draft: unknown) => ['outreach', 'preview', id, draft] as const,
};
