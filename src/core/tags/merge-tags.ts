import type { z } from 'zod';
import { type Tag, tagMergeInput } from '../../contracts/tags';
import { lockAccount } from '../accounts/account.queries';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound, validationError } from '../errors';
import { setTagCadence } from '../relationships/relationship.queries';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { validate } from '../validate';
import { toTag } from './tag';
import {
  contactIdsWithTag,
  deleteTag,
  findTag,
  lockTags,
  moveTagLinks,
  recordMergedTagName,
} from './tag.queries';

/**
 * Moves every contact of tag `id` onto tag `into` and removes `id`, whose name then leads to `into`; `into` keeps
 * the shorter keep-in-touch interval of the two. Both must be the actor's live tags.
 */
export async function mergeTags(ctx: Ctx, id: string, input: z.input<typeof tagMergeInput>): Promise<Tag> {
  const ownerId = requireActor(ctx);
  const { into } = validate(tagMergeInput, input);
  if (into === id) throw validationError('into', 'cannot merge a tag into itself');
  return inTransaction(ctx, async (tx) => {
    // The account first, as imports and CardDAV writes do (ADR 20): one that names either tag waits.
    await lockAccount(tx.db, ownerId);
    // The same merge sent twice: the second finds the tag gone.
    await lockTags(tx.db, ownerId, [id, into]);
    const gone = await findTag(tx.db, ownerId, id);
    if (!gone) throw notFound('tag');
    const kept = await findTag(tx.db, ownerId, into);
    if (!kept) throw notFound('target tag');
    const affected = await contactIdsWithTag(tx.db, ownerId, id);
    // The merged tag's keep-in-touch interval must not vanish with it (ADR 28): the shorter one wins, as for a
    // person with two tags, so nobody is reminded less often than before.
    const cadence = shorterCadence(gone.cadence_days, kept.cadence_days);
    const rescheduled = new Set(affected);
    if (cadence !== kept.cadence_days) {
      await setTagCadence(tx.db, ownerId, into, cadence);
      for (const c of await contactIdsWithTag(tx.db, ownerId, into)) rescheduled.add(c);
    }
    await moveTagLinks(tx.db, ownerId, id, into);
    await deleteTag(tx.db, ownerId, id);
    // Its name now leads to the kept tag: a later import or edit naming it does not bring it back.
    await recordMergedTagName(tx.db, ownerId, { nameNorm: gone.name_norm, id }, into, nowIso(tx));
    await reindexContacts(tx, ownerId, affected);
    await rescheduleRelationships(tx, ownerId, [...rescheduled]);
    const row = await findTag(tx.db, ownerId, into);
    if (!row) throw notFound('tag');
    return toTag(row);
  });
}

function shorterCadence(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
