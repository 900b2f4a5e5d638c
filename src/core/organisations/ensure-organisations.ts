import { type Ctx, nowIso } from '../context';
import { AppError } from '../errors';
import { followMergedNames } from './follow-merged-names';
import { normaliseOrganisationName } from './organisation';
import { findLiveOrganisationsByNorms, insertOrganisationsIfAbsent } from './organisation.queries';

/**
 * The owner's live organisations for many names at once (an import brings thousands), creating the missing ones
 * in bulk; a name merged into another organisation leads there. Keyed by folded name; `created` lists the ids made here
 * (a name another request creates at the same moment is that request's organisation).
 */
export async function ensureOrganisations(
  ctx: Ctx,
  ownerId: string,
  names: string[],
): Promise<{ byNorm: Map<string, { id: string; name: string }>; created: string[] }> {
  const wanted = new Map<string, string>();
  for (const n of names) {
    const norm = normaliseOrganisationName(n);
    if (norm && !wanted.has(norm)) wanted.set(norm, n.trim());
  }
  const byNorm = new Map<string, { id: string; name: string }>();
  for (const o of await findLiveOrganisationsByNorms(ctx.db, ownerId, [...wanted.keys()])) {
    byNorm.set(o.name_norm, { id: o.id, name: o.name });
  }
  const missing = [...wanted.keys()].filter((norm) => !byNorm.has(norm));
  for (const [norm, org] of await followMergedNames(ctx, ownerId, missing)) byNorm.set(norm, org);
  const now = nowIso(ctx);
  const rows = [...wanted]
    .filter(([norm]) => !byNorm.has(norm))
    .map(([norm, name]) => ({
      id: ctx.ids.next(),
      owner_id: ownerId,
      name,
      name_norm: norm,
      website: null,
      notes: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      merged_into: null,
    }));
  await insertOrganisationsIfAbsent(ctx.db, rows);
  const stored = await findLiveOrganisationsByNorms(
    ctx.db,
    ownerId,
    rows.map((r) => r.name_norm),
  );
  for (const o of stored) byNorm.set(o.name_norm, { id: o.id, name: o.name });
  const created = rows.filter((r) => byNorm.get(r.name_norm)?.id === r.id).map((r) => r.id);
  const lost = rows.find((r) => !byNorm.has(r.name_norm));
  // Taken by one that was trashed again before this read: rare enough to ask for a retry.
  if (lost) throw new AppError('conflict', `organisation: "${lost.name}" changed meanwhile; try again`);
  return { byNorm, created };
}
