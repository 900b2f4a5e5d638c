import type { Ctx } from '../context';
import { followMerges } from '../follow-merges';
import { mergedOrganisationsByNorms, organisationsByIds } from './organisation.queries';

/**
 * For folded names no live organisation has: the live organisation that a merged one of that name now lives in
 * (Acme Corp merged into Acme Corporation: the next import of "Acme Corp" lands there). A chain ending in the
 * trash or nowhere leads nowhere.
 */
export async function followMergedNames(
  ctx: Ctx,
  ownerId: string,
  norms: string[],
): Promise<Map<string, { id: string; name: string }>> {
  const merged = await mergedOrganisationsByNorms(ctx.db, ownerId, norms);
  if (merged.length === 0) return new Map();
  const start = new Map<string, string>();
  for (const m of merged) if (!start.has(m.name_norm)) start.set(m.name_norm, m.merged_into);
  const found = await followMerges(start, (ids) => organisationsByIds(ctx.db, ownerId, ids));
  return new Map([...found].map(([norm, row]) => [norm, { id: row.id, name: row.name }]));
}
