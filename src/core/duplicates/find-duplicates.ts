import { type DuplicateList, type DuplicatesQuery, duplicatesQuery } from '../../contracts/duplicates';
import { findContactSummaries } from '../contacts/contact.queries';
import { presentSummaries } from '../contacts/present-contact';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { validationError } from '../errors';
import { validate } from '../validate';
import { duplicateCandidates, firstAfter, type PairOrder } from './duplicate-candidates';
import { dismissedPairs } from './duplicates.queries';

/**
 * A page of the contacts that may be the same person, strongest first (see `duplicate-candidates.ts`), and how
 * many pairs there are in all. Pairs marked "not the same person" are left out. The cursor is the last pair's
 * place in the order, so a pair dismissed or merged meanwhile neither skips nor repeats one on the next page.
 */
export async function findDuplicates(ctx: Ctx, query: DuplicatesQuery = {}): Promise<DuplicateList> {
  const ownerId = requireActor(ctx);
  const q = validate(duplicatesQuery, query);
  const after = q.cursor === undefined ? undefined : orderOf(q.cursor);
  const candidates = await duplicateCandidates(ctx.db, ownerId);
  const dismissed = await dismissedPairs(ctx.db, ownerId);
  const open = candidates.pairs.filter((p) => !dismissed.has(`${p.a}|${p.b}`));
  const start = after ? firstAfter(open, after) : 0;
  const page = open.slice(start, start + q.limit);
  const rows = await findContactSummaries(ctx.db, ownerId, [...new Set(page.flatMap((p) => [p.a, p.b]))]);
  const summaries = new Map((await presentSummaries(ctx, ownerId, rows)).map((s) => [s.id, s]));
  const last = page.at(-1);
  return {
    // A contact merged or deleted since the pairs were worked out (PostgreSQL keeps none) takes its pairs along.
    items: page.flatMap((p) => {
      const a = summaries.get(p.a);
      const b = summaries.get(p.b);
      return a && b && !a.deletedAt && !b.deletedAt
        ? [{ a, b, strength: p.strength, reasons: p.reasons }]
        : [];
    }),
    total: open.length,
    totalExact: candidates.complete,
    nextCursor: last && start + q.limit < open.length ? cursorOf(last.order) : null,
  };
}

const KEYS = ['r', 'n', 'k', 'v', 'a', 'b'] as const;

function cursorOf([r, n, k, v, a, b]: PairOrder): string {
  return encodeCursor({ r, n, k, v, a, b });
}

function orderOf(cursor: string): PairOrder {
  const c = decodeCursor(cursor, KEYS);
  const { r, n, k, v, a, b } = c;
  if (typeof r !== 'number' || typeof n !== 'number' || [k, v, a, b].some((s) => typeof s !== 'string'))
    throw validationError('cursor', 'is not a cursor this list gave out');
  return [r, n, k as string, v as string, a as string, b as string];
}
