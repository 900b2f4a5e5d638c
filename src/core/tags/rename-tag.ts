import type { z } from 'zod';
import { type Tag, tagUpdateInput } from '../../contracts/tags';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, requireActor } from '../context';
import { isUniqueViolation } from '../db/portable';
import { notFound } from '../errors';
import { validate } from '../validate';
import { tagNameTaken } from './create-tag';
import { normaliseTagName, toTag } from './tag';
import { contactIdsWithTag, findLiveTagsByNorm, findTag, renameTag as rename } from './tag.queries';

/** Renames a tag everywhere it is used. Renaming onto another tag's name is a `conflict` (merge instead). */
export async function renameTag(ctx: Ctx, id: string, input: z.input<typeof tagUpdateInput>): Promise<Tag> {
  const ownerId = requireActor(ctx);
  const data = validate(tagUpdateInput, input);
  return inTransaction(ctx, async (tx) => {
    if (!(await findTag(tx.db, ownerId, id))) throw notFound('tag');
    const norm = normaliseTagName(data.name);
    const [clash] = await findLiveTagsByNorm(tx.db, ownerId, [norm]);
    if (clash && clash.id !== id) throw tagNameTaken(data.name);
    try {
      await rename(tx.db, ownerId, id, data.name, norm);
    } catch (e) {
      // Another tag took the name while this request was checking (two renames at once).
      if (isUniqueViolation(e)) throw tagNameTaken(data.name);
      throw e;
    }
    await reindexContacts(tx, ownerId, await contactIdsWithTag(tx.db, ownerId, id));
    const row = await findTag(tx.db, ownerId, id);
    if (!row) throw notFound('tag');
    return toTag(row);
  });
}
