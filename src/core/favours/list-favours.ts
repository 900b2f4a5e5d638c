import type { Favour } from '../../contracts/relationships';
import { type Ctx, requireActor } from '../context';
import { toFavour } from './favour';
import { listFavours as list } from './favour.queries';

/** The actor's favours, newest first, optionally with one contact. */
export async function listFavours(
  ctx: Ctx,
  opts: { contactId?: string; limit?: number } = {},
): Promise<Favour[]> {
  return (
    await list(ctx.db, requireActor(ctx), {
      contactId: opts.contactId,
      limit: Math.min(opts.limit ?? 200, 1000),
    })
  ).map(toFavour);
}
