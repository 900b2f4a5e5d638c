import { type Ctx, nowIso } from '../context';
import { followMergedNames } from './follow-merged-names';
import { normaliseOrganisationName } from './organisation';
import { findLiveOrganisationByNorm, insertOrganisation } from './organisation.queries';

/** The owner's live organisation with this name (compared folded) or merged under it, created if missing. */
export async function ensureOrganisation(
  ctx: Ctx,
  ownerId: string,
  name: string,
): Promise<{ id: string; name: string }> {
  const norm = normaliseOrganisationName(name);
  const existing = await findLiveOrganisationByNorm(ctx.db, ownerId, norm);
  if (existing) return { id: existing.id, name: existing.name };
  const merged = (await followMergedNames(ctx, ownerId, [norm])).get(norm);
  if (merged) return merged;
  const now = nowIso(ctx);
  const row = {
    id: ctx.ids.next(),
    owner_id: ownerId,
    name: name.trim(),
    name_norm: norm,
    website: null,
    notes: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    merged_into: null,
  };
  await insertOrganisation(ctx.db, row);
  return { id: row.id, name: row.name };
}
