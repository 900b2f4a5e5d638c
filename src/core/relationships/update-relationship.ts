import type { z } from 'zod';
import { type Relationship, relationshipSettingsInput } from '../../contracts/relationships';
import { findContact } from '../contacts/contact.queries';
import { type Ctx, inTransaction, requireActor } from '../context';
import { notFound } from '../errors';
import { validate } from '../validate';
import { getRelationship } from './get-relationship';
import { rescheduleRelationships } from './reschedule-relationships';

/** Sets how close the actor feels to a contact (a floor for the score), its keep-in-touch interval, or stops it. */
export async function updateRelationship(
  ctx: Ctx,
  contactId: string,
  input: z.input<typeof relationshipSettingsInput>,
): Promise<Relationship> {
  const ownerId = requireActor(ctx);
  const data = validate(relationshipSettingsInput, input);
  return inTransaction(ctx, async (tx) => {
    if (!(await findContact(tx.db, ownerId, contactId))) throw notFound('contact');
    await rescheduleRelationships(tx, ownerId, [contactId], {
      ...(data.closeness !== undefined ? { closeness: data.closeness } : {}),
      ...(data.cadenceDays !== undefined ? { cadence_days: data.cadenceDays } : {}),
      ...(data.stopped !== undefined ? { cadence_stopped: data.stopped ? 1 : 0 } : {}),
    });
    return getRelationship(tx, contactId);
  });
}
