import type { Organisation } from '../../contracts/organisations';
import { lockAccount } from '../accounts/account.queries';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { isUniqueViolation } from '../db/portable';
import { AppError, notFound } from '../errors';
import { nameTaken } from './create-organisation';
import { parseMergeRecord, toOrganisation } from './organisation';
import {
  findLiveOrganisationByNorm,
  findOrganisation,
  findOrganisationMerge,
  lockOrganisations,
  markOrganisationMergeUndone,
  moveToOrganisation,
  organisationsByIds,
  updateOrganisation,
} from './organisation.queries';

/**
 * Splits a merge of organisations: the merged one is back in the lists with the people and past positions that
 * moved (those still at the kept organisation; anyone moved elsewhere since stays there), and the kept one gets
 * back its website and notes unless they were edited since. `conflict` when the merge was undone already, the
 * kept one is gone, or a live organisation has taken the merged one's name meanwhile.
 */
export async function undoOrganisationMerge(ctx: Ctx, mergeId: string): Promise<Organisation> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    // The account first, as for the merge: an import naming either organisation waits.
    await lockAccount(tx.db, ownerId);
    const merge = await findOrganisationMerge(tx.db, ownerId, mergeId);
    if (!merge) throw notFound('organisation merge');
    const now = nowIso(tx);
    // Claimed first: of two undos at once, the second finds it undone.
    if (merge.undone_at || !(await markOrganisationMergeUndone(tx.db, ownerId, mergeId, now)))
      throw new AppError('conflict', 'this merge has already been undone');
    await lockOrganisations(tx.db, ownerId, [merge.kept_id, merge.merged_id]);
    const rows = new Map(
      (await organisationsByIds(tx.db, ownerId, [merge.kept_id, merge.merged_id])).map((r) => [r.id, r]),
    );
    const kept = rows.get(merge.kept_id);
    const merged = rows.get(merge.merged_id);
    if (!kept || !merged || merged.merged_into !== merge.kept_id) {
      throw new AppError(
        'conflict',
        'the organisations of this merge have changed since; it cannot be undone',
      );
    }
    if (await findLiveOrganisationByNorm(tx.db, ownerId, merged.name_norm)) throw nameTaken(merged.name);
    const record = parseMergeRecord(merge.moved);
    const back = (onlyIds: string[]) => ({ from: kept.id, to: merged.id, onlyIds });
    const contacts = await moveToOrganisation(tx.db, 'contacts', ownerId, back(record.contacts));
    await moveToOrganisation(tx.db, 'contact_positions', ownerId, back(record.positions));
    try {
      await updateOrganisation(tx.db, ownerId, merged.id, {
        deleted_at: null,
        merged_into: null,
        updated_at: now,
      });
    } catch (e) {
      // A live organisation took the name while this request was checking.
      if (isUniqueViolation(e)) throw nameTaken(merged.name);
      throw e;
    }
    const patch: { website?: string | null; notes?: string | null } = {};
    if (kept.website === record.after.website) patch.website = record.before.website;
    if (kept.notes === record.after.notes) patch.notes = record.before.notes;
    await updateOrganisation(tx.db, ownerId, kept.id, { ...patch, updated_at: now });
    await reindexContacts(tx, ownerId, contacts);
    const restored = await findOrganisation(tx.db, ownerId, merged.id);
    if (!restored) throw notFound('organisation');
    tx.log.info({ mergeId }, 'organisation merge undone');
    return toOrganisation(restored);
  });
}
