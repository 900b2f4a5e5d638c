import type { Ctx } from '../context';
import { settingsOf } from './agenda.queries';
import { localDay } from './local-day';
import { toSettings } from './settings';

/**
 * The account's own calendar day now (YYYY-MM-DD in its time zone setting). Every "today", "overdue" and "not in
 * the future" rule uses it: at 20:00 in New York it is still yesterday in UTC terms of the user.
 */
export async function accountToday(ctx: Ctx, ownerId: string): Promise<string> {
  return localDay(ctx.clock.now(), toSettings(await settingsOf(ctx.db, ownerId)).timeZone);
}
