import {
  BROKER_CAP,
  type NetworkBroker,
  type NetworkPerson,
  type NetworkSearchInput,
  type NetworkSearchResult,
  networkSearchQuery,
} from '../../contracts/network-search';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { validationError } from '../errors';
import { words } from '../text/fold';
import { validate } from '../validate';
import { logAccess } from './access-log.queries';
import { alreadyConnectedAmong } from './already-connected';
import { connectedAccountIds } from './connection.queries';
import { findConnectionsOffering, offerHasAll } from './find-connections-offering';
import { networkIndexFor } from './index/load-network-index';
import { secondDegree } from './index/network-index';
import { searchesLeft, searchesLeftLocked, spendSearch } from './network-quota';
import { sharedContactsOf } from './present-shared-contact';

const TIER_RANK: Record<string, number> = { inner: 4, close: 3, active: 2, dormant: 1 };

/** The brokers' contacts of these people, by broker. */
function contactsByOwner(people: NetworkPerson[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const b of people.flatMap((p) => p.brokers)) {
    const list = out.get(b.accountId);
    if (list) list.push(b.contactId);
    else out.set(b.accountId, [b.contactId]);
  }
  return out;
}

/** The words of a network query; at least one must have two letters or digits (no listing everyone by "a"). */
export function networkQueryWords(q: string): string[] {
  const ws = words(q);
  if (!ws.some((w) => w.length >= 2)) throw validationError('q', 'type at least 2 letters or digits');
  return ws;
}

/**
 * Second-degree search: people my connections know whose name, organisation or title has every query word as a
 * word prefix, grouped by person across brokers (identity keys never leave the server), at most 25, each shown only
 * as its broker shares it. The index proposes; the database decides: every broker is re-checked as a current
 * connection and every contact as findable right now, then each hit is written to its owner's access log and the
 * search counts against the daily limit (`rate_limited` when spent). Never my own contacts, nor me; a person who is
 * one of my connections (by the "on Rapport" rule of ADR 13) is marked `connected`: write to them, no introduction. Beside
 * them: my own connections whose shown offers have every query word (someone to ask directly, no introduction needed).
 */
export async function searchNetwork(ctx: Ctx, input: NetworkSearchInput): Promise<NetworkSearchResult> {
  const me = requireActor(ctx);
  const { q, limit } = validate(networkSearchQuery, input);
  const queryWords = networkQueryWords(q);
  await searchesLeft(ctx, me);
  const index = await networkIndexFor(ctx);
  // Twice the page, so people dropped by the re-check can be replaced.
  const { hits, total } = secondDegree(index, index.accountOf.get(me) ?? -1, queryWords, limit * 2);
  return inTransaction(ctx, async (tx) => {
    const left = await searchesLeftLocked(tx, me);
    const connected = new Set(await connectedAccountIds(tx.db, me));
    const now = tx.clock.now();
    const people: (NetworkPerson & { exact: boolean })[] = [];
    // Confirm a page at a time, in the index's order, until the page is full (usually the first does it).
    for (let from = 0; from < hits.length && people.length < limit; from += limit) {
      const batch = hits.slice(from, from + limit);
      const byOwner = new Map<string, string[]>();
      for (const hit of batch) {
        for (const c of hit.contacts.slice(0, BROKER_CAP * 2)) {
          const owner = index.accountIds[index.contactOwner[c] as number] as string;
          if (!connected.has(owner)) continue;
          const list = byOwner.get(owner);
          if (list) list.push(index.contactIds[c] as string);
          else byOwner.set(owner, [index.contactIds[c] as string]);
        }
      }
      const shared = await sharedContactsOf(tx.db, byOwner, now);
      for (const hit of batch) {
        const brokers: NetworkBroker[] = [];
        for (const c of hit.contacts) {
          const contactId = index.contactIds[c] as string;
          const view = shared.get(contactId);
          if (!view) continue;
          brokers.push({
            accountId: view.knownBy.accountId,
            name: view.knownBy.name,
            contactId,
            contact: view,
          });
        }
        if (brokers.length === 0) continue;
        brokers.sort(
          (a, b) =>
            (TIER_RANK[b.contact.tier ?? ''] ?? 0) - (TIER_RANK[a.contact.tier ?? ''] ?? 0) ||
            a.name.localeCompare(b.name) ||
            a.contactId.localeCompare(b.contactId),
        );
        const head = brokers[0] as NetworkBroker;
        people.push({
          displayName: head.contact.displayName,
          organisation: head.contact.organisation,
          title: head.contact.title,
          brokers: brokers.slice(0, BROKER_CAP),
          connected: null,
          exact: hit.exact,
        });
      }
    }
    // Re-ranked on what is true and visible now: exact words, more brokers, the best shared tier, then the name.
    const best = (p: NetworkPerson) =>
      Math.max(0, ...p.brokers.map((b) => TIER_RANK[b.contact.tier ?? ''] ?? 0));
    people.sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        b.brokers.length - a.brokers.length ||
        best(b) - best(a) ||
        a.displayName.localeCompare(b.displayName),
    );
    // Someone I am connected to already is one message away: marked, so nobody offers an introduction to them.
    // A connection's contact that stands for me is me: never offered as someone to be introduced to.
    const direct = await alreadyConnectedAmong(tx.db, contactsByOwner(people), new Set([...connected, me]));
    const others = people.filter((p) => !p.brokers.some((b) => direct.get(b.contactId)?.id === me));
    const shown = others.slice(0, limit).map(({ exact: _exact, ...p }) => p);
    for (const p of shown) {
      const account = p.brokers.map((b) => direct.get(b.contactId)).find((a) => a !== undefined);
      p.connected = account ? { accountId: account.id, name: account.name } : null;
    }
    await spendSearch(tx, me, 'search', q, shown.length);
    const at = nowIso(tx);
    await logAccess(
      tx.db,
      shown.flatMap((p) =>
        p.brokers.map((b) => ({
          id: tx.ids.next(),
          owner_id: b.accountId,
          actor_id: me,
          event: 'search-hit' as const,
          query: q,
          contact_id: b.contactId,
          created_at: at,
        })),
      ),
    );
    return {
      query: q,
      people: shown,
      more: total - (people.length - others.length) > shown.length,
      offering: await findConnectionsOffering(tx, me, (offer) => offerHasAll(offer, queryWords), connected),
      searchesLeft: left - 1,
    };
  });
}
