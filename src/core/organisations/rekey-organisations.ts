import type { Ctx } from '../context';
import { normaliseOrganisationName } from './organisation';
import { organisationNames, updateOrganisation } from './organisation.queries';

/**
 * Gives the owner's organisations the key today's rule makes of their names (a backup from before a rule change
 * carries the old keys, and the next import would not find them). Where another live organisation already has the
 * key, the later one keeps its own: one live organisation per key.
 */
export async function rekeyOrganisations(ctx: Ctx, ownerId: string): Promise<void> {
  const rows = await organisationNames(ctx.db, ownerId);
  const live = new Set(rows.filter((r) => !r.deleted_at).map((r) => r.name_norm));
  for (const r of rows) {
    const norm = normaliseOrganisationName(r.name);
    if (norm === r.name_norm) continue;
    if (!r.deleted_at) {
      if (live.has(norm)) continue;
      live.add(norm);
    }
    await updateOrganisation(ctx.db, ownerId, r.id, { name_norm: norm });
  }
}
