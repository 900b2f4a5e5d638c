import { lockContacts } from '../contacts/contact.queries';
import { deleteContact } from '../contacts/delete-contact';
import { type Ctx, inTransaction, requireActor } from '../context';
import { etagListed } from '../etag';
import { cardsOf, contactOfCard } from './address-book';

/**
 * A client removes a card (CardDAV DELETE): the contact goes to the trash, where it can be restored for the
 * trash window, as when deleted in the web app. `If-Match` is honoured.
 */
export async function deleteCard(
  ctx: Ctx,
  name: string,
  ifMatch?: string,
): Promise<'deleted' | 'not-found' | 'precondition-failed'> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const id = await contactOfCard(tx, ownerId, name);
    if (!id) return 'not-found';
    // An edit being saved (it locks its contact) lands before the ETag is checked, as for a card written.
    await lockContacts(tx.db, ownerId, [id]);
    if (ifMatch !== undefined) {
      const [current] = await cardsOf(tx, ownerId, [id]);
      if (!current || !etagListed(ifMatch, current.etag)) return 'precondition-failed';
    }
    await deleteContact(tx, id);
    return 'deleted';
  });
}
