import type { Ctx } from '../context';
import { toStrengthState } from '../relationships/relationship-state';
import { strengthAt, type Tier } from '../relationships/strength';
import { countLiveContacts, liveStates } from './charts.queries';

/** How many of the owner's live contacts are in each tier right now (no state: dormant). */
export async function countTiers(ctx: Ctx, ownerId: string): Promise<Record<Tier, number>> {
  const now = ctx.clock.now().getTime();
  const [states, total] = await Promise.all([
    liveStates(ctx.db, ownerId),
    countLiveContacts(ctx.db, ownerId),
  ]);
  const counts: Record<Tier, number> = { inner: 0, close: 0, active: 0, dormant: 0 };
  for (const s of states) counts[strengthAt(toStrengthState(s), now, s.closeness).tier]++;
  counts.dormant = total - counts.inner - counts.close - counts.active;
  return counts;
}
