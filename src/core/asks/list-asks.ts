import { type AskListPage, type AskListQuery, askListQuery } from '../../contracts/asks';
import { accountToday } from '../agenda/account-today';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { validate } from '../validate';
import { listConnectionsAsks, listOwnAsks } from './ask.queries';
import { askViews } from './view-asks';

/**
 * A page of the ask board: my connections' open asks (newest first; a removed connection's asks are gone at once),
 * or with `from: 'mine'` the asks I posted, in every state, with their answers. Throws `validation` on a bad
 * `from`, limit or cursor.
 */
export async function listAsks(ctx: Ctx, query: AskListQuery = {}): Promise<AskListPage> {
  const viewerId = requireActor(ctx);
  const q = validate(askListQuery, query);
  const after = q.cursor ? decodeCursor(q.cursor, ['at', 'id'] as const) : undefined;
  const before = after ? { at: String(after.at), id: String(after.id) } : undefined;
  const today = await accountToday(ctx, viewerId);
  const rows =
    q.from === 'mine'
      ? await listOwnAsks(ctx.db, viewerId, q.limit + 1, { before })
      : await listConnectionsAsks(ctx.db, viewerId, today, q.limit + 1, { before });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await askViews(ctx, viewerId, page, today),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
  };
}
