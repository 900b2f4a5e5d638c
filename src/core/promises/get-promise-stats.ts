import type { z } from 'zod';
import type { promiseStats } from '../../contracts/relationships';
import { accountToday } from '../agenda/account-today';
import { shiftDay } from '../agenda/local-day';
import { type Ctx, requireActor } from '../context';
import { keptOnTimeRate } from './promise';
import { countOpen, myDuePromises } from './promise.queries';

/** Integrity at a glance: the share of my promises kept on time over the last 90 days and all time. */
export async function getPromiseStats(ctx: Ctx): Promise<z.infer<typeof promiseStats>> {
  const ownerId = requireActor(ctx);
  const today = await accountToday(ctx, ownerId);
  const from = shiftDay(today, -90);
  const [recent, all, open] = await Promise.all([
    myDuePromises(ctx.db, ownerId, today, from),
    myDuePromises(ctx.db, ownerId, today),
    countOpen(ctx.db, ownerId, today),
  ]);
  return {
    keptOnTime90Days: keptOnTimeRate(recent, today),
    keptOnTimeAllTime: keptOnTimeRate(all, today),
    ...open,
  };
}
