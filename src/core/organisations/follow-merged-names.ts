import type { Ctx } from '../context';
import { mergedOrganisationsByNorms, organisationsByIds } from './organisation.queries';

// Merges of merges are followed this far; a longer chain is not something a person builds by hand.
const MAX_HOPS = 16;

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
  const found = new Map<string, { id: string; name: string }>();
  const merged = await mergedOrganisationsByNorms(ctx.db, ownerId, norms);
  if (merged.length === 0) return found;
  // Where each name points now, walked one hop at a time for all names together.
  const at = new Map<string, string>();
  for (const m of merged) if (!at.has(m.name_norm)) at.set(m.name_norm, m.merged_into);
  for (let hop = 0; hop < MAX_HOPS && at.size > 0; hop++) {
    const rows = new Map(
      (await organisationsByIds(ctx.db, ownerId, [...new Set(at.values())])).map((r) => [r.id, r]),
    );
    for (const [norm, id] of at) {
      const row = rows.get(id);
      if (row?.merged_into) {
        at.set(norm, row.merged_into);
        continue;
      }
      if (row && row.deleted_at === null) found.set(norm, { id: row.id, name: row.name });
      at.delete(norm);
    }
  }
  return found;
}
