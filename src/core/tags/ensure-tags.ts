import { type Ctx, nowIso } from '../context';
import { normaliseTagName } from './tag';
import { findLiveTagsByNorm, insertTag } from './tag.queries';

/** Ids of the owner's live tags with these names, creating the missing ones. Names that fold alike are one tag. */
export async function ensureTags(
  ctx: Ctx,
  ownerId: string,
  names: string[],
): Promise<{ id: string; name: string; created: boolean }[]> {
  const wanted = new Map<string, string>();
  for (const n of names) {
    const norm = normaliseTagName(n);
    if (norm && !wanted.has(norm)) wanted.set(norm, n.trim().replace(/\s+/g, ' '));
  }
  const existing = await findLiveTagsByNorm(ctx.db, ownerId, [...wanted.keys()]);
  const byNorm = new Map(existing.map((t) => [t.name_norm, { id: t.id, name: t.name, created: false }]));
  for (const [norm, name] of wanted) {
    if (byNorm.has(norm)) continue;
    const id = ctx.ids.next();
    await insertTag(ctx.db, {
      id,
      owner_id: ownerId,
      name,
      name_norm: norm,
      created_at: nowIso(ctx),
      deleted_at: null,
      cadence_days: null,
      findable: 0,
    });
    byNorm.set(norm, { id, name, created: true });
  }
  return [...wanted.keys()].map((norm) => byNorm.get(norm) as { id: string; name: string; created: boolean });
}
