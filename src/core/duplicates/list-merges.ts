import { type Ctx, requireActor } from '../context';
import { recentMerges } from './duplicates.queries';

/**
 * The actor's recent merges, newest first. `keptNow` says whether the kept contact is still in the rolodex: undoing a
 * merge whose kept contact is in the trash or merged again is refused (undoMerge), so the list says so up front.
 */
export async function listMerges(ctx: Ctx, limit = 50) {
  return (await recentMerges(ctx.db, requireActor(ctx), limit)).map((m) => ({
    id: m.id,
    keptId: m.kept_id,
    mergedId: m.merged_id,
    keptName: m.kept_name,
    mergedName: m.merged_name,
    createdAt: m.created_at,
    undoneAt: m.undone_at,
    keptNow: m.kept_merged_into
      ? ('merged' as const)
      : m.kept_deleted_at
        ? ('trashed' as const)
        : ('live' as const),
  }));
}
