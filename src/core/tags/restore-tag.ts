import type { Tag } from '../../contracts/tags';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, requireActor } from '../context';
import { isUniqueViolation } from '../db/portable';
import { notFound } from '../errors';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { inTrashWindow } from '../trash/trash-window';
import { tagNameTaken } from './create-tag';
import { toTag } from './tag';
import { contactIdsWithTag, findLiveTagsByNorm, findTag, setTagDeletedAt } from './tag.queries';

/** Brings a trashed tag back onto its contacts; `conflict` if a live tag has taken its name meanwhile. */
export async function restoreTag(ctx: Ctx, id: string): Promise<Tag> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await findTag(tx.db, ownerId, id, { deleted: true });
    if (!row || !inTrashWindow(tx, row.deleted_at)) throw notFound('tag in the trash');
    if ((await findLiveTagsByNorm(tx.db, ownerId, [row.name_norm])).length > 0) throw tagNameTaken(row.name);
    try {
      await setTagDeletedAt(tx.db, ownerId, id, null);
    } catch (e) {
      // A live tag took the name while this request was checking.
      if (isUniqueViolation(e)) throw tagNameTaken(row.name);
      throw e;
    }
    const affected = await contactIdsWithTag(tx.db, ownerId, id);
    await reindexContacts(tx, ownerId, affected);
    await rescheduleRelationships(tx, ownerId, affected);
    const restored = await findTag(tx.db, ownerId, id);
    if (!restored) throw notFound('tag');
    return toTag(restored);
  });
}
