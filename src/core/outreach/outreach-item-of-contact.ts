import type { OutreachItem } from '../../contracts/outreach';
import { type Ctx, requireActor } from '../context';
import { AppError } from '../errors';
import { presentItem } from './item-result';
import { latestItemOfContact } from './outreach.queries';

/** The contact's outreach item: the open one, else the latest. `not_found` when they never were in the queue. */
export async function outreachItemOfContact(ctx: Ctx, contactId: string): Promise<OutreachItem> {
  const ownerId = requireActor(ctx);
  const row = await latestItemOfContact(ctx.db, ownerId, contactId);
  if (!row) throw new AppError('not_found', 'this contact is not in the outreach queue (add them first)');
  return presentItem(ctx, ownerId, row.id);
}
