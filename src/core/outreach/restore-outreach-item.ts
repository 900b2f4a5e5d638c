import type { OutreachItem } from '../../contracts/outreach';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { isUniqueViolation } from '../db/portable';
import { AppError, notFound } from '../errors';
import { presentItem } from './item-result';
import { findItem, hasOtherOpenItem, updateItemIf } from './outreach.queries';

/** Puts a dismissed connection back in the queue. A `conflict` when it is not dismissed or is queued again anyway. */
export async function restoreOutreachItem(ctx: Ctx, itemId: string): Promise<OutreachItem> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const item = await findItem(tx.db, ownerId, itemId);
    if (!item) throw notFound('outreach item');
    if (item.state !== 'dismissed')
      throw new AppError(
        'conflict',
        `only a dismissed connection can be restored (this one is ${item.state})`,
      );
    if (await hasOtherOpenItem(tx.db, ownerId, item.contact_id, itemId))
      throw new AppError('conflict', `${item.display_name} is already in the queue`);
    const now = nowIso(tx);
    try {
      await updateItemIf(tx.db, ownerId, itemId, ['dismissed'], {
        state: 'queued',
        closed_at: null,
        updated_at: now,
      });
    } catch (e) {
      // Queued again by another request while this one was checking (one open item per contact).
      if (isUniqueViolation(e))
        throw new AppError('conflict', `${item.display_name} is already in the queue`);
      throw e;
    }
    return presentItem(tx, ownerId, itemId);
  });
}
