import type { z } from 'zod';
import { type Organisation, organisationUpdateInput } from '../../contracts/organisations';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { isUniqueViolation } from '../db/portable';
import { notFound } from '../errors';
import { validate } from '../validate';
import { nameTaken } from './create-organisation';
import { normaliseOrganisationName, toOrganisation } from './organisation';
import {
  contactIdsAtOrganisation,
  findLiveOrganisationByNorm,
  findOrganisation,
  updateOrganisation as write,
} from './organisation.queries';

/** Renames or edits an organisation; its people are found by the new name at once. */
export async function updateOrganisation(
  ctx: Ctx,
  id: string,
  input: z.input<typeof organisationUpdateInput>,
): Promise<Organisation> {
  const ownerId = requireActor(ctx);
  const data = validate(organisationUpdateInput, input);
  return inTransaction(ctx, async (tx) => {
    const old = await findOrganisation(tx.db, ownerId, id);
    if (!old) throw notFound('organisation');
    const patch: Parameters<typeof write>[3] = { updated_at: nowIso(tx) };
    if (data.name !== undefined && data.name !== old.name) {
      const norm = normaliseOrganisationName(data.name);
      const clash = await findLiveOrganisationByNorm(tx.db, ownerId, norm);
      if (clash && clash.id !== id) throw nameTaken(data.name);
      patch.name = data.name;
      patch.name_norm = norm;
    }
    if ('website' in data) patch.website = data.website ?? null;
    if ('notes' in data) patch.notes = data.notes ?? null;
    try {
      await write(tx.db, ownerId, id, patch);
    } catch (e) {
      // Another organisation took the name while this request was checking (two renames at once).
      if (patch.name && isUniqueViolation(e)) throw nameTaken(patch.name);
      throw e;
    }
    if (patch.name) await reindexContacts(tx, ownerId, await contactIdsAtOrganisation(tx.db, ownerId, id));
    const row = await findOrganisation(tx.db, ownerId, id);
    if (!row) throw notFound('organisation');
    return toOrganisation(row);
  });
}
