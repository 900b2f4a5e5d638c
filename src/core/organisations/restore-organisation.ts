import type { Organisation } from '../../contracts/organisations';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, requireActor } from '../context';
import { isUniqueViolation } from '../db/portable';
import { notFound } from '../errors';
import { inTrashWindow } from '../trash/trash-window';
import { nameTaken } from './create-organisation';
import { toOrganisation } from './organisation';
import {
  contactIdsAtOrganisation,
  findLiveOrganisationByNorm,
  findOrganisation,
  updateOrganisation,
} from './organisation.queries';

/** Brings a trashed organisation back; `conflict` if a live one has taken its name meanwhile. */
export async function restoreOrganisation(ctx: Ctx, id: string): Promise<Organisation> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await findOrganisation(tx.db, ownerId, id, { deleted: true });
    if (!row || !inTrashWindow(tx, row.deleted_at)) throw notFound('organisation in the trash');
    if (await findLiveOrganisationByNorm(tx.db, ownerId, row.name_norm)) throw nameTaken(row.name);
    try {
      await updateOrganisation(tx.db, ownerId, id, { deleted_at: null });
    } catch (e) {
      // A live organisation took the name while this request was checking.
      if (isUniqueViolation(e)) throw nameTaken(row.name);
      throw e;
    }
    await reindexContacts(tx, ownerId, await contactIdsAtOrganisation(tx.db, ownerId, id));
    const restored = await findOrganisation(tx.db, ownerId, id);
    if (!restored) throw notFound('organisation');
    return toOrganisation(restored);
  });
}
