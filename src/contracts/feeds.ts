import { z } from 'zod';
import { id, timestamp } from './common';

/** A calendar feed of the agenda, as listed: never its secret. */
export const feedToken = z.object({ id, createdAt: timestamp });
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
