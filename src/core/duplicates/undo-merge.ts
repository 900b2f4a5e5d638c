import type { Contact } from '../../contracts/contacts';
import { findContact, lockContacts } from '../contacts/contact.queries';
import { captureContact, restoreContactSnapshot } from '../contacts/contact-snapshot';
import { presentContact } from '../contacts/present-contact';
import { reindexContacts } from '../contacts/reindex-contacts';
import { revertContactChanges } from '../contacts/revert-contact-changes';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { findMerge, moveContactRecordsBack, setMergeUndone } from './duplicates.queries';
import { type MergeSnapshot, restoreRelationshipSettings } from './merge-snapshot';

/**
 * Splits a merge: the merged contact comes back whole, and the kept one loses what the merge brought while keeping
 * every change made to it since (unchanged since, both are exactly as before the merge). Undoing twice is a
 * `conflict`, and so is undoing while the kept contact is in the trash or merged into another one.
 */
export async function undoMerge(ctx: Ctx, mergeId: string): Promise<{ kept: Contact; restored: Contact }> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const merge = await findMerge(tx.db, ownerId, mergeId);
    if (!merge) throw notFound('merge');
    const at = nowIso(tx);
    // Claimed first: of two undos at once, the second finds it undone.
    if (merge.undone_at || (await setMergeUndone(tx.db, ownerId, mergeId, at)) !== 1)
      throw new AppError('conflict', 'this merge has already been undone');
    await lockContacts(tx.db, ownerId, [merge.kept_id, merge.merged_id]);
    const { kept, merged, moved, after, settings } = JSON.parse(merge.snapshot) as MergeSnapshot;
    const current = await captureContact(tx, ownerId, kept.row.id);
    // Splitting a contact that is no longer in the rolodex would bring it back behind the owner's back.
    if (current.row.merged_into)
      throw new AppError(
        'conflict',
        `${current.row.display_name} has since been merged into another contact; undo that merge first`,
      );
    if (current.row.deleted_at)
      throw new AppError('conflict', `${current.row.display_name} is in the trash; restore it first`);
    // Merges recorded before `after` was kept go back to the kept contact as it was at merge time.
    const keptNow = after ? revertContactChanges(kept, after, current, at) : kept;
    await restoreContactSnapshot(tx, ownerId, keptNow);
    await restoreContactSnapshot(tx, ownerId, merged);
    if (moved) await moveContactRecordsBack(tx.db, ownerId, merged.row.id, moved);
    if (settings) await restoreRelationshipSettings(tx, ownerId, kept.row.id, settings);
    await reindexContacts(tx, ownerId, [kept.row.id, merged.row.id]);
    await refreshRelationships(tx, ownerId, [kept.row.id, merged.row.id]);
    const [a, b] = await Promise.all([
      findContact(tx.db, ownerId, kept.row.id),
      findContact(tx.db, ownerId, merged.row.id),
    ]);
    if (!a || !b) throw notFound('contact');
    return { kept: await presentContact(tx, a), restored: await presentContact(tx, b) };
  });
}
