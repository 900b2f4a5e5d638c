import type { z } from 'zod';
import { type Favour, favourUpdateInput } from '../../contracts/relationships';
import { accountToday } from '../agenda/account-today';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound, validationError } from '../errors';
import { requireContacts } from '../interactions/interaction';
import { findInteraction } from '../interactions/interaction.queries';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { validate } from '../validate';
import { toFavour } from './favour';
import { findFavour, updateFavourRow } from './favour.queries';

/**
 * Corrects a favour (what, size, date, direction, the person, the linked interaction); only what is sent changes.
 * The relationship of the person it was with, and of the one it now is with, is recomputed.
 */
export async function updateFavour(
  ctx: Ctx,
  id: string,
  input: z.input<typeof favourUpdateInput>,
): Promise<Favour> {
  const ownerId = requireActor(ctx);
  const data = validate(favourUpdateInput, input);
  if (data.occurredOn && data.occurredOn > (await accountToday(ctx, ownerId))) {
    throw validationError('occurredOn', 'is in the future');
  }
  return inTransaction(ctx, async (tx) => {
    const row = await findFavour(tx.db, ownerId, id);
    if (!row) throw notFound('favour');
    let contactId = row.contact_id;
    if (data.contactId) {
      [contactId] = (await requireContacts(tx, ownerId, [data.contactId]).catch(() => {
        throw validationError('contactId', 'is not one of your contacts');
      })) as [string];
    }
    if (data.interactionId && !(await findInteraction(tx.db, ownerId, data.interactionId)))
      throw notFound('interaction');
    await updateFavourRow(tx.db, ownerId, id, {
      contact_id: contactId,
      ...(data.direction ? { direction: data.direction } : {}),
      ...(data.what ? { what: data.what } : {}),
      ...(data.size ? { size: data.size } : {}),
      ...(data.occurredOn ? { occurred_on: data.occurredOn } : {}),
      ...('interactionId' in data ? { interaction_id: data.interactionId ?? null } : {}),
      updated_at: nowIso(tx),
    });
    await refreshRelationships(tx, ownerId, [row.contact_id, contactId]);
    const saved = await findFavour(tx.db, ownerId, id);
    if (!saved) throw notFound('favour');
    return toFavour(saved);
  });
}
