import type { OutreachItem } from '../../contracts/outreach';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { presentItem } from './item-result';
import { findItem, updateItemIf } from './outreach.queries';

/** No follow-up for this one: the item closes quietly without a second message. Only after a first message (`conflict`). */
export async function skipOutreachFollowUp(ctx: Ctx, itemId: string): Promise<OutreachItem> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const item = await findItem(tx.db, ownerId, itemId);
    if (!item) throw notFound('outreach item');
    const now = nowIso(tx);
    if (
      !(await updateItemIf(tx.db, ownerId, itemId, ['sent'], {
        state: 'closed',
        closed_at: now,
        updated_at: now,
      }))
    )
      throw new AppError(
        'conflict',
        item.state === 'queued'
          ? `nothing has been sent to ${item.display_name} yet`
          : `there is no follow-up waiting for ${item.display_name} (${item.state})`,
      );
    return presentItem(tx, ownerId, itemId);
  });
}
