import { z } from 'zod';
import { id, timestamp } from './common';

/** A calendar feed of the agenda, as listed: never its secret. */
export const feedToken = z.object({ id, createdAt: timestamp });
export type FeedToken = z.infer<typeof feedToken>;

/** A new feed: `url` (…/feeds/<token>.ics) and `token` are shown in this response only. */
export const createdFeedToken = feedToken.extend({ url: z.string(), token: z.string() });
export type CreatedFeedToken = z.infer<typeof createdFeedToken>;

export const feedTokenList = z.object({ items: z.array(feedToken) });
