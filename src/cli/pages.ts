import { Option } from 'commander';

/** The largest page the list use cases accept. */
export const MAX_PAGE = 200;

type Page = { items: unknown[]; nextCursor: string | null };

/** Follows `nextCursor` to the end and returns every item in one page (the first page's other fields, no cursor). */
export async function allPages<P extends Page>(
  fetch: (cursor: string | undefined) => Promise<P>,
): Promise<P> {
  const first = await fetch(undefined);
  const items = [...first.items];
  let cursor = first.nextCursor ?? undefined;
  while (cursor) {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  }
  return { ...first, items, nextCursor: null };
}

/** `--cursor`: a script's next page, the previous page's `nextCursor` (`--all` already follows every page). */
export function cursorOption(): Option {
  return new Option('--cursor <cursor>', "the next page: the previous page's nextCursor (--json)").conflicts(
    'all',
  );
}
