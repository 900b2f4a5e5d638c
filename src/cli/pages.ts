/** The largest page the list use cases accept. */
export const MAX_PAGE = 200;

type Page<T> = { items: T[]; nextCursor: string | null };

/** Follows `nextCursor` to the end and returns every item in one page (with no next cursor). */
export async function allPages<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<Page<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, nextCursor: null };
}
