import type { z } from 'zod';
import { outreachAddInput } from '../../contracts/outreach';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { validationError } from '../errors';
import { requireContacts } from '../interactions/interaction';
import { findPurpose } from '../purposes/purpose.queries';
import { validate } from '../validate';
import { ownerToday } from './enqueue-new-connections';
import { newQueueItem } from './outreach';
import {
  closeLapsedItems,
  connectedOnOf,
  contactsWithItems,
  insertItemsIfNoneOpen,
} from './outreach.queries';

/**
 * Adds connections to the queue on purpose (older connections never enter by themselves), optionally for a
 * purpose. A contact already waiting or awaiting a reply is counted, not added twice; an unknown contact is a
 * `validation` error naming `contactIds.N`.
 */
export async function addToOutreachQueue(
  ctx: Ctx,
  input: z.input<typeof outreachAddInput>,
): Promise<{ added: number; alreadyQueued: number }> {
  const ownerId = requireActor(ctx);
  const data = validate(outreachAddInput, input);
  return inTransaction(ctx, async (tx) => {
    const contactIds = await requireContacts(tx, ownerId, data.contactIds);
    if (data.purposeId && !(await findPurpose(tx.db, ownerId, data.purposeId)))
      throw validationError('purposeId', 'is not one of your purposes');
    const now = nowIso(tx);
    await closeLapsedItems(tx.db, ownerId, await ownerToday(tx, ownerId), now);
    const open = await contactsWithItems(tx.db, ownerId, contactIds, { openOnly: true });
    const connected = await connectedOnOf(tx.db, ownerId, contactIds);
    const fresh = contactIds.filter((id) => !open.has(id));
    const added = await insertItemsIfNoneOpen(
      tx.db,
      fresh.map((contactId) =>
        newQueueItem({
          id: tx.ids.next(),
          ownerId,
          contactId,
          reason: 'added',
          connectedOn: connected.get(contactId) ?? null,
          purposeId: data.purposeId ?? null,
          now,
        }),
      ),
    );
    return { added, alreadyQueued: contactIds.length - added };
  });
}
