import type { Tier } from '../../relationships/strength';
import { buildCsr, buildUndirected, type Csr, csrBytes, findEntry, rowCount } from './csr';

/**
 * The in-process network index (docs/adr/0014-network-index.md): accounts and their accepted connections as an
 * undirected CSR graph, each account's findable contacts, contacts of different owners merged into person nodes by
 * identity key, and a sorted term dictionary with postings for name/organisation/title words. Pure data and pure
 * functions: the database loads it (network-index.queries.ts) and re-checks every answer before it is shown.
 */
export interface NetworkIndex {
  accountIds: string[];
  accountOf: Map<string, number>;
  /** Account — account (accepted connections); the payload on a's row is a's tier of b (TIER codes, 0 none). */
  graph: Csr;
  /** 1 when the account lets connections see its tiers (only then do its tiers rank anything for others). */
  shareTier: Uint8Array;
  contactIds: string[];
  contactOf: Map<string, number>;
  contactOwner: Int32Array;
  contactPerson: Int32Array;
  /** The owner's tier of the contact (TIER codes, 0 none). */
  contactTier: Uint8Array;
  personCount: number;
  /** Identity key (hashed) → person. */
  personOfKey: Map<string, number>;
  /** Account → its findable contacts. */
  owned: Csr;
  /** Person → the contacts (of different owners) that are this person. */
  personContacts: Csr;
  /** Sorted folded words; a word's id is its rank, so a prefix is a contiguous id range. */
  terms: string[];
  /** Term → contacts, and contact → terms. */
  postings: Csr;
  contactTerms: Csr;
  /** Scratch marks (generation-stamped) so queries allocate nothing per node. */
  scratch: Scratch;
}

interface Scratch {
  gen: number;
  account: Int32Array;
  accountSlot: Int32Array;
  accountBack: Int32Array;
  contact: Int32Array;
  person: Int32Array;
  personSlot: Int32Array;
  slotPerson: Int32Array;
  slotCount: Int32Array;
  slotBest: Uint8Array;
  slotExact: Uint8Array;
  slotHead: Int32Array;
  contactNext: Int32Array;
}

/** Tier codes stored in the index: 0 means "known" (no tier, or not shared). */
export const TIER_CODE: Record<Tier, number> = { dormant: 1, active: 2, close: 3, inner: 4 };
export const TIER_OF_CODE: readonly (Tier | null)[] = [null, 'dormant', 'active', 'close', 'inner'];
/** How much a link of each tier code counts on a path (a known-but-unrated link ranks with an active one). */
export const LINK_WEIGHT: readonly number[] = [0.6, 0.35, 0.6, 0.8, 1];

export interface IndexAccount {
  id: string;
  shareTier: boolean;
}
export interface IndexConnection {
  a: string;
  b: string;
  /** a's tier of b (from a's linked contact), b's tier of a; 0 when unlinked. */
  aTier: number;
  bTier: number;
}
export interface IndexContact {
  id: string;
  ownerId: string;
  tier: number;
  /** Identity keys (keyed hashes of LinkedIn slug / email): contacts sharing one are the same person. */
  keys: readonly string[];
  /** Folded words of name, organisation and title. */
  words: readonly string[];
}

/** Builds the index from loaded rows (connections to unknown accounts and contacts of unknown owners are skipped). */
export function buildNetworkIndex(input: {
  accounts: IndexAccount[];
  connections: IndexConnection[];
  contacts: IndexContact[];
}): NetworkIndex {
  const accountIds = input.accounts.map((a) => a.id);
  const accountOf = new Map(accountIds.map((id, i) => [id, i]));
  const shareTier = Uint8Array.from(input.accounts, (a) => (a.shareTier ? 1 : 0));
  const m = input.connections.length;
  const ea = new Int32Array(m);
  const eb = new Int32Array(m);
  const wa = new Uint8Array(m);
  const wb = new Uint8Array(m);
  let n = 0;
  for (const c of input.connections) {
    const a = accountOf.get(c.a);
    const b = accountOf.get(c.b);
    if (a === undefined || b === undefined || a === b) continue;
    ea[n] = a;
    eb[n] = b;
    wa[n] = c.aTier;
    wb[n] = c.bTier;
    n++;
  }
  const graph = buildUndirected(accountIds.length, ea, eb, wa, wb, n);
  const contacts = input.contacts.filter((c) => accountOf.has(c.ownerId));
  return assembleIndex(accountIds, shareTier, graph, contacts);
}

/** The index over an already built account graph (benchmarks build the graph straight from typed arrays). */
export function assembleIndex(
  accountIds: string[],
  shareTier: Uint8Array,
  graph: Csr,
  contacts: IndexContact[],
  accountOf = new Map(accountIds.map((id, i) => [id, i])),
): NetworkIndex {
  const nc = contacts.length;
  const contactIds = contacts.map((c) => c.id);
  const contactOf = new Map(contactIds.map((id, i) => [id, i]));
  const contactOwner = new Int32Array(nc);
  const contactTier = new Uint8Array(nc);
  // Persons: union-find over shared identity keys.
  const parent = new Int32Array(nc);
  const firstWithKey = new Map<string, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  // Terms: collect, sort, renumber.
  const termTmp = new Map<string, number>();
  const tmpWords: string[] = [];
  let termEntries = 0;
  for (let i = 0; i < nc; i++) {
    const c = contacts[i] as IndexContact;
    contactOwner[i] = accountOf.get(c.ownerId) as number;
    contactTier[i] = c.tier;
    parent[i] = i;
    for (const k of c.keys) {
      const first = firstWithKey.get(k);
      if (first === undefined) firstWithKey.set(k, i);
      else {
        const ra = find(first);
        const rb = find(i);
        if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
    for (const w of c.words) {
      if (!termTmp.has(w)) {
        termTmp.set(w, tmpWords.length);
        tmpWords.push(w);
      }
      termEntries++;
    }
  }
  const contactPerson = new Int32Array(nc);
  const personIdOfRoot = new Int32Array(nc).fill(-1);
  let personCount = 0;
  for (let i = 0; i < nc; i++) {
    const r = find(i);
    if (personIdOfRoot[r] === -1) personIdOfRoot[r] = personCount++;
    contactPerson[i] = personIdOfRoot[r] as number;
  }
  // Reuse the key map: key → person.
  for (const [k, c] of firstWithKey) firstWithKey.set(k, contactPerson[c] as number);
  const order = tmpWords
    .map((_, i) => i)
    .sort((x, y) => compare(tmpWords[x] as string, tmpWords[y] as string));
  const terms = order.map((i) => tmpWords[i] as string);
  const rank = new Int32Array(tmpWords.length);
  order.forEach((tmp, r) => {
    rank[tmp] = r;
  });
  const ctFrom = new Int32Array(termEntries);
  const ctTo = new Int32Array(termEntries);
  let e = 0;
  for (let i = 0; i < nc; i++) {
    const seen = new Set<number>();
    for (const w of (contacts[i] as IndexContact).words) {
      const t = rank[termTmp.get(w) as number] as number;
      if (seen.has(t)) continue;
      seen.add(t);
      ctFrom[e] = i;
      ctTo[e] = t;
      e++;
    }
  }
  const noWeight = new Uint8Array(Math.max(e, nc));
  const contactTerms = buildCsr(nc, terms.length, ctFrom, ctTo, noWeight, e);
  const postings = buildCsr(terms.length, nc, ctTo, ctFrom, noWeight, e);
  const seq = Int32Array.from({ length: nc }, (_, i) => i);
  const owned = buildCsr(accountIds.length, nc, contactOwner, seq, contactTier, nc);
  const personContacts = buildCsr(personCount, nc, contactPerson, seq, contactTier, nc);
  const na = accountIds.length;
  return {
    accountIds,
    accountOf,
    graph,
    shareTier,
    contactIds,
    contactOf,
    contactOwner,
    contactPerson,
    contactTier,
    personCount,
    personOfKey: firstWithKey,
    owned,
    personContacts,
    terms,
    postings,
    contactTerms,
    scratch: {
      gen: 0,
      account: new Int32Array(na),
      accountSlot: new Int32Array(na),
      accountBack: new Int32Array(na),
      contact: new Int32Array(nc),
      person: new Int32Array(personCount),
      personSlot: new Int32Array(personCount),
      slotPerson: new Int32Array(personCount),
      slotCount: new Int32Array(personCount),
      slotBest: new Uint8Array(personCount),
      slotExact: new Uint8Array(personCount),
      slotHead: new Int32Array(personCount),
      contactNext: new Int32Array(nc),
    },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Bytes held by the account graph's arrays, and by the whole index's typed arrays (maps and strings excluded). */
export function indexBytes(index: NetworkIndex): { graph: number; typed: number } {
  const graph = csrBytes(index.graph);
  const typed =
    graph +
    index.shareTier.byteLength +
    index.contactOwner.byteLength +
    index.contactPerson.byteLength +
    index.contactTier.byteLength +
    csrBytes(index.owned) +
    csrBytes(index.personContacts) +
    csrBytes(index.postings) +
    csrBytes(index.contactTerms);
  return { graph, typed };
}

function nextGen(index: NetworkIndex): number {
  const s = index.scratch;
  if (s.gen === 0x7fffffff) {
    s.gen = 0;
    s.account.fill(0);
    s.contact.fill(0);
    s.person.fill(0);
  }
  return ++s.gen;
}

/** The term-id range [lo, hi) of words starting with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  return [lowerBound(terms, prefix), lowerBound(terms, `${prefix}\uffff`)];
}

function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One person my connections know, with the contacts (one per broker) that matched. */
export interface PersonHit {
  person: number;
  /** Every query word is a whole word of the contact (not only a prefix). */
  exact: boolean;
  /** Contact numbers, all owned by the searcher's connections. */
  contacts: number[];
}

/**
 * Second degree: the persons whose findable contacts, owned by `account`'s connections, contain every one of
 * `queryWords` as a word prefix (name, organisation, title). Drives from whichever is smaller, the most selective
 * word's postings or the connections' contacts. Best first (exact words, more brokers, stronger shared tier), at
 * most `limit` persons; `total` counts them all. Never the searcher's own contacts (they are not theirs to broker).
 */
export function secondDegree(
  index: NetworkIndex,
  account: number,
  queryWords: readonly string[],
  limit: number,
): { hits: PersonHit[]; total: number } {
  if (queryWords.length === 0 || account < 0) return { hits: [], total: 0 };
  const nw = queryWords.length;
  const lo = new Int32Array(nw);
  const hi = new Int32Array(nw);
  const exactId = new Int32Array(nw);
  for (let w = 0; w < nw; w++) {
    const [l, h] = prefixRange(index.terms, queryWords[w] as string);
    if (l >= h) return { hits: [], total: 0 };
    lo[w] = l;
    hi[w] = h;
    exactId[w] = index.terms[l] === queryWords[w] ? l : -1;
  }
  const gen = nextGen(index);
  const {
    scratch: s,
    graph,
    owned,
    postings,
    contactTerms,
    contactOwner,
    contactPerson,
    contactTier,
    shareTier,
  } = index;
  const ctOff = contactTerms.offsets;
  const ctTerm = contactTerms.targets;
  // Mark my connections and weigh both ways of driving the query.
  let networkCost = 0;
  for (let e = graph.offsets[account] as number, end = graph.offsets[account + 1] as number; e < end; e++) {
    const a = graph.targets[e] as number;
    s.account[a] = gen;
    networkCost += (owned.offsets[a + 1] as number) - (owned.offsets[a] as number);
  }
  let driver = 0;
  let postingsCost = Number.POSITIVE_INFINITY;
  for (let w = 0; w < nw; w++) {
    const cost =
      (postings.offsets[hi[w] as number] as number) - (postings.offsets[lo[w] as number] as number);
    if (cost < postingsCost) {
      postingsCost = cost;
      driver = w;
    }
  }
  let hits = 0;
  // Matches are kept in typed scratch: per person slot a count, the best shared tier, "exact" and a linked list of
  // its contacts (contactNext), so a query allocates nothing per contact.
  const consider = (c: number) => {
    if (s.contact[c] === gen) return;
    s.contact[c] = gen;
    const tLo = ctOff[c] as number;
    const tHi = ctOff[c + 1] as number;
    let exact = 1;
    for (let w = 0; w < nw; w++) {
      const l = lo[w] as number;
      const h = hi[w] as number;
      const x = exactId[w] as number;
      let found = false;
      let whole = false;
      for (let t = tLo; t < tHi; t++) {
        const term = ctTerm[t] as number;
        if (term >= l && term < h) {
          found = true;
          if (term === x) whole = true;
        }
      }
      if (!found) return;
      if (!whole) exact = 0;
    }
    const p = contactPerson[c] as number;
    let slot: number;
    if (s.person[p] !== gen) {
      s.person[p] = gen;
      slot = hits++;
      s.personSlot[p] = slot;
      s.slotPerson[slot] = p;
      s.slotCount[slot] = 0;
      s.slotBest[slot] = 0;
      s.slotExact[slot] = 0;
      s.slotHead[slot] = -1;
    } else slot = s.personSlot[p] as number;
    s.contactNext[c] = s.slotHead[slot] as number;
    s.slotHead[slot] = c;
    s.slotCount[slot] = (s.slotCount[slot] as number) + 1;
    if (exact) s.slotExact[slot] = 1;
    const tier = shareTier[contactOwner[c] as number] ? (contactTier[c] as number) : 0;
    if (tier > (s.slotBest[slot] as number)) s.slotBest[slot] = tier;
  };
  // Driving from the network checks each contact's words for every query word; postings cost one owner lookup each.
  const termsPerContact = ctTerm.length / Math.max(1, index.contactIds.length);
  if (postingsCost < networkCost * termsPerContact * nw) {
    for (
      let k = postings.offsets[lo[driver] as number] as number,
        end = postings.offsets[hi[driver] as number] as number;
      k < end;
      k++
    ) {
      const c = postings.targets[k] as number;
      const owner = contactOwner[c] as number;
      if (s.account[owner] === gen && owner !== account) consider(c);
    }
  } else {
    for (let e = graph.offsets[account] as number, end = graph.offsets[account + 1] as number; e < end; e++) {
      const a = graph.targets[e] as number;
      if (a === account) continue;
      for (let k = owned.offsets[a] as number, kEnd = owned.offsets[a + 1] as number; k < kEnd; k++) {
        consider(owned.targets[k] as number);
      }
    }
  }
  // Rank: exact words, then more brokers, then the strongest tier its owner shares; ties by person number.
  const top = topK(
    hits,
    limit,
    (slot) =>
      ((s.slotExact[slot] as number) << 20) +
      Math.min(s.slotCount[slot] as number, 4095) * 8 +
      (s.slotBest[slot] as number),
    (slot) => s.slotPerson[slot] as number,
  );
  return {
    hits: top.map((slot) => {
      const contacts: number[] = [];
      for (let c = s.slotHead[slot] as number; c !== -1; c = s.contactNext[c] as number) contacts.push(c);
      return {
        person: s.slotPerson[slot] as number,
        exact: s.slotExact[slot] === 1,
        contacts: contacts.reverse(),
      };
    }),
    total: hits,
  };
}

/** The `k` best of `n` slots by `score` (higher first, ties by `tie` ascending), without sorting them all. */
function topK(n: number, k: number, score: (i: number) => number, tie: (i: number) => number): number[] {
  const best: { i: number; s: number; t: number }[] = [];
  for (let i = 0; i < n; i++) {
    const s = score(i);
    const t = tie(i);
    if (best.length === k) {
      const last = best[k - 1] as { s: number; t: number };
      if (s < last.s || (s === last.s && t > last.t)) continue;
    }
    let at = best.length;
    while (at > 0) {
      const prev = best[at - 1] as { s: number; t: number };
      if (prev.s > s || (prev.s === s && prev.t < t)) break;
      at--;
    }
    best.splice(at, 0, { i, s, t });
    if (best.length > k) best.pop();
  }
  return best.map((b) => b.i);
}

/** A warm path found in the index: me → via[0] (→ via[1]) → contact, with its score (product of link weights). */
export interface IndexPath {
  /** The accounts after me: [broker] or [connection, broker]; the broker owns `contact`. */
  via: number[];
  contact: number;
  score: number;
}

/** The weight of a link whose tier code is `code`, as `viewer` may rank it (`owner`'s tiers count only if shared). */
function linkWeight(index: NetworkIndex, owner: number, code: number, ownLink: boolean): number {
  return LINK_WEIGHT[ownLink || index.shareTier[owner] ? code : 0] as number;
}

/**
 * Warm paths from `account` to any of `targets` (contact numbers): me → broker → contact (2 hops) and me →
 * connection → broker → contact (3 hops), over accepted connections and findable contacts only. A bidirectional
 * meet in the middle: my connections are marked, then the cheaper side is walked (my connections' connections, or
 * the brokers' connections). Keeps the best path per (person, broker); best `limit` first. My own contacts are not
 * targets (I know them already) and I am never a hop.
 */
export function warmPaths(
  index: NetworkIndex,
  account: number,
  targets: Iterable<number>,
  limit: number,
): IndexPath[] {
  if (account < 0) return [];
  const { graph, contactOwner, contactTier, contactPerson, scratch: s } = index;
  const gen = nextGen(index);
  const start = graph.offsets[account] as number;
  const end = graph.offsets[account + 1] as number;
  for (let e = start; e < end; e++) {
    s.account[graph.targets[e] as number] = gen;
    s.accountSlot[graph.targets[e] as number] = e;
  }
  // Brokers: owners of the target contacts (not me), with their target contacts.
  const brokerContacts = new Map<number, number[]>();
  for (const c of targets) {
    const b = contactOwner[c] as number;
    if (b === account) continue;
    const list = brokerContacts.get(b);
    if (list) list.push(c);
    else brokerContacts.set(b, [c]);
  }
  const best = new Map<string, IndexPath>();
  const offer = (via: number[], c: number, score: number) => {
    const key = `${contactPerson[c]}:${via[via.length - 1]}`;
    const had = best.get(key);
    if (!had || score > had.score || (score === had.score && via.length < had.via.length)) {
      best.set(key, { via, contact: c, score });
    }
  };
  const lastHop = (b: number, c: number) => linkWeight(index, b, contactTier[c] as number, false);
  // Two hops: brokers who are my connections.
  for (const [b, cs] of brokerContacts) {
    if (s.account[b] !== gen) continue;
    const first = linkWeight(index, account, graph.weights[s.accountSlot[b] as number] as number, true);
    for (const c of cs) offer([b], c, first * lastHop(b, c));
  }
  // Three hops: me → a → b, b a broker not already one of my connections.
  let forwardCost = 0;
  for (let e = start; e < end; e++) {
    const a = graph.targets[e] as number;
    forwardCost += (graph.offsets[a + 1] as number) - (graph.offsets[a] as number);
  }
  let backwardCost = 0;
  for (const b of brokerContacts.keys()) {
    if (s.account[b] !== gen) backwardCost += (graph.offsets[b + 1] as number) - (graph.offsets[b] as number);
  }
  const three = (a: number, b: number, abWeight: number) => {
    const first = linkWeight(index, account, graph.weights[s.accountSlot[a] as number] as number, true);
    const middle = linkWeight(index, a, abWeight, false);
    for (const c of brokerContacts.get(b) as number[]) offer([a, b], c, first * middle * lastHop(b, c));
  };
  if (backwardCost <= forwardCost) {
    for (const b of brokerContacts.keys()) {
      if (s.account[b] === gen) continue;
      for (let e = graph.offsets[b] as number, eEnd = graph.offsets[b + 1] as number; e < eEnd; e++) {
        const a = graph.targets[e] as number;
        if (s.account[a] !== gen || a === account) continue;
        three(a, b, graph.weights[findEntry(graph, a, b)] as number);
      }
    }
  } else {
    for (let e = start; e < end; e++) {
      const a = graph.targets[e] as number;
      for (let f = graph.offsets[a] as number, fEnd = graph.offsets[a + 1] as number; f < fEnd; f++) {
        const b = graph.targets[f] as number;
        if (b === account || s.account[b] === gen || !brokerContacts.has(b)) continue;
        three(a, b, graph.weights[f] as number);
      }
    }
  }
  return [...best.values()]
    .sort(
      (x, y) =>
        y.score - x.score ||
        x.via.length - y.via.length ||
        (x.via[0] as number) - (y.via[0] as number) ||
        x.contact - y.contact,
    )
    .slice(0, limit);
}

/**
 * Shortest path between two accounts over at most `maxHops` connections, by bidirectional breadth-first search
 * (the smaller frontier is expanded each round); the accounts from `from` to `to`, or null.
 */
export function shortestAccountPath(
  index: NetworkIndex,
  from: number,
  to: number,
  maxHops: number,
): number[] | null {
  if (from < 0 || to < 0) return null;
  if (from === to) return [from];
  const { graph, scratch: s } = index;
  const genF = nextGen(index);
  const genB = nextGen(index);
  // s.account holds the side's generation; accountSlot / accountBack the parent on each side.
  s.account[from] = genF;
  s.accountSlot[from] = -1;
  s.account[to] = genB;
  s.accountBack[to] = -1;
  let front = [from];
  let back = [to];
  for (let hops = 0; hops < maxHops; ) {
    const forward = frontierCost(graph, front) <= frontierCost(graph, back);
    const frontier = forward ? front : back;
    const mine = forward ? genF : genB;
    const next: number[] = [];
    for (const u of frontier) {
      for (let e = graph.offsets[u] as number, end = graph.offsets[u + 1] as number; e < end; e++) {
        const v = graph.targets[e] as number;
        const mark = s.account[v];
        if (mark === mine) continue;
        if (mark === (forward ? genB : genF)) {
          const left = forward ? u : v;
          const right = forward ? v : u;
          return [...walk(s.accountSlot, left).reverse(), ...walk(s.accountBack, right)];
        }
        s.account[v] = mine;
        if (forward) s.accountSlot[v] = u;
        else s.accountBack[v] = u;
        next.push(v);
      }
    }
    hops++;
    if (next.length === 0) return null;
    if (forward) front = next;
    else back = next;
  }
  return null;
}

function frontierCost(graph: Csr, frontier: number[]): number {
  let cost = 0;
  for (const u of frontier) cost += (graph.offsets[u + 1] as number) - (graph.offsets[u] as number);
  return cost;
}

/** The chain of parents from `node` to its side's root. */
function walk(parent: Int32Array, node: number): number[] {
  const out: number[] = [];
  for (let v = node; v !== -1; v = parent[v] as number) out.push(v);
  return out;
}

/** Rows (accounts) in the graph. */
export function accountCount(index: NetworkIndex): number {
  return rowCount(index.graph);
}

/** Every indexed contact (any owner) with every one of `queryWords` as a word prefix, at most `limit`. */
export function matchingContacts(
  index: NetworkIndex,
  queryWords: readonly string[],
  limit: number,
): number[] {
  if (queryWords.length === 0) return [];
  const ranges = queryWords.map((w) => prefixRange(index.terms, w));
  if (ranges.some(([lo, hi]) => lo >= hi)) return [];
  const { postings, contactTerms, scratch: s } = index;
  let driver = ranges[0] as [number, number];
  for (const r of ranges) {
    if (
      (postings.offsets[r[1]] as number) - (postings.offsets[r[0]] as number) <
      (postings.offsets[driver[1]] as number) - (postings.offsets[driver[0]] as number)
    )
      driver = r;
  }
  const gen = nextGen(index);
  const out: number[] = [];
  for (
    let k = postings.offsets[driver[0]] as number, end = postings.offsets[driver[1]] as number;
    k < end;
    k++
  ) {
    const c = postings.targets[k] as number;
    if (s.contact[c] === gen) continue;
    s.contact[c] = gen;
    const tLo = contactTerms.offsets[c] as number;
    const tHi = contactTerms.offsets[c + 1] as number;
    const all = ranges.every(([lo, hi]) => {
      for (let t = tLo; t < tHi; t++) {
        const term = contactTerms.targets[t] as number;
        if (term >= lo && term < hi) return true;
      }
      return false;
    });
    if (all) {
      out.push(c);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** The contacts (of every owner) that are person `person`. */
export function contactsOfPerson(index: NetworkIndex, person: number): number[] {
  const { personContacts: pc } = index;
  return Array.from(pc.targets.subarray(pc.offsets[person] as number, pc.offsets[person + 1] as number));
}
