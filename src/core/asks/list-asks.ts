import type { z } from 'zod';
import { type Ask, askListQuery } from '../../contracts/asks';
import { accountToday } from '../agenda/account-today';
import { type Ctx, requireActor } from '../context';
import { validate } from '../validate';
import { listConnectionsAsks, listOwnAsks } from './ask.queries';
import { askViews } from './view-asks';

/**
 * The ask board: my connections' open asks (newest first; a removed connection's asks are gone at once), or with
 * `from: 'mine'` the asks I posted, in every state, with their answers.
 */
export async function listAsks(ctx: Ctx, query: z.input<typeof askListQuery> = {}): Promise<Ask[]> {
  const viewerId = requireActor(ctx);
  const q = validate(askListQuery, query);
  const today = await accountToday(ctx, viewerId);
  const rows =
    q.from === 'mine'
      ? await listOwnAsks(ctx.db, viewerId, q.limit)
      : await listConnectionsAsks(ctx.db, viewerId, today, q.limit);
  return askViews(ctx, viewerId, rows, today);
}
