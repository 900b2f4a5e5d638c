import type { Contact } from '../../contracts/contacts';
import { type Ctx, requireActor } from '../context';
import { mergedAway, notFound } from '../errors';
import { survivorOf } from '../follow-merges';
import { contactMergeStates, findContact } from './contact.queries';
import { presentContact } from './present-contact';

/**
 * One of the actor's live contacts; anything else (missing, trashed, another account's) is `not_found`. One the
 * actor merged away is `not_found` naming the live contact it now lives in (`details.mergedInto`).
 */
export async function getContact(ctx: Ctx, id: string): Promise<Contact> {
  const ownerId = requireActor(ctx);
  const row = await findContact(ctx.db, ownerId, id);
  if (!row) {
    const into = await survivorOf(id, (ids) => contactMergeStates(ctx.db, ownerId, ids));
    throw into ? mergedAway('contact', into) : notFound('contact');
  }
  return presentContact(ctx, row);
}
