import { describe, expect, it } from 'vitest';
import { buildCsr, buildUndirected, findEntry } from './csr';
import {
  buildNetworkIndex,
  contactsOfPerson,
  type IndexContact,
  LINK_WEIGHT,
  matchingContacts,
  type NetworkIndex,
  secondDegree,
  shortestAccountPath,
  warmPaths,
} from './network-index';

/** mulberry32: a small seeded generator, so every failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'acme',
  'acorn',
  'supply',
  'chain',
  'chen',
  'cheng',
  'ada',
  'lovelace',
  'head',
  'of',
  'ops',
  'globex',
];

interface RandomNetwork {
  index: NetworkIndex;
  adjacency: Map<string, Map<string, number>>;
  contacts: IndexContact[];
  shareTier: Map<string, boolean>;
}

function randomNetwork(seed: number): RandomNetwork {
  const r = rng(seed);
  const n = 2 + Math.floor(r() * 40);
  const ids = Array.from({ length: n }, (_, i) => `acct-${String(i).padStart(3, '0')}`);
  const shareTier = new Map(ids.map((id) => [id, r() < 0.5]));
  const edges = new Map<string, { a: string; b: string; aTier: number; bTier: number }>();
  const density = r() * 0.3;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (r() < density)
        edges.set(`${i}|${j}`, {
          a: ids[i] as string,
          b: ids[j] as string,
          aTier: Math.floor(r() * 5),
          bTier: Math.floor(r() * 5),
        });
  const adjacency = new Map(ids.map((id) => [id, new Map<string, number>()]));
  for (const e of edges.values()) {
    adjacency.get(e.a)?.set(e.b, e.aTier);
    adjacency.get(e.b)?.set(e.a, e.bTier);
  }
  const contacts: IndexContact[] = [];
  const nc = Math.floor(r() * 80);
  for (let k = 0; k < nc; k++) {
    const keys = r() < 0.6 ? [`key-${Math.floor(r() * 20)}`] : [];
    if (r() < 0.2) keys.push(`key-${Math.floor(r() * 20)}`);
    contacts.push({
      id: `contact-${String(k).padStart(3, '0')}`,
      ownerId: ids[Math.floor(r() * n)] as string,
      tier: Math.floor(r() * 5),
      keys,
      words: Array.from(
        { length: 1 + Math.floor(r() * 3) },
        () => WORDS[Math.floor(r() * WORDS.length)] as string,
      ),
    });
  }
  const index = buildNetworkIndex({
    accounts: ids.map((id) => ({ id, shareTier: shareTier.get(id) as boolean })),
    connections: [...edges.values()],
    contacts,
  });
  return { index, adjacency, contacts, shareTier };
}

function naiveDistance(adjacency: Map<string, Map<string, number>>, from: string, to: string): number | null {
  const dist = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length > 0) {
    const u = queue.shift() as string;
    if (u === to) return dist.get(u) as number;
    for (const v of adjacency.get(u)?.keys() ?? []) {
      if (!dist.has(v)) {
        dist.set(v, (dist.get(u) as number) + 1);
        queue.push(v);
      }
    }
  }
  return null;
}

/** The persons as naive grouping sees them: contacts connected through shared keys. */
function naivePersons(contacts: IndexContact[]): Map<string, string> {
  const group = new Map(contacts.map((c) => [c.id, c.id]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const a of contacts)
      for (const b of contacts) {
        if (a.keys.some((k) => b.keys.includes(k))) {
          const ga = group.get(a.id) as string;
          const gb = group.get(b.id) as string;
          if (ga !== gb) {
            const min = [ga, gb].sort()[0] as string; // group ids are strings: not Math.min
            for (const [id, g] of group) if (g === ga || g === gb) group.set(id, min);
            changed = true;
          }
        }
      }
  }
  return group;
}

describe('compressed sparse rows', () => {
  it('stores every entry in its row, sorted by target, with its payload', () => {
    const csr = buildCsr(
      3,
      5,
      Int32Array.from([2, 0, 0, 2, 0]),
      Int32Array.from([4, 3, 1, 0, 2]),
      Uint8Array.from([9, 8, 7, 6, 5]),
    );
    expect([...csr.offsets]).toEqual([0, 3, 3, 5]);
    expect([...csr.targets]).toEqual([1, 2, 3, 0, 4]);
    expect([...csr.weights]).toEqual([7, 5, 8, 6, 9]);
    expect(findEntry(csr, 0, 3)).toBe(2);
    expect(findEntry(csr, 0, 4)).toBe(-1);
    expect(findEntry(csr, 1, 0)).toBe(-1);
  });

  it('keeps an undirected edge in both rows with each side’s payload', () => {
    const g = buildUndirected(
      3,
      Int32Array.from([0, 1]),
      Int32Array.from([1, 2]),
      Uint8Array.from([4, 3]),
      Uint8Array.from([1, 2]),
    );
    expect([...g.offsets]).toEqual([0, 1, 3, 4]);
    expect([...g.targets]).toEqual([1, 0, 2, 1]);
    expect([...g.weights]).toEqual([4, 1, 3, 2]);
  });
});

describe('the network index', () => {
  it('merges contacts of different owners that share any identity key into one person', () => {
    const index = buildNetworkIndex({
      accounts: [
        { id: 'a', shareTier: false },
        { id: 'b', shareTier: false },
        { id: 'c', shareTier: false },
      ],
      connections: [],
      contacts: [
        { id: 'x', ownerId: 'a', tier: 0, keys: ['k1'], words: ['chen'] },
        { id: 'y', ownerId: 'b', tier: 0, keys: ['k1', 'k2'], words: ['chen'] },
        { id: 'z', ownerId: 'c', tier: 0, keys: ['k2'], words: ['chen'] },
        { id: 'w', ownerId: 'c', tier: 0, keys: [], words: ['chen'] },
      ],
    });
    const person = index.contactPerson[index.contactOf.get('x') as number] as number;
    expect(
      contactsOfPerson(index, person)
        .map((c) => index.contactIds[c])
        .sort(),
    ).toEqual(['x', 'y', 'z']);
    expect(index.personOfKey.get('k2')).toBe(person);
    expect(index.contactPerson[index.contactOf.get('w') as number]).not.toBe(person);
    expect(index.personCount).toBe(2);
  });

  it('finds the shortest account path within the hop limit exactly when a naive BFS does (random graphs)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { index, adjacency } = randomNetwork(seed);
      const r = rng(seed * 7919);
      for (let k = 0; k < 10; k++) {
        const from = index.accountIds[Math.floor(r() * index.accountIds.length)] as string;
        const to = index.accountIds[Math.floor(r() * index.accountIds.length)] as string;
        const maxHops = 1 + Math.floor(r() * 4);
        const want = naiveDistance(adjacency, from, to);
        const got = shortestAccountPath(
          index,
          index.accountOf.get(from) as number,
          index.accountOf.get(to) as number,
          maxHops,
        );
        const context = `seed ${seed} ${from}→${to} max ${maxHops}`;
        if (want === null || want > maxHops) {
          expect(got, context).toBeNull();
          continue;
        }
        const names = (got ?? []).map((n) => index.accountIds[n] as string);
        expect(names.length - 1, context).toBe(want);
        expect(names[0]).toBe(from);
        expect(names[names.length - 1]).toBe(to);
        for (let i = 1; i < names.length; i++) {
          expect(adjacency.get(names[i - 1] as string)?.has(names[i] as string), context).toBe(true);
        }
      }
    }
  });

  it('answers second-degree queries like a naive scan: connections’ contacts only, every word a prefix, grouped by person', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { index, adjacency, contacts } = randomNetwork(seed);
      const persons = naivePersons(contacts);
      const r = rng(seed * 104729);
      for (let k = 0; k < 5; k++) {
        const me = index.accountIds[Math.floor(r() * index.accountIds.length)] as string;
        const query = [WORDS[Math.floor(r() * WORDS.length)] as string];
        if (r() < 0.3) query.push(WORDS[Math.floor(r() * WORDS.length)] as string);
        const words = query.map((w) => (r() < 0.5 ? w.slice(0, 2 + Math.floor(r() * (w.length - 1))) : w));
        const mine = adjacency.get(me) as Map<string, number>;
        const want = new Map<string, string[]>();
        for (const c of contacts) {
          if (c.ownerId === me || !mine.has(c.ownerId)) continue;
          if (!words.every((w) => c.words.some((x) => x.startsWith(w)))) continue;
          const p = persons.get(c.id) as string;
          want.set(p, [...(want.get(p) ?? []), c.id].sort());
        }
        const { hits, total } = secondDegree(index, index.accountOf.get(me) as number, words, 1000);
        const got = new Map(
          hits.map((h) => [
            persons.get(index.contactIds[h.contacts[0] as number] as string) as string,
            h.contacts.map((c) => index.contactIds[c] as string).sort(),
          ]),
        );
        const context = `seed ${seed} ${me} ${words.join(' ')}`;
        expect(got, context).toEqual(want);
        expect(total, context).toBe(want.size);
        // The cap keeps the best: exact words first, then more brokers.
        const capped = secondDegree(index, index.accountOf.get(me) as number, words, 2);
        expect(capped.hits.length).toBe(Math.min(2, want.size));
        expect(capped.total).toBe(want.size);
        const brokers = hits.map((h) => (h.exact ? 1e6 : 0) + h.contacts.length);
        expect(brokers, context).toEqual([...brokers].sort((a, b) => b - a));
      }
    }
  });

  it('matches contacts of every owner for a path target', () => {
    const { index, contacts } = randomNetwork(42);
    const want = contacts.filter((c) => c.words.some((w) => w.startsWith('ch'))).map((c) => c.id);
    expect(
      matchingContacts(index, ['ch'], 1e6)
        .map((c) => index.contactIds[c])
        .sort(),
    ).toEqual(want.sort());
  });

  it('finds the best warm path per person and broker like brute-force enumeration, with shared tiers only', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { index, adjacency, contacts, shareTier } = randomNetwork(seed);
      const persons = naivePersons(contacts);
      const r = rng(seed * 31337);
      const me = index.accountIds[Math.floor(r() * index.accountIds.length)] as string;
      const targets = contacts.filter(() => r() < 0.4);
      const w = (owner: string, tier: number, own: boolean) =>
        LINK_WEIGHT[own || shareTier.get(owner) ? tier : 0] as number;
      const want = new Map<string, number>();
      const offer = (key: string, score: number) => {
        if (score > (want.get(key) ?? -1)) want.set(key, score);
      };
      const mine = adjacency.get(me) as Map<string, number>;
      for (const c of targets) {
        const b = c.ownerId;
        if (b === me) continue;
        const key = `${persons.get(c.id)}|${b}`;
        const last = w(b, c.tier, false);
        if (mine.has(b)) offer(key, w(me, mine.get(b) as number, true) * last);
        else
          for (const [a, t] of mine) {
            const ab = adjacency.get(a)?.get(b);
            if (ab !== undefined) offer(key, w(me, t, true) * w(a, ab, false) * last);
          }
      }
      const got = warmPaths(
        index,
        index.accountOf.get(me) as number,
        targets.map((c) => index.contactOf.get(c.id) as number),
        1e6,
      );
      const context = `seed ${seed} from ${me}`;
      expect(
        new Map(
          got.map((p) => [
            `${persons.get(index.contactIds[p.contact] as string)}|${index.accountIds[p.via[p.via.length - 1] as number]}`,
            p.score,
          ]),
        ),
        context,
      ).toEqual(want);
      for (const p of got) {
        expect(p.via).not.toContain(index.accountOf.get(me));
        expect(p.via.length).toBeLessThanOrEqual(2);
      }
      const scores = got.map((p) => p.score);
      expect(scores, context).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});
