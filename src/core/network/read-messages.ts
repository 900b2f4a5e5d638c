import type { z } from 'zod';
import { type messagePage, messagePageQuery, type threadList } from '../../contracts/network';
import { type Ctx, nowIso, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import type { ConnectionTable } from '../db/schema';
import { notFound } from '../errors';
import { validate } from '../validate';
import { findPair } from './connection.queries';
import { markThreadRead, threadPage, threadsOf } from './message.queries';

/** The accepted connection with `otherId`; anything else (no connection, pending, removed) is `not_found`. */
async function openThread(ctx: Ctx, me: string, otherId: string): Promise<ConnectionTable> {
  const connection = me === otherId ? undefined : await findPair(ctx.db, me, otherId);
  if (connection?.status !== 'accepted') throw notFound('conversation');
  return connection;
}

/** One page of the actor's thread with a connection, newest first. Once the connection is removed the thread is gone. */
export async function readThread(
  ctx: Ctx,
  otherId: string,
  query: z.input<typeof messagePageQuery>,
): Promise<z.infer<typeof messagePage>> {
  const me = requireActor(ctx);
  const q = validate(messagePageQuery, query);
  const connection = await openThread(ctx, me, otherId);
  const after = q.cursor ? decodeCursor(q.cursor, ['at', 'id'] as const) : undefined;
  const rows = await threadPage(
    ctx.db,
    connection.id,
    q.limit + 1,
    after ? { at: String(after.at), id: String(after.id) } : undefined,
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((m) => ({
      id: m.id,
      fromMe: m.sender_id === me,
      sender: { id: m.sender_id, name: m.sender_name },
      body: m.body,
      createdAt: m.created_at,
      readAt: m.read_at,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
  };
}

/** Marks everything the connection sent the actor as read; returns how many were unread. */
export async function markThreadReadBy(ctx: Ctx, otherId: string): Promise<{ marked: number }> {
  const me = requireActor(ctx);
  const connection = await openThread(ctx, me, otherId);
  return { marked: await markThreadRead(ctx.db, connection.id, me, nowIso(ctx)) };
}

const PREVIEW = 140;

/** The actor's conversations, most recent first, each with a short preview of the last message and unread count. */
export async function listThreads(ctx: Ctx): Promise<z.infer<typeof threadList>> {
  const me = requireActor(ctx);
  const rows = await threadsOf(ctx.db, me);
  return {
    items: rows.map((r) => ({
      connectionId: r.connection_id,
      account: { id: r.other_id, name: r.other_name },
      lastMessage: {
        preview: r.body.length > PREVIEW ? `${r.body.slice(0, PREVIEW - 1)}…` : r.body,
        fromMe: r.sender_id === me,
        createdAt: r.created_at,
      },
      unread: r.unread,
    })),
  };
}
