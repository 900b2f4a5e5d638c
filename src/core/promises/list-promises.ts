import type { z } from 'zod';
import { type PromiseView, promiseListQuery } from '../../contracts/relationships';
import { accountToday } from '../agenda/account-today';
import { type Ctx, requireActor } from '../context';
import { decodeScopedCursor, encodeScopedCursor } from '../cursor';
import { validate } from '../validate';
import { toPromise } from './promise';
import { listPromises as list } from './promise.queries';

/**
 * The actor's promises by due date (ties by id), optionally with one contact or in one status; paged with a cursor
 * made for this account and these filters. Throws `validation` on a bad status, limit or cursor.
 */
export async function listPromises(
  ctx: Ctx,
  query: z.input<typeof promiseListQuery> = {},
): Promise<{ items: PromiseView[]; nextCursor: string | null }> {
  const ownerId = requireActor(ctx);
  const q = validate(promiseListQuery, query);
  const filter = [q.contact, q.status];
  const after = q.cursor ? decodeScopedCursor(q.cursor, ['on', 'id'], ownerId, filter) : undefined;
  const today = await accountToday(ctx, ownerId);
  const rows = await list(ctx.db, ownerId, {
    contactId: q.contact,
    status: q.status,
    after: after ? { on: String(after.on), id: String(after.id) } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toPromise(r, today)),
    nextCursor:
      rows.length > q.limit && last
        ? encodeScopedCursor(ownerId, filter, { on: last.due_on, id: last.id })
        : null,
  };
}
