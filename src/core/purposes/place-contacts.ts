import type { z } from 'zod';
import { type PurposeItem, placeContactsInput } from '../../contracts/purposes';
import { type Ctx, inTransaction, requireActor } from '../context';
import { requireContacts } from '../interactions/interaction';
import { validate } from '../validate';
import { pastMoment, placeItems } from './pipeline';
import { presentPurpose, requirePurpose, requireStage } from './purpose';
import { itemsOfContacts } from './purpose.queries';
import { parseStages } from './stages';

/**
 * Places one or many contacts on a purpose, in the first stage unless another is named, with an optional next
 * step and note, and since when they are there (`since`, for people added after the fact; now when left out).
 * Contacts already on it stay where they are and are listed in `alreadyThere`.
 */
export async function placeContacts(
  ctx: Ctx,
  purposeId: string,
  input: z.input<typeof placeContactsInput>,
  source = 'manual',
): Promise<{ placed: PurposeItem[]; alreadyThere: string[] }> {
  const ownerId = requireActor(ctx);
  const data = validate(placeContactsInput, input);
  return inTransaction(ctx, async (tx) => {
    const purpose = await requirePurpose(tx, ownerId, purposeId, { lock: true });
    const stages = parseStages(purpose.stages);
    const stage = data.stageId ? requireStage(stages, data.stageId, 'stageId') : stages[0];
    if (!stage) throw new Error('a purpose always has a stage');
    const contactIds = await requireContacts(tx, ownerId, data.contactIds);
    const existing = await itemsOfContacts(tx.db, ownerId, purposeId, contactIds);
    const fresh = contactIds.filter((id) => !existing.has(id));
    const since = data.since === undefined ? undefined : await pastMoment(tx, ownerId, data.since, 'since');
    const rows = await placeItems(tx, ownerId, purpose, fresh, stage.id, { ...data, since }, source);
    const ids = new Set(rows.map((r) => r.id));
    const { items } = await presentPurpose(tx, ownerId, purpose);
    return { placed: items.filter((i) => ids.has(i.id)), alreadyThere: [...existing.keys()] };
  });
}
