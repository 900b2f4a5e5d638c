import type { OutreachItem } from '../../contracts/outreach';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { ownerToday } from './enqueue-new-connections';
import { toItem } from './outreach';
import { findItem, messagesOfItems, writtenOutsideOf } from './outreach.queries';

/** The item as the API shows it, with its latest message. */
export async function presentItem(ctx: Ctx, ownerId: string, itemId: string): Promise<OutreachItem> {
  const row = await findItem(ctx.db, ownerId, itemId);
  if (!row) throw notFound('outreach item');
  const messages = await messagesOfItems(ctx.db, ownerId, [itemId]);
  const written = row.state === 'queued' ? await writtenOutsideOf(ctx.db, ownerId, [itemId]) : undefined;
  return toItem(row, await ownerToday(ctx, ownerId), messages.at(-1), written?.get(itemId) ?? null);
}
