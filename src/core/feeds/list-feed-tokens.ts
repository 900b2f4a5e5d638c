import type { FeedToken } from '../../contracts/feeds';
import { type Ctx, requireActor } from '../context';
import { listLiveFeedTokens } from './feed.queries';
import { toFeedToken } from './feed-token';

/** The actor's live calendar feeds (never their secrets), newest first. */
export async function listFeedTokens(ctx: Ctx): Promise<FeedToken[]> {
  return (await listLiveFeedTokens(ctx.db, requireActor(ctx))).map(toFeedToken);
}
