import type { OutreachItem } from '../../contracts/outreach';
import { findContact } from '../contacts/contact.queries';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { presentItem } from './item-result';
import { latestItemOfContact } from './outreach.queries';

/**
 * The contact's outreach item, for the contact page: the open one, else the latest; null when they never were in the
 * queue. `not_found` when the contact is not the actor's (another account's item is never shown).
 */
export async function findOutreachItemOfContact(ctx: Ctx, contactId: string): Promise<OutreachItem | null> {
  const ownerId = requireActor(ctx);
  if (!(await findContact(ctx.db, ownerId, contactId))) throw notFound('contact');
  const row = await latestItemOfContact(ctx.db, ownerId, contactId);
  return row ? presentItem(ctx, ownerId, row.id) : null;
}
