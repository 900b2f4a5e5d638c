import type { Connection } from '../../contracts/network';
import { findAccountById } from '../accounts/account.queries';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import type { ConnectionTable } from '../db/schema';
import { AppError, notFound } from '../errors';
import { enqueueNewConnections, ownerToday } from '../outreach/enqueue-new-connections';
import { toConnection } from './connection';
import { connectionRowOf, findConnectionOf, updateConnection } from './connection.queries';
import { networkChanged } from './index/load-network-index';
import { linkConnectionContact } from './link-connection-contact';
import { connectionAcceptedMail, notify } from './network-mail';

/**
 * Accepts a connection request made to the actor: both accounts are connected from now on, and each side gets the
 * contact that stands for the other linked (found or created). Not the actor's request to decide: `not_found`
 * for strangers, `conflict` for the one who asked or an answered request.
 */
export async function acceptConnection(ctx: Ctx, id: string): Promise<Connection> {
  const me = requireActor(ctx);
  const connection = await inTransaction(ctx, async (tx) => {
    const row = await findConnectionOf(tx.db, me, id);
    if (!row || (row.status === 'declined' && row.requested_by !== me)) throw notFound('connection');
    if (row.status === 'accepted') throw new AppError('conflict', 'you are already connected');
    if (row.requested_by === me) {
      throw new AppError('conflict', 'you asked; the other side decides whether to accept');
    }
    if (row.status !== 'pending') throw notFound('connection');
    return acceptPending(tx, me, row);
  });
  await notifyAccepted(ctx, connection.account.id, me);
  return connection;
}

/** Marks a pending connection accepted by `me` (inside the caller's transaction) and links both sides' contacts. */
export async function acceptPending(tx: Ctx, me: string, row: ConnectionTable): Promise<Connection> {
  const now = nowIso(tx);
  const changed = await updateConnection(
    tx.db,
    row.id,
    { status: 'accepted', responded_at: now, updated_at: now },
    { status: 'pending' },
  );
  if (changed !== 1) throw new AppError('conflict', 'this request was answered or withdrawn meanwhile');
  await connectAccounts(tx, row);
  const after = await connectionRowOf(tx.db, me, row.id);
  if (!after) throw new Error('connection vanished inside its own transaction');
  return toConnection(after, me);
}

/**
 * After a connection became accepted: both sides' contacts linked, each waiting in its owner's outreach queue for a
 * personal message (a new connection like any other, unless it already had its turn), and every network index told.
 */
export async function connectAccounts(
  tx: Ctx,
  row: Pick<ConnectionTable, 'id' | 'account_lo' | 'account_hi' | 'lo_contact_id' | 'hi_contact_id'>,
): Promise<void> {
  const lo = await linkConnectionContact(tx, row, row.account_lo);
  const hi = await linkConnectionContact(tx, row, row.account_hi);
  for (const [ownerId, contactId] of [
    [row.account_lo, lo],
    [row.account_hi, hi],
  ] as const) {
    if (!contactId) continue;
    const today = await ownerToday(tx, ownerId);
    await enqueueNewConnections(tx, ownerId, [{ id: contactId, connectedOn: today }], { existing: 'check' });
  }
  await networkChanged(tx);
}

/** Tells the one who asked that `byId` accepted (best effort, after the commit). */
export async function notifyAccepted(ctx: Ctx, toId: string, byId: string): Promise<void> {
  const [to, by] = await Promise.all([findAccountById(ctx.db, toId), findAccountById(ctx.db, byId)]);
  if (!to || !by) return;
  await notify(
    ctx,
    connectionAcceptedMail({
      to: { name: to.name, address: to.email },
      byName: by.name,
      url: `${ctx.settings.publicUrl}/network/messages/${encodeURIComponent(byId)}`,
    }),
    'connection accepted',
  );
}
