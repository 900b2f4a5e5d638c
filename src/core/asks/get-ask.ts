import type { Ask } from '../../contracts/asks';
import { accountToday } from '../agenda/account-today';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { findVisibleAsk } from './ask.queries';
import { askViews } from './view-asks';

/** One ask: mine in any state, or a connection's while it is open; anything else is `not_found`. */
export async function getAsk(ctx: Ctx, id: string): Promise<Ask> {
  const viewerId = requireActor(ctx);
  const today = await accountToday(ctx, viewerId);
  const row = await findVisibleAsk(ctx.db, viewerId, id, today);
  if (!row) throw notFound('ask');
  const [view] = await askViews(ctx, viewerId, [row], today);
  return view as Ask;
}
