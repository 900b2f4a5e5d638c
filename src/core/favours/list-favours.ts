import type { z } from 'zod';
import { type Favour, favourListQuery } from '../../contracts/relationships';
import { type Ctx, requireActor } from '../context';
import { decodeScopedCursor, encodeScopedCursor } from '../cursor';
import { validate } from '../validate';
import { toFavour } from './favour';
import { listFavours as list } from './favour.queries';

/**
 * The actor's favours, newest first (ties by id), optionally with one contact; paged with a cursor made for this
 * account and this contact filter. Throws `validation` on a bad limit or cursor.
 */
export async function listFavours(
  ctx: Ctx,
  query: z.input<typeof favourListQuery> = {},
): Promise<{ items: Favour[]; nextCursor: string | null }> {
  const ownerId = requireActor(ctx);
  const q = validate(favourListQuery, query);
  const filter = [q.contact];
  const before = q.cursor ? decodeScopedCursor(q.cursor, ['on', 'id'], ownerId, filter) : undefined;
  const rows = await list(ctx.db, ownerId, {
    contactId: q.contact,
    before: before ? { on: String(before.on), id: String(before.id) } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toFavour),
    nextCursor:
      rows.length > q.limit && last
        ? encodeScopedCursor(ownerId, filter, { on: last.occurred_on, id: last.id })
        : null,
  };
}
