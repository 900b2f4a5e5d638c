import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { findConnectionOf, updateConnection } from './connection.queries';

/**
 * Declines a connection request made to the actor. The inviter sees "declined" and may ask again only after 90
 * days; the actor may still invite them. `not_found` for strangers, `conflict` for the inviter or an answered request.
 */
export async function declineConnection(ctx: Ctx, id: string): Promise<void> {
  const me = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await findConnectionOf(tx.db, me, id);
    if (!row || (row.status === 'declined' && row.requested_by !== me)) throw notFound('connection');
    if (row.requested_by === me) {
      throw new AppError('conflict', 'you asked; withdraw the invitation instead');
    }
    if (row.status !== 'pending')
      throw new AppError('conflict', 'you are already connected; remove the connection instead');
    const now = nowIso(tx);
    const changed = await updateConnection(
      tx.db,
      row.id,
      { status: 'declined', responded_at: now, updated_at: now },
      { status: 'pending' },
    );
    if (changed !== 1) throw new AppError('conflict', 'this request was answered or withdrawn meanwhile');
  });
}
