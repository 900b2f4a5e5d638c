import type { ConnectionOffer } from '../../contracts/network';
import { parseJsonArray } from '../contacts/contact';
import type { Ctx } from '../context';
import { words } from '../text/fold';
import { connectedAccountIds, shownOffersOf } from './connection.queries';

/** The most connections suggested for one search or ask. */
export const OFFERING_CAP = 10;

// Words that say nothing about a skill: an ask is written as a sentence ("looking for someone to help with…").
const FILLER = new Set(
  'with from that this your help need needs looking someone somebody anyone about into over some have would like will what when where which their them they also just very good great work working want wanted ideas advice'.split(
    ' ',
  ),
);

/** Every query word starts a word of the offer: the network search's rule for names and titles. */
export function offerHasAll(offer: string, queryWords: string[]): number {
  const ws = words(offer);
  return queryWords.every((q) => ws.some((w) => w.startsWith(q))) ? queryWords.length : 0;
}

/**
 * Two forms of one word, roughly: they share a stem of four letters or more that leaves at most two letters of the
 * shorter one ("reviews" and "reviewer", "computable" and "computability", "paper" and "papers").
 */
function sameWord(a: string, b: string): boolean {
  let p = 0;
  const n = Math.min(a.length, b.length);
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p >= 4 && p >= n - 2;
}

/**
 * How many of the offer's telling words (four letters or more, no filler) an ask's text has in some form: how well
 * an ask fits an offer, 0 when not at all.
 */
export function offerOverlap(offer: string, textWords: string[]): number {
  const text = textWords.filter((w) => w.length >= 4 && !FILLER.has(w));
  let n = 0;
  for (const w of new Set(words(offer))) {
    if (w.length < 4 || FILLER.has(w)) continue;
    if (text.some((t) => sameWord(t, w))) n++;
  }
  return n;
}

/**
 * My connections (accepted now) whose offers, as they show them to their connections, fit: each offer scored by
 * `scoreOf` (0: not at all), connections ranked by their best offer, then name; at most OFFERING_CAP. Offers they
 * keep to themselves never count. `connected`: my connections' account ids, when the caller has them.
 */
export async function findConnectionsOffering(
  ctx: Ctx,
  me: string,
  scoreOf: (offer: string) => number,
  connected?: Iterable<string>,
): Promise<ConnectionOffer[]> {
  // The caller may have read my connections already (the network search does).
  const profiles = await shownOffersOf(
    ctx.db,
    connected ? [...connected] : await connectedAccountIds(ctx.db, me),
  );
  const found: (ConnectionOffer & { best: number })[] = [];
  for (const p of profiles) {
    const scored = parseJsonArray<string>(p.offers)
      .map((offer) => ({ offer, score: scoreOf(offer) }))
      .filter((o) => o.score > 0)
      .sort((a, b) => b.score - a.score);
    if (scored.length === 0) continue;
    found.push({
      accountId: p.account_id,
      name: p.name,
      headline: p.headline,
      offers: scored.map((o) => o.offer),
      best: scored[0]?.score ?? 0,
    });
  }
  found.sort(
    (a, b) => b.best - a.best || a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId),
  );
  return found.slice(0, OFFERING_CAP).map(({ best: _best, ...c }) => c);
}
