import type { z } from 'zod';
import { type Tag, tagUpdateInput } from '../../contracts/tags';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { isUniqueViolation } from '../db/portable';
import { notFound } from '../errors';
import { validate } from '../validate';
import { tagNameTaken } from './create-tag';
import { normaliseTagName, toTag } from './tag';
import {
  contactIdsWithTag,
  findLiveTagsByNorm,
  findTag,
  recordMergedTagName,
  renameTag as rename,
} from './tag.queries';

/** Renames a tag everywhere it is used. Renaming onto another tag's name is a `conflict` (merge instead). */
export async function renameTag(ctx: Ctx, id: string, input: z.input<typeof tagUpdateInput>): Promise<Tag> {
  const ownerId = requireActor(ctx);
  const data = validate(tagUpdateInput, input);
  return inTransaction(ctx, async (tx) => {
    const before = await findTag(tx.db, ownerId, id);
    if (!before) throw notFound('tag');
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
    // The old name leads to the renamed tag, as a merged tag's does (ADR 22): a phone or a file still naming it
    // must not bring it back as a second tag. A live tag of that name, made later, wins.
    if (before.name_norm !== norm)
      await recordMergedTagName(tx.db, ownerId, { nameNorm: before.name_norm, id }, id, nowIso(tx));
    await reindexContacts(tx, ownerId, await contactIdsWithTag(tx.db, ownerId, id));
    const row = await findTag(tx.db, ownerId, id);
    if (!row) throw notFound('tag');
    return toTag(row);
  });
}
