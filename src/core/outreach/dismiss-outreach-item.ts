import type { OutreachItem } from '../../contracts/outreach';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { presentItem } from './item-result';
import { findItem, updateItemIf } from './outreach.queries';

/** "Not this person": a queued connection leaves the queue (restore brings it back). Only queued items (`conflict`). */
export async function dismissOutreachItem(ctx: Ctx, itemId: string): Promise<OutreachItem> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const item = await findItem(tx.db, ownerId, itemId);
    if (!item) throw notFound('outreach item');
    const now = nowIso(tx);
    if (
      !(await updateItemIf(tx.db, ownerId, itemId, ['queued'], {
        state: 'dismissed',
        closed_at: now,
        updated_at: now,
      }))
    )
      throw new AppError('conflict', `only a queued connection can be dismissed (this one is ${item.state})`);
    return presentItem(tx, ownerId, itemId);
  });
}
