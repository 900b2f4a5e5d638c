import { asksToday } from '../asks/today-asks';
import type { Ctx } from '../context';
import { introductionsToday } from '../introductions/today-introductions';
import { connectionRequestsToday } from '../network/today-connection-requests';
import { outreachToday } from '../outreach/outreach-today';
import { stalePurposeItems } from '../purposes/stale-purpose-items';
import type { Candidate } from './rank-today';

/**
 * Gathers one feature's candidates for the owner's Today list (their local day `today`), before ranking. `hidden`:
 * the keys the owner marked done or snoozed past today (read once per list; Today leaves them out in any case, a
 * source that caps its own count skips them first). `timeZone`: the owner's, for the local day of a past instant.
 */
export type TodaySource = (
  ctx: Ctx,
  ownerId: string,
  today: string,
  hidden: ReadonlySet<string>,
  timeZone: string,
) => Promise<Candidate[]>;

/**
 * Features beyond relationships (outreach, purposes, connection requests, introductions, asks) add their items to
 * the one Today list here rather than building lists of their own (docs/adr/0009-today-ranking.md).
 */
export const TODAY_SOURCES: TodaySource[] = [
  stalePurposeItems,
  outreachToday,
  connectionRequestsToday,
  introductionsToday,
  asksToday,
];
