import type { z } from 'zod';
import type { lapsedList } from '../../contracts/relationships';
import { accountToday } from '../agenda/account-today';
import { type Ctx, requireActor } from '../context';
import { findLapsed } from './find-lapsed';

// Today reads 200 due rows; the full list reads enough for any page the API allows.
const SCAN = 5000;

/** Everyone I have lost touch with (past their keep-in-touch date today), most urgent first. */
export async function listLapsed(
  ctx: Ctx,
  opts: { limit?: number } = {},
): Promise<z.infer<typeof lapsedList>> {
  const ownerId = requireActor(ctx);
  const limit = Math.min(opts.limit ?? 100, 500);
  const today = await accountToday(ctx, ownerId);
  const all = await findLapsed(ctx, ownerId, today, SCAN);
  return {
    date: today,
    items: all.slice(0, limit).map((l) => ({
      contact: { id: l.contactId, displayName: l.displayName },
      score: l.score,
      tier: l.tier,
      lastContactAt: l.lastContactAt,
      nextDue: l.nextDue,
      cadenceDays: l.cadenceDays,
      daysOverdue: l.daysOverdue,
    })),
    more: all.length > limit,
  };
}
