import type { Contact } from '../../contracts/contacts';
import { findContact, lockContacts } from '../contacts/contact.queries';
import { type ContactSnapshot, restoreContactSnapshot } from '../contacts/contact-snapshot';
import { presentContact } from '../contacts/present-contact';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { findMerge, type MovedRows, moveContactRecordsBack, setMergeUndone } from './duplicates.queries';

/** Splits a merge: both contacts come back exactly as they were before it. Undoing twice is a `conflict`. */
export async function undoMerge(ctx: Ctx, mergeId: string): Promise<{ kept: Contact; restored: Contact }> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const merge = await findMerge(tx.db, ownerId, mergeId);
    if (!merge) throw notFound('merge');
    // Claimed first: of two undos at once, the second finds it undone.
    if (merge.undone_at || (await setMergeUndone(tx.db, ownerId, mergeId, nowIso(tx))) !== 1)
      throw new AppError('conflict', 'this merge has already been undone');
    await lockContacts(tx.db, ownerId, [merge.kept_id, merge.merged_id]);
    const { kept, merged, moved } = JSON.parse(merge.snapshot) as {
      kept: ContactSnapshot;
      merged: ContactSnapshot;
      moved?: Partial<MovedRows>;
    };
    await restoreContactSnapshot(tx, kept);
    await restoreContactSnapshot(tx, merged);
    if (moved) await moveContactRecordsBack(tx.db, ownerId, merged.row.id, moved);
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
