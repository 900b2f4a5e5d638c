import type { Ctx } from '../context';
import { allAccountIds, saveTierDay } from './charts.queries';
import { countTiers } from './count-tiers';

/** System job (daily): records every account's tier counts for today, the points of the health-over-time chart. */
export async function snapshotTiers(ctx: Ctx): Promise<number> {
  const day = ctx.clock.now().toISOString().slice(0, 10);
  const ids = await allAccountIds(ctx.db);
  for (const id of ids) {
    const c = await countTiers(ctx, id);
    await saveTierDay(ctx.db, {
      owner_id: id,
      day,
      inner_n: c.inner,
      close_n: c.close,
      active_n: c.active,
      dormant_n: c.dormant,
    });
  }
  return ids.length;
}
