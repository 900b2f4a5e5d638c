import type { z } from 'zod';
import { type OutreachQueuePage, outreachQueueQuery } from '../../contracts/outreach';
import { searchQueryWords } from '../contacts/contact';
import { type Ctx, nowIso, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { validate } from '../validate';
import { ownerToday } from './enqueue-new-connections';
import { toItem } from './outreach';
import {
  closeLapsedItems,
  listItems,
  messagesOfItems,
  queueCounts,
  writtenOutsideOf,
} from './outreach.queries';

/**
 * One page of the outreach queue: connections still waiting for a personal message (newest connection first, or
 * oldest with `order: 'oldest'`; one
 * already written to outside outreach is no longer waiting, and shows in `all` with `writtenOutside`), those awaiting a reply (soonest
 * follow-up first), follow-ups due today, replied, closed or dismissed ones; by purpose and by name or phone number.
 * Follow-ups that waited their window without a reply are closed quietly first.
 */
export async function listOutreachQueue(
  ctx: Ctx,
  query: z.input<typeof outreachQueueQuery> = {},
): Promise<OutreachQueuePage> {
  const ownerId = requireActor(ctx);
  const q = validate(outreachQueueQuery, query);
  const today = await ownerToday(ctx, ownerId);
  await closeLapsedItems(ctx.db, ownerId, today, nowIso(ctx));
  const after = q.cursor ? decodeCursor(q.cursor, ['s', 'i'] as const) : undefined;
  // Folded as contact search folds them (a phone number one word of its digits, O'Brien as "obrien" too).
  const searchWords = q.q ? searchQueryWords(q.q) : [];
  // A query with no word in it ("!!") finds no one, as in contact search.
  const rows =
    q.q && searchWords.length === 0
      ? []
      : await listItems(ctx.db, ctx.engine, ownerId, {
          view: q.view,
          oldest: q.order === 'oldest',
          today,
          purposeId: q.purpose,
          words: searchWords,
          after: after ? { sort: String(after.s), id: String(after.i) } : undefined,
          limit: q.limit + 1,
        });
  const page = rows.slice(0, q.limit);
  const messages = await messagesOfItems(
    ctx.db,
    ownerId,
    page.map((r) => r.id),
  );
  const last = new Map(messages.map((m) => [m.item_id, m]));
  const written = await writtenOutsideOf(
    ctx.db,
    ownerId,
    page.filter((r) => r.state === 'queued').map((r) => r.id),
  );
  const end = page.at(-1);
  return {
    items: page.map((r) => toItem(r, today, last.get(r.id), written.get(r.id) ?? null)),
    nextCursor: rows.length > q.limit && end ? encodeCursor({ s: end.sort_value, i: end.id }) : null,
    counts: await queueCounts(ctx.db, ownerId, today),
  };
}
