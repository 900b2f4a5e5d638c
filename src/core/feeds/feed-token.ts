import type { FeedToken } from '../../contracts/feeds';
import type { FeedTokenTable } from '../db/schema';

/** More live feed URLs than anyone needs (one per calendar app) would only be more secrets to leak. */
export const MAX_LIVE_FEEDS = 10;

/** A feed secret as issued (randomSecret: 43 URL-safe characters); anything else is not looked up. */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

export function toFeedToken(row: FeedTokenTable): FeedToken {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}
