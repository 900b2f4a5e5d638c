import type { z } from 'zod';
import { type Favour, favourUpdateInput } from '../../contracts/relationships';
import { accountToday } from '../agenda/account-today';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound, validationError } from '../errors';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { validate } from '../validate';
import { toFavour } from './favour';
import { findFavour, updateFavourRow } from './favour.queries';

/** Corrects a favour (what, size, date, direction); the relationship is recomputed. */
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
    await updateFavourRow(tx.db, ownerId, id, {
      ...(data.direction ? { direction: data.direction } : {}),
      ...(data.what ? { what: data.what } : {}),
      ...(data.size ? { size: data.size } : {}),
      ...(data.occurredOn ? { occurred_on: data.occurredOn } : {}),
      ...('interactionId' in data ? { interaction_id: data.interactionId ?? null } : {}),
      updated_at: nowIso(tx),
    });
    await refreshRelationships(tx, ownerId, [row.contact_id]);
    const saved = await findFavour(tx.db, ownerId, id);
    if (!saved) throw notFound('favour');
    return toFavour(saved);
  });
}
