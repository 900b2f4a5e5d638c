import { z } from 'zod';
import { id, text, timestamp } from './common';

/** A new feed's optional name, which tells it apart when revoking (the same rules as an API token's name). */
export const feedTokenInput = z.strictObject({
  name: text().trim().min(1, 'is empty').max(100).optional(),
});
export type FeedTokenInput = z.input<typeof feedTokenInput>;

/** A calendar feed of the agenda, as listed: never its secret. `name` is null for a feed made without one. */
export const feedToken = z.object({ id, name: z.string().nullable(), createdAt: timestamp });
export type FeedToken = z.infer<typeof feedToken>;

/** A new feed: `url` (…/feeds/<token>.ics) and `token` are shown in this response only. */
export const createdFeedToken = feedToken.extend({ url: z.string(), token: z.string() });
export type CreatedFeedToken = z.infer<typeof createdFeedToken>;

export const feedTokenList = z.object({ items: z.array(feedToken) });

/** The address calendar apps subscribe to (`baseUrl` without a trailing slash). */
export const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/feeds/${token}.ics`;

/**
 * The same feed as a `webcal://` link, which opens the calendar app's "subscribe" dialog in one click (FORMATS.md
 * §6). webcal has no secure twin of its own (the app chooses http or https), so an http server gets one too.
 */
export const webcalUrl = (url: string) => url.replace(/^https?:\/\//i, 'webcal://');
