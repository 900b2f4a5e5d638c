import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { purgeAfter } from '../trash/trash-window';
import { contactIdsWithTag, findTag, setTagDeletedAt } from './tag.queries';

/** Moves a tag to the trash: contacts stop showing it, and get it back on restore. */
export async function deleteTag(ctx: Ctx, id: string): Promise<{ purgeAfter: string }> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    if (!(await findTag(tx.db, ownerId, id))) throw notFound('tag');
    const at = nowIso(tx);
    await setTagDeletedAt(tx.db, ownerId, id, at);
    const affected = await contactIdsWithTag(tx.db, ownerId, id);
    await reindexContacts(tx, ownerId, affected);
    await rescheduleRelationships(tx, ownerId, affected);
    return { purgeAfter: purgeAfter(tx, at) };
  });
}
