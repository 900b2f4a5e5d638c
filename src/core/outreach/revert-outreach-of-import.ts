import type { Ctx } from '../context';
import { nowIso } from '../context';
import {
  deleteUntouchedItems,
  hasOtherOpenItem,
  itemsRepliedByImport,
  updateItemIf,
} from './outreach.queries';

/**
 * The outreach part of undoing an import, inside its transaction and before its messages are deleted: replies the
 * import detected are taken back (the item awaits a reply again), and the queue items it created for contacts that
 * already existed leave the queue unless a message went out from them (`createdItems` from its change log; items of
 * contacts it created go with those contacts). A purpose stage moved by a detected reply stays where it is.
 */
export async function revertOutreachOfImport(
  tx: Ctx,
  ownerId: string,
  importId: string,
  createdItems: string[],
): Promise<void> {
  const now = nowIso(tx);
  for (const item of await itemsRepliedByImport(tx.db, ownerId, importId)) {
    const reopen = !(await hasOtherOpenItem(tx.db, ownerId, item.contact_id, item.id));
    await updateItemIf(tx.db, ownerId, item.id, ['replied'], {
      state: reopen ? (item.followed_up_at ? 'followed-up' : 'sent') : 'closed',
      replied_at: null,
      reply_interaction_id: null,
      closed_at: reopen ? null : now,
      updated_at: now,
    });
  }
  await deleteUntouchedItems(tx.db, ownerId, createdItems);
}
