import type { z } from 'zod';
import { type Interaction, interactionUpdateInput } from '../../contracts/relationships';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { validate } from '../validate';
import { occurredWhen, requireContacts, toInteraction } from './interaction';
import {
  contactsOfInteractions,
  findInteraction,
  replaceInteractionContacts,
  updateInteractionRow,
} from './interaction.queries';

/** Corrects a logged interaction; the strength of every contact it touched before or after is recomputed. */
export async function updateInteraction(
  ctx: Ctx,
  id: string,
  input: z.input<typeof interactionUpdateInput>,
): Promise<Interaction> {
  const ownerId = requireActor(ctx);
  const data = validate(interactionUpdateInput, input);
  return inTransaction(ctx, async (tx) => {
    const row = await findInteraction(tx.db, ownerId, id);
    if (!row) throw notFound('interaction');
    const patch: Parameters<typeof updateInteractionRow>[3] = { updated_at: nowIso(tx) };
    if (data.kind) patch.kind = data.kind;
    if (data.occurredAt) {
      // A new time or day replaces both: a day makes it date-only, a time makes it timed again.
      const when = await occurredWhen(tx, ownerId, data.occurredAt);
      patch.occurred_at = when.at;
      patch.date_only = when.dateOnly ? 1 : 0;
    }
    if (data.direction) patch.direction = data.direction;
    if ('answered' in data)
      patch.answered = data.answered === null || data.answered === undefined ? null : data.answered ? 1 : 0;
    if ('summary' in data) patch.summary = data.summary ?? null;
    // Written first, so that a correction sent twice at once waits here and then reads who the first one left.
    await updateInteractionRow(tx.db, ownerId, id, patch);
    const before = (await contactsOfInteractions(tx.db, ownerId, [id])).get(id)?.map((c) => c.id) ?? [];
    let after = before;
    if (data.contactIds) {
      after = await requireContacts(tx, ownerId, data.contactIds);
      await replaceInteractionContacts(tx.db, ownerId, id, after);
    }
    await refreshRelationships(tx, ownerId, [...before, ...after]);
    const updated = await findInteraction(tx.db, ownerId, id);
    if (!updated) throw notFound('interaction');
    return toInteraction(updated, (await contactsOfInteractions(tx.db, ownerId, [id])).get(id) ?? []);
  });
}
