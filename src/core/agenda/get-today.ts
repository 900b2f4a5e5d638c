import type { z } from 'zod';
import type { todayList } from '../../contracts/relationships';
import { type Ctx, requireActor } from '../context';
import { hiddenItemKeys, settingsOf } from './agenda.queries';
import { gatherToday } from './gather-today';
import { localDay } from './local-day';
import { rankToday } from './rank-today';
import { toSettings } from './settings';

/**
 * One short ranked list of what to do today (the account's local day), each item with its reason and one action:
 * promises first, then people waiting, dates, keeping in touch, favours owed. Items marked done or snoozed are left
 * out. `limit` defaults to the account's setting (7).
 */
export async function getToday(ctx: Ctx, opts: { limit?: number } = {}): Promise<z.infer<typeof todayList>> {
  const ownerId = requireActor(ctx);
  const settings = toSettings(await settingsOf(ctx.db, ownerId));
  const today = localDay(ctx.clock.now(), settings.timeZone);
  const hidden = await hiddenItemKeys(ctx.db, ownerId, today);
  const candidates = await gatherToday(ctx, ownerId, today, hidden);
  const { items, more } = rankToday(
    candidates.filter((c) => !hidden.has(c.key)),
    opts.limit ?? settings.todayLimit,
  );
  return { date: today, items, more };
}
