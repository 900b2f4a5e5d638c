import type { z } from 'zod';
import {
  type linkTier,
  type PathInput,
  type PathResult,
  pathQuery,
  type WarmPath,
} from '../../contracts/network-search';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { statesOf } from '../relationships/relationship.queries';
import { toStrengthState } from '../relationships/relationship-state';
import { strengthAt, type Tier } from '../relationships/strength';
import { validate } from '../validate';
import { logAccess } from './access-log.queries';
import { alreadyConnectedAmong } from './already-connected';
import { connectedAccountIds } from './connection.queries';
import { networkIndexFor, personKeysOf } from './index/load-network-index';
import {
  contactsOfPerson,
  type IndexPath,
  LINK_WEIGHT,
  matchingContacts,
  type NetworkIndex,
  TIER_CODE,
  warmPaths,
} from './index/network-index';
import { searchesLeft, searchesLeftLocked, spendSearch } from './network-quota';
import { acceptedLinks, accountNames, ownContactName, ownerAmong, pairKey } from './network-search.queries';
import { sharedContactsOf } from './present-shared-contact';
import { networkQueryWords } from './search-network';
import { findableAmong, sharingSettingsOf } from './sharing.queries';

type LinkTier = z.infer<typeof linkTier>;

/** Targets considered for one text look-up (the whole server's matching findable contacts, before the walk). */
const MAX_TARGETS = 50_000;

const weightOf = (t: LinkTier) => LINK_WEIGHT[t === 'known' ? 0 : TIER_CODE[t]] as number;

/**
 * Warm paths: how I can reach someone at an organisation (or with a title or name: `q`), or one person (`contactId`:
 * my own contact, matched by identity key, or a connection's findable contact from a search). Paths of two hops
 * (me → connection → their contact) and three (me → connection → their connection → their contact), over accepted
 * connections and findable contacts only, ranked by the strength of each link (each owner's tier only where that
 * owner shares tiers; mine always) and explained step by step. Someone I am not connected to is never named: a
 * three-hop path says whom to ask, not whom they know. A person who is already my connection needs no introduction:
 * marked `connected` on two hops, left out on three. Every path is re-checked against the database, its target's
 * owner gets an access-log entry ('path'), and the look-up counts against the daily network-search limit.
 */
export async function findWarmPaths(ctx: Ctx, input: PathInput): Promise<PathResult> {
  const me = requireActor(ctx);
  const { q, contactId, limit } = validate(pathQuery, input);
  const queryWords = q === undefined ? null : networkQueryWords(q);
  await searchesLeft(ctx, me);
  const index = await networkIndexFor(ctx);
  const meNode = index.accountOf.get(me) ?? -1;
  let targets: number[];
  let ownTargetName: string | undefined;
  if (queryWords) {
    targets = matchingContacts(index, queryWords, MAX_TARGETS);
  } else {
    const id = contactId as string;
    ownTargetName = await ownContactName(ctx.db, me, id);
    if (ownTargetName !== undefined) {
      const persons = new Set<number>();
      for (const key of await personKeysOf(ctx, me, id)) {
        const p = index.personOfKey.get(key);
        if (p !== undefined) persons.add(p);
      }
      targets = [...persons].flatMap((p) => contactsOfPerson(index, p));
    } else {
      const owner = await ownerAmong(ctx.db, id, await connectedAccountIds(ctx.db, me));
      if (!owner || !(await findableAmong(ctx.db, owner, [id])).has(id)) throw notFound('contact');
      const c = index.contactOf.get(id);
      targets = c === undefined ? [] : contactsOfPerson(index, index.contactPerson[c] as number);
    }
  }
  // Three times the page, so paths dropped by the re-check can be replaced.
  const found = warmPaths(index, meNode, targets, limit * 3);
  return inTransaction(ctx, async (tx) => {
    const left = await searchesLeftLocked(tx, me);
    const paths = await withoutIntroToConnections(
      tx,
      me,
      await confirmPaths(tx, index, me, found, q, ownTargetName),
    );
    paths.sort((a, b) => b.score - a.score || a.hops - b.hops);
    // Three-hop paths through the same two accounts read the same (the far side is never named): keep the best.
    const seen = new Set<string>();
    const shown = paths
      .filter((p) => {
        if (p.hops === 2) return true;
        const key = `${p.ask.accountId}|${p.owner}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, limit);
    await spendSearch(tx, me, 'path', q ?? `contact ${contactId}`, shown.length);
    const at = nowIso(tx);
    await logAccess(
      tx.db,
      shown.map((p) => ({
        id: tx.ids.next(),
        owner_id: p.owner,
        actor_id: me,
        event: 'path' as const,
        query: q ?? null,
        contact_id: p.targetContact,
        created_at: at,
      })),
    );
    return { paths: shown.map(({ owner: _o, targetContact: _t, ...p }) => p), searchesLeft: left - 1 };
  });
}

type Confirmed = WarmPath & { owner: string; targetContact: string };

/**
 * A person who is one of my own connections (by the "on Rapport" rule of ADR 13) needs no introduction: a two-hop
 * path to them is marked `connected` (write to them directly), a three-hop one is dropped, since marking it would
 * name whom a stranger knows. A contact that stands for me is dropped: nobody needs a path to themselves.
 */
async function withoutIntroToConnections(tx: Ctx, me: string, paths: Confirmed[]): Promise<Confirmed[]> {
  const byOwner = new Map<string, string[]>();
  for (const p of paths) {
    const list = byOwner.get(p.owner);
    if (list) list.push(p.targetContact);
    else byOwner.set(p.owner, [p.targetContact]);
  }
  const connected = new Set(await connectedAccountIds(tx.db, me));
  const direct = await alreadyConnectedAmong(tx.db, byOwner, new Set([...connected, me]));
  return paths.flatMap((p) => {
    const account = direct.get(p.targetContact);
    if (!account) return [p];
    // A connection's contact that stands for me: no path leads to myself.
    if (account.id === me) return [];
    return p.hops === 2 ? [{ ...p, connected: { accountId: account.id, name: account.name } }] : [];
  });
}

/**
 * Re-checks index paths against the database (each connection still accepted, each target contact still findable)
 * and explains them with tiers read now: mine of my connection, a connection's of theirs and a broker's of the
 * person only where that account shares tiers.
 */
async function confirmPaths(
  tx: Ctx,
  index: NetworkIndex,
  me: string,
  found: IndexPath[],
  q: string | undefined,
  ownTargetName: string | undefined,
): Promise<Confirmed[]> {
  const acc = (n: number) => index.accountIds[n] as string;
  const pairs: [string, string][] = [];
  for (const p of found) {
    pairs.push([me, acc(p.via[0] as number)]);
    if (p.via.length === 2) pairs.push([acc(p.via[0] as number), acc(p.via[1] as number)]);
  }
  const links = await acceptedLinks(tx.db, pairs);
  const linkedContact = (from: string, to: string): string | null => {
    const l = links.get(pairKey(from, to));
    if (!l) return null;
    return from === l.lo ? l.loContact : l.hiContact;
  };
  const now = tx.clock.now();
  // Targets, by owner: the shared view for my connections' contacts, findability alone beyond them.
  const byOwner = new Map<string, string[]>();
  for (const p of found) {
    const owner = acc(p.via[p.via.length - 1] as number);
    const list = byOwner.get(owner);
    const id = index.contactIds[p.contact] as string;
    if (list) list.push(id);
    else byOwner.set(owner, [id]);
  }
  const findable = new Set<string>();
  const connected = new Set(found.filter((p) => p.via.length === 1).map((p) => acc(p.via[0] as number)));
  const viewed = new Map<string, string[]>();
  for (const [owner, ids] of byOwner) {
    if (connected.has(owner) && links.has(pairKey(me, owner))) viewed.set(owner, ids);
    else for (const id of await findableAmong(tx.db, owner, ids)) findable.add(id);
  }
  const views = await sharedContactsOf(tx.db, viewed, now);
  for (const id of views.keys()) findable.add(id);
  // Link tiers: mine of my connections; my connections' of their connections only where they share tiers.
  const firstHops = [...new Set(found.map((p) => acc(p.via[0] as number)))];
  const sharing = await sharingSettingsOf(tx.db, firstHops);
  const tierOfLink = async (from: string, to: string, mine: boolean): Promise<LinkTier> => {
    if (!mine && !sharing.get(from)?.shareTier) return 'known';
    const contact = linkedContact(from, to);
    if (!contact) return 'known';
    const row = (await statesOf(tx.db, from, [contact])).get(contact);
    if (!row) return 'known';
    return strengthAt(toStrengthState(row), now.getTime(), row.closeness).tier as Tier;
  };
  const names = await accountNames(tx.db, [me, ...firstHops]);
  const out: Confirmed[] = [];
  for (const p of found) {
    const a = acc(p.via[0] as number);
    const owner = acc(p.via[p.via.length - 1] as number);
    const contactId = index.contactIds[p.contact] as string;
    if (!links.has(pairKey(me, a)) || !findable.has(contactId)) continue;
    const you = { accountId: me, name: 'you' };
    const first = { accountId: a, name: names.get(a) ?? '' };
    const firstTier = await tierOfLink(me, a, true);
    const firstStep = {
      from: you,
      to: first,
      tier: firstTier,
      why: `your connection${firstTier === 'known' ? '' : `; your relationship is ${firstTier}`}`,
    };
    if (p.via.length === 1) {
      const view = views.get(contactId);
      if (!view) continue;
      const last: LinkTier = view.tier ?? 'known';
      out.push({
        hops: 2,
        score: round(weightOf(firstTier) * weightOf(last)),
        steps: [
          firstStep,
          {
            from: first,
            to: { accountId: null, name: view.displayName },
            tier: last,
            why: `${first.name} knows them and lets connections find them${last === 'known' ? '' : `; ${first.name} rates it ${last}`}`,
          },
        ],
        ask: first,
        target: view,
        contactId,
        connected: null,
        owner,
        targetContact: contactId,
      });
      continue;
    }
    if (!links.has(pairKey(a, owner))) continue;
    const middle = await tierOfLink(a, owner, false);
    const stranger = { accountId: null, name: `a connection of ${first.name}'s` };
    out.push({
      hops: 3,
      score: round(weightOf(firstTier) * weightOf(middle) * weightOf('known')),
      steps: [
        firstStep,
        {
          from: first,
          to: stranger,
          tier: middle,
          why: `connected to ${first.name}${middle === 'known' ? '' : `; ${first.name} rates it ${middle}`}`,
        },
        {
          from: stranger,
          to: {
            accountId: null,
            name: q !== undefined ? `someone matching “${q}”` : (ownTargetName ?? 'this person'),
          },
          tier: 'known',
          why: 'knows them and lets their connections find them',
        },
      ],
      ask: first,
      target: null,
      contactId: null,
      connected: null,
      owner,
      targetContact: contactId,
    });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
