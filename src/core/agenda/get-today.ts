import type { z } from 'zod';
import type { todayList } from '../../contracts/relationships';
import { type Ctx, requireActor } from '../context';
import { cachedUntilWrite } from '../db/cached-until-write';
import { hiddenItemKeys, settingsOf } from './agenda.queries';
import { gatherToday } from './gather-today';
import { localDay } from './local-day';
import { rankToday } from './rank-today';
import { toSettings } from './settings';

const MINUTE_MS = 60_000;

/**
 * One short ranked list of what to do today (the account's local day), each item with its reason and one action:
 * promises first, then people waiting, dates, keeping in touch, favours owed. Items marked done or snoozed are left
 * out. `limit` defaults to the account's setting (7).
 *
 * Kept until the next write to the database or the next minute, whichever comes first (ADR 17): Today is read on
 * every visit and by the calendar feed, and working it out takes ~6 ms for a 30,000-person rolodex.
 */
export async function getToday(ctx: Ctx, opts: { limit?: number } = {}): Promise<z.infer<typeof todayList>> {
  const ownerId = requireActor(ctx);
  const minute = Math.floor(ctx.clock.now().getTime() / MINUTE_MS);
  return cachedUntilWrite(ctx.db, `today:${ownerId}:${opts.limit ?? ''}:${minute}`, () =>
    workOutToday(ctx, ownerId, opts.limit),
  );
}

async function workOutToday(ctx: Ctx, ownerId: string, limit: number | undefined) {
  const settings = toSettings(await settingsOf(ctx.db, ownerId));
  const today = localDay(ctx.clock.now(), settings.timeZone);
  const hidden = await hiddenItemKeys(ctx.db, ownerId, today);
  const candidates = await gatherToday(ctx, ownerId, today, hidden, settings.timeZone);
  const { items, more } = rankToday(
    candidates.filter((c) => !hidden.has(c.key)),
    limit ?? settings.todayLimit,
  );
  return { date: today, items, more };
}
