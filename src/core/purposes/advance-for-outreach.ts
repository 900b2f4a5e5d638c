import { type Ctx, inTransaction, requireActor } from '../context';
import { notFound } from '../errors';
import { liveContactIds } from '../interactions/interaction.queries';
import { moveItemTo, placeItems } from './pipeline';
import { findPurpose, itemsOfContacts, listPurposeRows, lockPurpose } from './purpose.queries';
import { parseStages, roleIndex } from './stages';

/**
 * Outreach reached a milestone with a contact (a message sent: 'reached-out'; a reply: 'responded'). With a
 * purpose, the contact is placed on it if absent and its item moves forward to the stage with that role; without
 * one, the contact's items on every active purpose move forward. Items never move backward, and purposes without
 * a stage of that role are left alone. Joins the caller's transaction.
 */
export async function advanceForOutreach(
  ctx: Ctx,
  input: {
    contactId: string;
    purposeId: string | null;
    milestone: 'reached-out' | 'responded';
    source: string;
  },
): Promise<void> {
  const ownerId = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    if (!(await liveContactIds(tx.db, ownerId, [input.contactId])).has(input.contactId))
      throw notFound('contact');
    const purposes = input.purposeId
      ? [await findPurpose(tx.db, ownerId, input.purposeId)]
      : await listPurposeRows(tx.db, ownerId, 'active');
    if (input.purposeId && !purposes[0]) throw notFound('purpose');
    for (const purpose of purposes) {
      if (!purpose) continue;
      const stages = parseStages(purpose.stages);
      const target = roleIndex(stages, input.milestone);
      // Placing or moving waits for any other change to this board (the same message recorded twice at once).
      await lockPurpose(tx.db, ownerId, purpose.id);
      const item = (await itemsOfContacts(tx.db, ownerId, purpose.id, [input.contactId])).get(
        input.contactId,
      );
      if (!item) {
        // Only the named purpose gains the contact; "all purposes" means the ones the contact is already on.
        if (!input.purposeId) continue;
        const stage = stages[target] ?? stages[0];
        if (stage) await placeItems(tx, ownerId, purpose, [input.contactId], stage.id, {}, input.source);
        continue;
      }
      const current = stages.findIndex((s) => s.id === item.stage);
      const to = stages[target];
      if (to && current < target) await moveItemTo(tx, ownerId, purpose, item, to.id, null, input.source);
    }
  });
}
