import { ICalCalendar, ICalEventTransparency } from 'ical-generator';
import { hashSecret } from '../accounts/account';
import { getToday } from '../agenda/get-today';
import { shiftDay } from '../agenda/local-day';
import { actingAs, type Ctx } from '../context';
import { itemLink } from '../digest/compose-digest';
import { notFound } from '../errors';
import { findLiveFeedToken } from './feed.queries';
import { FEED_TOKEN } from './feed-token';
import { gatherUpcoming, type UpcomingItem } from './gather-upcoming';

/** How far ahead the feed looks. */
export const FEED_DAYS = 60;
/** What calendar apps are told about refreshing (REFRESH-INTERVAL and X-PUBLISHED-TTL); Google ignores it. */
export const FEED_TTL_SECONDS = 60 * 60;
const MAX_EVENTS = 500;

const midnight = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The iCalendar feed behind a secret feed token, for calendar apps (no session: the token is the credential).
 * All-day VEVENTs: today's Today list on today's date (the account's local day), then the dated items of the next
 * FEED_DAYS days on their own dates. Each event's UID is `<Today item key>@rapport`, so an item keeps its UID from
 * one refresh to the next, and the text only changes when the agenda or the day does (DTSTAMP is the day's start),
 * which lets HTTP caching work. An unknown, malformed or revoked token throws `not_found`.
 */
export async function renderAgendaFeed(
  ctx: Ctx,
  token: string,
  now: Date,
  opts: { baseUrl?: string } = {},
): Promise<string> {
  // Unset or blank: the server's own public address, as the digest's links.
  const baseUrl = (opts.baseUrl?.trim() || ctx.settings.publicUrl).replace(/\/+$/, '');
  const feed = FEED_TOKEN.test(token) ? await findLiveFeedToken(ctx.db, hashSecret(token)) : undefined;
  if (!feed) throw notFound('feed');
  const owner = actingAs({ ...ctx, clock: { now: () => now } }, feed.account_id);

  const today = await getToday(owner);
  const onToday = new Set(today.items.map((i) => i.key));
  const items: UpcomingItem[] = [
    ...today.items.map((i) => ({ ...i, day: today.date })),
    ...(await gatherUpcoming(owner, feed.account_id, today.date, FEED_DAYS)).filter(
      (i) => !onToday.has(i.key),
    ),
  ].slice(0, MAX_EVENTS);

  const calendar = new ICalCalendar({
    name: 'Rapport — Today',
    description: 'Your Today list from Rapport and what falls due in the next two months',
    prodId: { company: 'Rapport', product: 'Rapport agenda', language: 'EN' },
    url: `${baseUrl}/`,
    ttl: FEED_TTL_SECONDS,
  });
  const stamp = midnight(today.date);
  for (const item of items) {
    const link = itemLink(item, baseUrl);
    calendar.createEvent({
      id: `${item.key}@rapport`,
      allDay: true,
      start: midnight(item.day),
      end: midnight(shiftDay(item.day, 1)),
      stamp,
      summary: item.title,
      description: `${item.reason}\n\n${link}`,
      url: link,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}
