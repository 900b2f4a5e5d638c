import { type Ctx, requireActor } from '../context';
import { recentMerges } from './duplicates.queries';

/** The actor's recent merges, newest first. */
export async function listMerges(ctx: Ctx, limit = 50) {
  return (await recentMerges(ctx.db, requireActor(ctx), limit)).map((m) => ({
    id: m.id,
    keptId: m.kept_id,
    mergedId: m.merged_id,
    keptName: m.kept_name,
    mergedName: m.merged_name,
    createdAt: m.created_at,
    undoneAt: m.undone_at,
  }));
}
