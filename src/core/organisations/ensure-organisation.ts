import { type Ctx, nowIso } from '../context';
import { AppError } from '../errors';
import { followMergedNames } from './follow-merged-names';
import { normaliseOrganisationName } from './organisation';
import {
  findLiveOrganisationByNorm,
  insertOrganisationIfAbsent,
  lockLiveOrganisation,
} from './organisation.queries';

/**
 * The owner's live organisation with this name (compared folded) or merged under it, created if missing. One that
 * another request creates at the same moment is that request's (never a second one, never a failure). Inside a
 * transaction it stays locked until the contact naming it is written: a merge of it under way finishes first, and
 * the contact goes to the organisation it was merged into (ADR 20).
 */
export async function ensureOrganisation(
  ctx: Ctx,
  ownerId: string,
  name: string,
): Promise<{ id: string; name: string }> {
  for (let attempt = 0; ; attempt++) {
    const org = await findOrCreate(ctx, ownerId, name);
    if (!ctx.db.isTransaction || (await lockLiveOrganisation(ctx.db, ownerId, org.id))) return org;
    if (attempt === 2)
      throw new AppError('conflict', `organisation: "${name.trim()}" changed meanwhile; try again`);
  }
}

async function findOrCreate(ctx: Ctx, ownerId: string, name: string): Promise<{ id: string; name: string }> {
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
  if (await insertOrganisationIfAbsent(ctx.db, row)) return { id: row.id, name: row.name };
  const taken = await findLiveOrganisationByNorm(ctx.db, ownerId, norm);
  // Taken by one that was trashed again before this read: rare enough to ask for a retry.
  if (!taken) throw new AppError('conflict', `organisation: "${row.name}" changed meanwhile; try again`);
  return { id: taken.id, name: taken.name };
}
