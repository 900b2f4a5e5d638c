import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { purgeAfter } from '../trash/trash-window';
import { contactIdsAtOrganisation, findOrganisation, updateOrganisation } from './organisation.queries';

/** Moves an organisation to the trash. Its people keep the link and get it back on restore. */
export async function deleteOrganisation(ctx: Ctx, id: string): Promise<{ purgeAfter: string }> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    if (!(await findOrganisation(tx.db, ownerId, id))) throw notFound('organisation');
    const at = nowIso(tx);
    await updateOrganisation(tx.db, ownerId, id, { deleted_at: at });
    await reindexContacts(tx, ownerId, await contactIdsAtOrganisation(tx.db, ownerId, id));
    return { purgeAfter: purgeAfter(tx, at) };
  });
}
