import type { Ask, AskDetail } from '../../contracts/asks';
import { accountToday } from '../agenda/account-today';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { findConnectionsOffering, offerOverlap } from '../network/find-connections-offering';
import { words } from '../text/fold';
import { findVisibleAsk } from './ask.queries';
import { askViews } from './view-asks';

/**
 * One ask: mine in any state, or a connection's while it is open; anything else is `not_found`. To me, while it is
 * open, the connections whose shown offers fit its words (the profile's skills of value, put to use).
 */
export async function getAsk(ctx: Ctx, id: string): Promise<AskDetail> {
  const viewerId = requireActor(ctx);
  const today = await accountToday(ctx, viewerId);
  const row = await findVisibleAsk(ctx.db, viewerId, id, today);
  if (!row) throw notFound('ask');
  const [view] = await askViews(ctx, viewerId, [row], today);
  const text = words(`${row.title} ${row.body ?? ''}`);
  const offering =
    row.owner_id === viewerId && row.state === 'open'
      ? await findConnectionsOffering(ctx, viewerId, (offer) => offerOverlap(offer, text))
      : [];
  return { ...(view as Ask), offering };
}
