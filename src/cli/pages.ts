import { Option } from 'commander';
import { type GlobalOptions, note } from './output';

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

/** The paging options a list command takes: `--limit`, `--cursor` (cursorOption) and `--all`. */
export interface PageOptions {
  limit?: number;
  cursor?: string;
  all?: boolean;
}

/**
 * The page a list command's options ask for: every page with `--all` (MAX_PAGE at a time), else the page at
 * `--cursor` of `--limit` items. `fetch` calls the use case with the command's own filters.
 */
export function pageAsked<P extends Page>(
  o: PageOptions,
  fetch: (limit: number | undefined, cursor: string | undefined) => Promise<P>,
): Promise<P> {
  return o.all ? allPages((cursor) => fetch(MAX_PAGE, cursor)) : fetch(o.limit, o.cursor);
}

/**
 * After a page with more behind it, on stderr (not with --json, whose page has `nextCursor`): the command's own
 * hint (`more`), then the next page's `--cursor` for a script or a person to continue.
 */
export function noteNextPage(g: GlobalOptions, page: Page, more?: string): void {
  if (!page.nextCursor) return;
  if (more) note(g, more);
  note(g, `(next page: --cursor ${page.nextCursor})`);
}
