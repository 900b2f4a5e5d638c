import type { z } from 'zod';
import { type Favour, favourInput } from '../../contracts/relationships';
import { accountToday } from '../agenda/account-today';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound, validationError } from '../errors';
import { requireContacts } from '../interactions/interaction';
import { findInteraction } from '../interactions/interaction.queries';
import { addToRelationships } from '../relationships/apply-to-relationships';
import { favourSize } from '../relationships/relationship-state';
import { validate } from '../validate';
import { toFavour } from './favour';
import { findFavour, insertFavour } from './favour.queries';

/**
 * Records a favour given to or received from a contact (Kelley's exchange of favours): it strengthens the
 * relationship and counts in the balance. A date in the future is a `validation` error.
 */
export async function recordFavour(
  ctx: Ctx,
  input: z.input<typeof favourInput>,
  source = 'manual',
): Promise<Favour> {
  const ownerId = requireActor(ctx);
  const data = validate(favourInput, input);
  const today = await accountToday(ctx, ownerId);
  const occurredOn = data.occurredOn ?? today;
  if (occurredOn > today) throw validationError('occurredOn', 'is in the future');
  return inTransaction(ctx, async (tx) => {
    const [contactId] = await requireContacts(tx, ownerId, [data.contactId]).catch(() => {
      throw validationError('contactId', 'is not one of your contacts');
    });
    if (data.interactionId && !(await findInteraction(tx.db, ownerId, data.interactionId)))
      throw notFound('interaction');
    const now = nowIso(tx);
    const row = {
      id: tx.ids.next(),
      owner_id: ownerId,
      contact_id: contactId as string,
      direction: data.direction,
      what: data.what,
      size: data.size,
      occurred_on: occurredOn,
      interaction_id: data.interactionId ?? null,
      source,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await insertFavour(tx.db, row);
    await addToRelationships(tx, ownerId, [row.contact_id], {
      type: 'favour',
      size: favourSize(row.size),
      at: Date.parse(occurredOn),
      day: occurredOn,
      direction: row.direction,
    });
    const saved = await findFavour(tx.db, ownerId, row.id);
    if (!saved) throw notFound('favour');
    return toFavour(saved);
  });
}
