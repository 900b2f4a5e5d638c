import { type Ctx, inTransaction, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { findConnectionOf } from './connection.queries';
import { declineConnection } from './decline-connection';
import { endConnection } from './end-connection';
import { networkChanged } from './index/load-network-index';

/**
 * Ends a connection, effective immediately for both sides and every network feature: an accepted connection is
 * deleted with its message thread (either side may do this), and the introductions and outreach it started end
 * with it (`endConnection`); a pending one the actor asked for is withdrawn; a pending one asked of the actor is
 * declined. `not_found` for strangers.
 */
export async function removeConnection(ctx: Ctx, id: string): Promise<void> {
  const me = requireActor(ctx);
  const row = await findConnectionOf(ctx.db, me, id);
  if (!row || (row.status === 'declined' && row.requested_by !== me)) throw notFound('connection');
  if (row.status === 'pending' && row.requested_by !== me) return declineConnection(ctx, id);
  if (row.status === 'declined') {
    throw new AppError(
      'conflict',
      'this invitation was declined; it stays on your list until you may ask again',
    );
  }
  await inTransaction(ctx, async (tx) => {
    if ((await endConnection(tx, row)) !== 1) throw notFound('connection');
    if (row.status === 'accepted') await networkChanged(tx);
    tx.log.info(
      { connectionId: row.id },
      row.status === 'accepted' ? 'connection removed' : 'invitation withdrawn',
    );
  });
}
