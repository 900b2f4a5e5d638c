import type { z } from 'zod';
import { type OrganisationMergeResult, organisationMergeInput } from '../../contracts/organisations';
import { lockAccount } from '../accounts/account.queries';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound, validationError } from '../errors';
import { validate } from '../validate';
import { type OrganisationMergeRecord, toOrganisation } from './organisation';
import {
  findOrganisation,
  insertOrganisationMerge,
  lockOrganisations,
  moveToOrganisation,
  updateOrganisation,
} from './organisation.queries';

/**
 * Merges organisation `id` into `into` (two spellings of one company): its people, past positions included, move
 * over; a website the kept one lacks and any notes are carried across. The merged organisation leaves the lists
 * (it is not in the trash) and its name leads to the kept one, so the next import of that spelling lands there.
 * `undoOrganisationMerge` splits them again.
 */
export async function mergeOrganisations(
  ctx: Ctx,
  id: string,
  input: z.input<typeof organisationMergeInput>,
): Promise<OrganisationMergeResult> {
  const ownerId = requireActor(ctx);
  const { into } = validate(organisationMergeInput, input);
  if (into === id) throw validationError('into', 'cannot merge an organisation into itself');
  return inTransaction(ctx, async (tx) => {
    // The account first, as imports and CardDAV writes do (ADR 20): one that names either organisation waits.
    await lockAccount(tx.db, ownerId);
    // The same merge sent twice: the second reads the first's outcome (merged away: not found).
    await lockOrganisations(tx.db, ownerId, [id, into]);
    const gone = await findOrganisation(tx.db, ownerId, id);
    if (!gone) throw notFound('organisation');
    const keep = await findOrganisation(tx.db, ownerId, into);
    if (!keep) throw notFound('target organisation');
    const now = nowIso(tx);
    const after = {
      website: keep.website ?? gone.website,
      notes: keep.notes && gone.notes ? `${keep.notes}\n\n${gone.notes}` : (keep.notes ?? gone.notes),
    };
    const record: OrganisationMergeRecord = {
      contacts: await moveToOrganisation(tx.db, 'contacts', ownerId, { from: id, to: into }),
      positions: await moveToOrganisation(tx.db, 'contact_positions', ownerId, { from: id, to: into }),
      before: { website: keep.website, notes: keep.notes },
      after,
    };
    await updateOrganisation(tx.db, ownerId, into, { ...after, updated_at: now });
    await updateOrganisation(tx.db, ownerId, id, { deleted_at: now, merged_into: into, updated_at: now });
    const mergeId = tx.ids.next();
    await insertOrganisationMerge(tx.db, {
      id: mergeId,
      owner_id: ownerId,
      kept_id: into,
      merged_id: id,
      moved: JSON.stringify(record),
      created_at: now,
      undone_at: null,
    });
    // Their people are now found by the kept name.
    await reindexContacts(tx, ownerId, record.contacts);
    const kept = await findOrganisation(tx.db, ownerId, into);
    if (!kept) throw notFound('organisation');
    tx.log.info({ mergeId }, 'organisations merged');
    return { mergeId, organisation: toOrganisation(kept), movedContacts: record.contacts.length };
  });
}
