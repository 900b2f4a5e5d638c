import { type Ctx, nowIso } from '../context';
import { followMergedNames } from './follow-merged-names';
import { normaliseOrganisationName } from './organisation';
import { findLiveOrganisationsByNorms, insertOrganisations } from './organisation.queries';

/**
 * The owner's live organisations for many names at once (an import brings thousands), creating the missing ones
 * in bulk; a name merged into another organisation leads there. Keyed by folded name; `created` lists the ids made here.
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
  await insertOrganisations(ctx.db, rows);
  for (const r of rows) byNorm.set(r.name_norm, { id: r.id, name: r.name });
  return { byNorm, created: rows.map((r) => r.id) };
}
