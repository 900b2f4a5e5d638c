import type { z } from 'zod';
import { type Connection, connectionListQuery, type connectionPage } from '../../contracts/network';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { notFound } from '../errors';
import { validate } from '../validate';
import { toConnection } from './connection';
import { connectionRowOf, listConnections as listRows } from './connection.queries';

/** The actor's connections (accepted), requests waiting on them (incoming) or on others (outgoing), newest first. */
export async function listConnections(
  ctx: Ctx,
  query: z.input<typeof connectionListQuery>,
): Promise<z.infer<typeof connectionPage>> {
  const me = requireActor(ctx);
  const q = validate(connectionListQuery, query);
  const after = q.cursor ? decodeCursor(q.cursor, ['at', 'id'] as const) : undefined;
  const rows = await listRows(
    ctx.db,
    me,
    q.state,
    q.limit + 1,
    after ? { at: String(after.at), id: String(after.id) } : undefined,
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toConnection(r, me)),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.sort_at, id: last.id }) : null,
  };
}

/** One of the actor's connections or requests; a stranger's (or one the actor declined) is `not_found`. */
export async function getConnection(ctx: Ctx, id: string): Promise<Connection> {
  const me = requireActor(ctx);
  const row = await connectionRowOf(ctx.db, me, id);
  if (!row || (row.status === 'declined' && row.requested_by !== me)) throw notFound('connection');
  return toConnection(row, me);
}
