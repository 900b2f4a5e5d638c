import { shiftDay } from '../agenda/local-day';
import { type Ctx, nowIso } from '../context';
import { expireAsksBefore } from './ask.queries';

/** System job (housekeeping): open asks past their last day (a day after it, by UTC) become expired. Returns how many. */
export async function expireAsks(ctx: Ctx): Promise<number> {
  const now = nowIso(ctx);
  // A day's grace: the ask's last day is its owner's, and some time zones are a day behind UTC.
  return expireAsksBefore(ctx.db, shiftDay(now.slice(0, 10), -1), now);
}
