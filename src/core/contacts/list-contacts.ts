import { type ContactListQuery, type ContactPage, contactListQuery } from '../../contracts/contacts';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { validationError } from '../errors';
import { validate } from '../validate';
import {
  type ContactFilter,
  type ContactSort,
  type ContactSummaryRow,
  countContacts,
  countSearchHits,
  findContactSummaries,
  listContacts as list,
  rankSearchHits,
  searchNameStarts,
  type TextStage,
  UNDATED,
  walkSearchHits,
} from './contact.queries';
import { contactListFilter } from './contact-list-filter';
import { presentSummaries } from './present-contact';

// Search pages are for finding someone, not for walking the rolodex (use the sorted list for that).
const MAX_SEARCH_OFFSET = 2000;
// A full-text stage with at least this many hits (the owner's) is walked in name order rather than ranked whole:
// ranking costs a lookup per hit, walking about want × rolodex / hits rows (30k contacts: 3,000 hits, 110 rows).
const MANY_HITS = 500;
// The most contacts a walk reads before it gives up and the stage ranks its hits after all.
const WALK = 2000;
const MAX_WALKED_PAGE = 50;

/**
 * Best matches first, in stages that stop as soon as `want` rows are found: names starting with the query
 * (straight off an index), then names whose words start with every query word, then matches in other fields
 * (those whose first word starts a name word first). Stages 2–3 rank few hits whole and walk the name index when
 * there are many, so short prefixes cost about the same as long ones.
 */
async function searchInStages(
  ctx: Ctx,
  filter: ContactFilter,
  searchWords: string[],
  want: number,
): Promise<ContactSummaryRow[]> {
  const rows = await searchNameStarts(ctx.db, filter, searchWords.join(' '), want);
  // One word that starts a name word starts them all: `first-in-name` needs two or more.
  const stages: TextStage[] =
    searchWords.length > 1 ? ['name', 'first-in-name', 'first-elsewhere'] : ['name', 'first-elsewhere'];
  for (const stage of stages) {
    const need = want - rows.length;
    if (need <= 0) break;
    rows.push(...(await searchStage(ctx, filter, searchWords, stage, need)));
  }
  return rows;
}

async function searchStage(
  ctx: Ctx,
  filter: ContactFilter,
  searchWords: string[],
  stage: TextStage,
  want: number,
): Promise<ContactSummaryRow[]> {
  const hits = await countSearchHits(ctx.db, ctx.engine, filter.ownerId, searchWords, stage, MANY_HITS);
  if (hits === 0) return [];
  if (hits >= MANY_HITS && want <= MAX_WALKED_PAGE) {
    const found = await walkSearchHits(ctx.db, ctx.engine, filter, searchWords, stage, want, WALK);
    if (found) return found;
  }
  const ids = await rankSearchHits(ctx.db, ctx.engine, filter, searchWords, stage, want);
  // Ranked narrow (ids only), so whole rows are read for the page alone.
  const byId = new Map((await findContactSummaries(ctx.db, filter.ownerId, ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const SORTS: Record<string, ContactSort> = {
  name: { column: 'sort_key', dir: 'asc' },
  '-name': { column: 'sort_key', dir: 'desc' },
  created: { column: 'created_at', dir: 'asc' },
  '-created': { column: 'created_at', dir: 'desc' },
  connected: { column: 'connected_on', dir: 'asc' },
  '-connected': { column: 'connected_on', dir: 'desc' },
};

/**
 * A page of the actor's live contacts (or trashed ones with `deleted`). With `q`, typeahead search: every word
 * prefix-matches accent- and case-insensitively, best matches first (the first 2,200 or so), or every match in the
 * order `sort` names when it is given; otherwise sorted by `sort` (default name).
 */
export async function listContacts(
  ctx: Ctx,
  query: ContactListQuery,
  opts: { deleted?: boolean } = {},
): Promise<ContactPage> {
  const ownerId = requireActor(ctx);
  const q = validate(contactListQuery, query);
  const found = await contactListFilter(ctx, ownerId, q, opts);
  if (!found) return { items: [], nextCursor: null, total: 0 };
  const { filter, searchWords } = found;
  let rows: ContactSummaryRow[];
  let next: (last: ContactSummaryRow) => string;
  let total: number | null = null;
  // A search with an explicit `sort` is every match in that order, paged by key like the list (no depth limit, a
  // total): how a script walks all 3,000 people at Acme. Without one it is ranked typeahead, which stops at a depth.
  if (searchWords.length > 0 && !q.sort) {
    const offset = q.cursor ? Number(decodeCursor(q.cursor, ['o']).o) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_SEARCH_OFFSET) {
      throw validationError('cursor', 'is not a cursor this list gave out');
    }
    // The page reaching past the deepest offset served is the last one: no cursor that would then be refused.
    const deepest = offset + q.limit > MAX_SEARCH_OFFSET;
    rows = (await searchInStages(ctx, filter, searchWords, offset + q.limit + (deepest ? 0 : 1))).slice(
      offset,
    );
    next = () => encodeCursor({ o: offset + q.limit });
  } else {
    const sortName = q.sort ?? 'name';
    const sort = SORTS[sortName] as ContactSort;
    const after = q.cursor ? decodeCursor(q.cursor, ['k', 'i']) : undefined;
    const matching: ContactFilter =
      searchWords.length > 0 ? { ...filter, text: { engine: ctx.engine, words: searchWords } } : filter;
    rows = await list(ctx.db, matching, {
      sort,
      after: after ? { key: String(after.k), id: String(after.i) } : undefined,
      limit: q.limit + 1,
    });
    // Counted once, with the first page: a short page is its own count.
    if (!after) total = rows.length <= q.limit ? rows.length : await countContacts(ctx.db, matching);
    next = (last) => encodeCursor({ k: sortKeyOf(last, sort), i: last.id });
  }
  const hasMore = rows.length > q.limit;
  const pageRows = rows.slice(0, q.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: await presentSummaries(ctx, ownerId, pageRows),
    nextCursor: hasMore && last ? next(last) : null,
    total,
  };
}

function sortKeyOf(row: ContactSummaryRow, sort: ContactSort): string {
  switch (sort.column) {
    case 'sort_key':
      return row.sort_key;
    case 'created_at':
      return row.created_at;
    case 'connected_on':
      return row.connected_on ?? (sort.dir === 'asc' ? UNDATED : '');
  }
}
