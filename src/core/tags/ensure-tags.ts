import { type Ctx, nowIso } from '../context';
import { AppError } from '../errors';
import { normaliseTagName } from './tag';
import { insertTagsIfAbsent, lockLiveTags, tagsNamed } from './tag.queries';

type FoundTag = { id: string; name: string; created: boolean };
/** A tag, and the folded names asked for that lead to it (two when one is a merged-away name of the other). */
type EnsuredTag = FoundTag & { asked: string[] };

/**
 * The owner's live tags with these names, creating the missing ones, each once. Names that fold alike are one tag;
 * the name of a tag merged into another is that other tag; a name another request creates at the same moment is
 * that request's tag (never a second one, never a failure).
 * With `lock` (a contact being written, before its own lock), they stay locked until the transaction ends: a merge
 * or deletion of one under way finishes first, and its name is looked up again (ADR 20).
 */
export async function ensureTags(
  ctx: Ctx,
  ownerId: string,
  names: string[],
  opts: { lock?: boolean } = {},
): Promise<EnsuredTag[]> {
  for (let attempt = 0; ; attempt++) {
    const tags = await findOrCreate(ctx, ownerId, names);
    if (!opts.lock || tags.length === 0 || !ctx.db.isTransaction) return tags;
    const live = await lockLiveTags(
      ctx.db,
      ownerId,
      tags.map((t) => t.id),
    );
    if (tags.every((t) => live.has(t.id))) return tags;
    if (attempt === 2) throw new AppError('conflict', 'tags: a tag changed meanwhile; try again');
  }
}

async function findOrCreate(ctx: Ctx, ownerId: string, names: string[]): Promise<EnsuredTag[]> {
  const wanted = new Map<string, string>();
  for (const n of names) {
    const norm = normaliseTagName(n);
    if (norm && !wanted.has(norm)) wanted.set(norm, n.trim().replace(/\s+/g, ' '));
  }
  const byNorm = new Map<string, FoundTag>();
  const found = async (norms: string[]) => {
    for (const [norm, t] of await tagsNamed(ctx.db, ownerId, norms))
      byNorm.set(norm, { ...t, created: false });
  };
  await found([...wanted.keys()]);
  const now = nowIso(ctx);
  const rows = [...wanted]
    .filter(([norm]) => !byNorm.has(norm))
    .map(([norm, name]) => ({
      id: ctx.ids.next(),
      owner_id: ownerId,
      name,
      name_norm: norm,
      created_at: now,
      deleted_at: null,
      cadence_days: null,
      findable: 0,
    }));
  const inserted = await insertTagsIfAbsent(ctx.db, rows);
  for (const r of rows)
    if (inserted.has(r.id)) byNorm.set(r.name_norm, { id: r.id, name: r.name, created: true });
  const taken = rows.filter((r) => !inserted.has(r.id)).map((r) => r.name_norm);
  if (taken.length > 0) await found(taken);
  const byId = new Map<string, EnsuredTag>();
  for (const norm of wanted.keys()) {
    const tag = byNorm.get(norm);
    // Taken by a tag that was trashed again before this read: rare enough to ask for a retry.
    if (!tag)
      throw new AppError('conflict', `tags: the tag "${wanted.get(norm)}" changed meanwhile; try again`);
    const ensured = byId.get(tag.id) ?? { ...tag, asked: [] };
    ensured.asked.push(norm);
    byId.set(tag.id, ensured);
  }
  return [...byId.values()];
}
