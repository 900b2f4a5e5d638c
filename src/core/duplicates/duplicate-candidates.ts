import type { Kysely } from 'kysely';
import { cachedUntilWrite } from '../db/cached-until-write';
import type { Database } from '../db/schema';
import { namesAgree } from '../imports/names-agree';
import { nameAlikeKey } from '../text/fold';
import { contactNameKeys, sharedChannels } from './duplicates.queries';

/**
 * Where a pair sorts: strong first, more reasons first; then strong pairs by the first value they share (kind,
 * value), possible ones at one organisation first, then by the first one's folded name; then by their ids.
 */
export type PairOrder = readonly [
  rank: number,
  reasons: number,
  by: string,
  then: string,
  a: string,
  b: string,
];

/** A pair of live contacts (`a` < `b`) that may be one person, before "not the same person" is applied. */
export interface Candidate {
  a: string;
  b: string;
  strength: 'strong' | 'possible';
  reasons: string[];
  order: PairOrder;
}

export interface Candidates {
  /** In the order the duplicates view shows them. */
  pairs: Candidate[];
  /** False when there were more than `MAX_CANDIDATES` pairs: the rest were not looked at. */
  complete: boolean;
}

/**
 * Past this many pairs Rapport stops looking (a value or a name shared by hundreds of contacts): 20,000 pairs are
 * ~8 MB kept and more than anyone works through; the view says "more than".
 */
export const MAX_CANDIDATES = 20_000;

const KIND_LABEL: Record<string, string> = {
  email: 'same email',
  phone: 'same phone',
  url: 'same profile URL',
};

export const candidatesKey = (ownerId: string) => `duplicates:${ownerId}`;

/**
 * The owner's suggested pairs, every one of them, kept until the next write (docs/adr/0017): paging and a
 * dismissal (see `dismissDuplicate`) read them again without working them out anew.
 */
export function duplicateCandidates(db: Kysely<Database>, ownerId: string): Promise<Candidates> {
  return cachedUntilWrite(db, candidatesKey(ownerId), () => findCandidates(db, ownerId));
}

interface Draft {
  a: string;
  b: string;
  strength: 'strong' | 'possible';
  /** Each shared value as a reason, with its key: sorted by key at the end, as the values were read. */
  shared: { text: string; kind: string; value: string }[];
  similarName: boolean;
  /** For pairs by name alone: the first one's folded name, and whether both are at one organisation. */
  name: string;
  sameOrg: boolean;
}

type NameRow = Awaited<ReturnType<typeof contactNameKeys>>[number];
/** A contact of a name group, its LinkedIn profiles gathered from its rows. */
interface Person {
  id: string;
  name: string;
  org: string | null;
  profiles: string[];
}

/** The contacts of a name group that may pair; none when each has a profile of its own (all two people). */
function people(rows: NameRow[]): Person[] {
  const profiles = new Set(rows.map((r) => r.profile));
  if (!profiles.has(null) && profiles.size === rows.length) return [];
  const byId = new Map<string, Person>();
  for (const r of rows) {
    const p = byId.get(r.id) ?? { id: r.id, name: r.sort_key, org: r.organisation_id, profiles: [] };
    if (r.profile) p.profiles.push(r.profile);
    byId.set(r.id, p);
  }
  return [...byId.values()];
}

const pairKey = (a: string, b: string) => `${a}|${b}`;
const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Compares two pairs' places in the list (a pair of contacts, or of organisations: tuples of one shape). */
export function compareOrder(x: readonly (number | string)[], y: readonly (number | string)[]): number {
  for (let i = 0; i < x.length; i++) {
    const d =
      typeof x[i] === 'number'
        ? (x[i] as number) - (y[i] as number)
        : compareText(x[i] as string, y[i] as string);
    if (d !== 0) return d;
  }
  return 0;
}

/** The index of the first pair placed after `order` (binary search: the pairs are in order). */
export function firstAfter<O extends readonly (number | string)[]>(pairs: { order: O }[], order: O): number {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareOrder((pairs[mid] as { order: O }).order, order) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Contacts that may be the same person: pairs sharing an email, profile URL or phone (`strong`, ordered by the
 * first value they share), then pairs whose names look alike (`possible`): the same folded name, or the same
 * family name and initial at the same organisation, those at one organisation first, then by name. A phone alone
 * joins only agreeing names, as an import does (colleagues on one switchboard are no pair), and two contacts each
 * with their own, different LinkedIn profile are two people however alike the names.
 *
 * Grouped in memory from two reads of the owner's rows, one per rule, so the work grows with the contacts and the
 * pairs found, never with every pair of contacts (a self-join on "alike" names compared all 500 million pairs of a
 * 30,000-contact rolodex, minutes of SQL).
 */
async function findCandidates(db: Kysely<Database>, ownerId: string): Promise<Candidates> {
  const drafts = new Map<string, Draft>();
  let complete = true;
  const draft = (a: string, b: string, strength: 'strong' | 'possible') => {
    const key = pairKey(a, b);
    const found = drafts.get(key);
    if (found) return found;
    if (drafts.size >= MAX_CANDIDATES) {
      complete = false;
      return undefined;
    }
    const made: Draft = { a, b, strength, shared: [], similarName: false, name: '', sameOrg: false };
    drafts.set(key, made);
    return made;
  };

  // Shared values, phones last: by then a pair sharing anything else is known; a phone alone needs agreeing names.
  const rows = await sharedChannels(db, ownerId);
  type Row = (typeof rows)[number];
  const nameOf = (r: Row) => ({ givenName: r.given_name, displayName: r.display_name });
  const groups = groupBy(rows, (r) => `${r.kind}\u0000${r.value_norm}`);
  const ordered = [...groups.values()].sort(
    (x, y) => Number(x[0]?.kind === 'phone') - Number(y[0]?.kind === 'phone'),
  );
  for (const group of ordered) {
    const members = groupBy(group, (r) => r.contact_id);
    const ids = [...members.keys()].sort();
    for (let i = 0; i < ids.length; i++) {
      const a = members.get(ids[i] as string) as Row[];
      for (let j = i + 1; j < ids.length; j++) {
        const b = members.get(ids[j] as string) as Row[];
        const [x, y] = [a[0] as Row, b[0] as Row];
        const known = drafts.get(pairKey(x.contact_id, y.contact_id));
        if (x.kind === 'phone' && !known && !namesAgree(nameOf(x), nameOf(y))) continue;
        const pair = known ?? draft(x.contact_id, y.contact_id, 'strong');
        if (!pair) continue;
        // The value as the older contact holds it (each spelling once).
        for (const r of a) {
          const text = `${KIND_LABEL[r.kind] ?? r.kind}: ${r.value}`;
          if (!pair.shared.some((s) => s.text === text))
            pair.shared.push({ text, kind: r.kind, value: r.value_norm ?? '' });
        }
      }
    }
  }

  // Grouped by folded name (and by its spelling without umlauts or CJK spaces), and by family name and initial at
  // one organisation (most groups are of one contact).
  const names = await contactNameKeys(db, ownerId);
  const byName = new Map<string, NameRow[]>();
  const byFamily = new Map<string, NameRow[]>();
  // Müller and Mueller, 山田 太郎 and 山田太郎: one name spelt two ways. Only the groups of more than one folded name
  // are new (the others are groups of `byName` again).
  const byAlike = new Map<string, NameRow[]>();
  for (const r of names) {
    push(byName, r.sort_key, r);
    push(byAlike, nameAlikeKey(r.display_name), r);
    if (r.organisation_id !== null && r.family !== null)
      push(byFamily, `${r.organisation_id}\u0000${r.family}\u0000${r.initial}`, r);
  }
  const alike = (x: Person, y: Person) => {
    const [a, b] = x.id < y.id ? [x, y] : [y, x];
    const pair = draft(a.id, b.id, 'possible');
    if (!pair) return;
    pair.similarName = true;
    pair.name = a.name;
    pair.sameOrg = a.org !== null && a.org === b.org;
  };
  for (const [key, rows] of byAlike)
    if (rows.every((r) => r.sort_key === rows[0]?.sort_key)) byAlike.delete(key);
  for (const groups of [byName, byAlike, byFamily])
    for (const rows of groups.values()) {
      if (rows.length < 2) continue;
      const group = people(rows);
      // Without a profile, a contact pairs with every namesake; two with profiles only when they share one.
      const bare = group.filter((p) => p.profiles.length === 0);
      const profiled = group.filter((p) => p.profiles.length > 0);
      for (let i = 0; i < bare.length; i++) {
        for (let j = i + 1; j < bare.length; j++) alike(bare[i] as Person, bare[j] as Person);
        for (const p of profiled) alike(bare[i] as Person, p);
      }
      const holders = new Map<string, Person[]>();
      for (const p of profiled) for (const profile of new Set(p.profiles)) push(holders, profile, p);
      for (const same of holders.values())
        for (let i = 0; i < same.length; i++)
          for (let j = i + 1; j < same.length; j++) alike(same[i] as Person, same[j] as Person);
    }

  const pairs = [...drafts.values()].map((d): Candidate => {
    const shared = d.shared.sort((x, y) => compareText(x.kind, y.kind) || compareText(x.value, y.value));
    const reasons = [...shared.map((r) => r.text), ...(d.similarName ? ['similar name'] : [])];
    const first = shared[0];
    return {
      a: d.a,
      b: d.b,
      strength: d.strength,
      reasons,
      order: first
        ? [0, -reasons.length, first.kind, first.value, d.a, d.b]
        : [1, -reasons.length, d.sameOrg ? '0' : '1', d.name, d.a, d.b],
    };
  });
  return { pairs: pairs.sort((x, y) => compareOrder(x.order, y.order)), complete };
}

function push<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) push(out, key(item), item);
  return out;
}
