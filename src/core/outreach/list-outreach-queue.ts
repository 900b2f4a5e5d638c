import type { z } from 'zod';
import { type OutreachQueuePage, outreachQueueQuery } from '../../contracts/outreach';
import { type Ctx, nowIso, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { words } from '../text/fold';
import { validate } from '../validate';
import { ownerToday } from './enqueue-new-connections';
import { toItem } from './outreach';
import { closeLapsedItems, listItems, messagesOfItems, queueCounts } from './outreach.queries';

/**
 * One page of the outreach queue: queued connections (newest connection first), those awaiting a reply (soonest
 * follow-up first), follow-ups due today, replied, closed or dismissed ones; by purpose and by name. Follow-ups
 * that waited their window without a reply are closed quietly first.
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
  const rows = await listItems(ctx.db, ctx.engine, ownerId, {
    view: q.view,
    today,
    purposeId: q.purpose,
    words: q.q ? words(q.q) : [],
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
  const end = page.at(-1);
  return {
    items: page.map((r) => toItem(r, today, last.get(r.id))),
    nextCursor: rows.length > q.limit && end ? encodeCursor({ s: end.sort_value, i: end.id }) : null,
    counts: await queueCounts(ctx.db, ownerId, today),
  };
}
