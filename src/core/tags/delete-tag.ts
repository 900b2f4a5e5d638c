import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { purgeAfter } from '../trash/trash-window';
import { contactIdsWithTag, findTag, setTagDeletedAt } from './tag.queries';

/** Moves a tag to the trash: contacts stop showing it, and get it back on restore. */
export async function deleteTag(ctx: Ctx, id: string): Promise<{ purgeAfter: string }> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    if (!(await findTag(tx.db, ownerId, id))) throw notFound('tag');
    const at = nowIso(tx);
    await setTagDeletedAt(tx.db, ownerId, id, at);
    await reindexContacts(tx, ownerId, await contactIdsWithTag(tx.db, ownerId, id));
    return { purgeAfter: purgeAfter(tx, at) };
  });
}
