import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { inTransaction } from '../context';
import { findLiveTagsByNorm } from '../tags/tag.queries';
import { channelKey } from './channels';
import { searchDoc, searchQueryWords } from './contact';
import { type ContactFilter, rankSearchHits, type TextStage, walkSearchHits } from './contact.queries';
import { createContact } from './create-contact';
import { deleteContact } from './delete-contact';
import { listContacts } from './list-contacts';
import { updateContact } from './update-contact';

const GIVEN = ['Ada', 'Ann', 'Anna', 'Élodie', 'Bob', 'Zoë', 'Chen', 'Acmé', 'Ann Marie', 'Jean-Luc'];
const FAMILY = [
  'Lovelace',
  'Müller',
  'Ann',
  'Acme',
  'Wei',
  'Bell',
  'Okafor',
  'Andersson',
  "O'Brien",
  'D’Angelo',
];
const ORGS = ['Acme Logistics', 'Globex', 'Société Générale', undefined];
const TITLES = ['CFO', 'Engineer', 'Ann Arbor liaison', undefined, 'Head of Supply'];

interface Person {
  givenName: string;
  familyName: string;
  organisation?: string;
  title?: string;
  notes?: string;
  tags: string[];
  connectedOn: string;
}

/** Phone numbers, given by an edit: international (read), national without a country (kept as written), none. */
function phonesOf(i: number): { value: string }[] {
  const line = String(i).padStart(4, '0');
  if (i % 4 === 1) return [{ value: `+44 20 7946 ${line}` }];
  if (i % 6 === 2) return [{ value: `020 7946 ${line}` }, { value: `(202) 555-${line}` }];
  return [];
}

function person(i: number): Person {
  return {
    givenName: GIVEN[i % GIVEN.length] as string,
    familyName: `${FAMILY[(i * 7) % FAMILY.length]}${i % 3 === 0 ? '' : `-${i}`}`,
    organisation: ORGS[i % ORGS.length],
    title: TITLES[(i * 3) % TITLES.length],
    notes: i % 7 === 0 ? 'met ada at the acme summit' : i % 11 === 0 ? 'Zed from Bell labs' : undefined,
    tags: i % 5 === 0 ? ['Élite'] : [],
    connectedOn: `2024-0${(i % 9) + 1}-01`,
  };
}

interface Doc {
  id: string;
  sortKey: string;
  name: string[];
  text: string[];
}

/** The ranking contract restated plainly: tier (stage) first, then name, then id. */
function expectedOrder(docs: Doc[], q: string): string[] {
  const ws = searchQueryWords(q);
  const phrase = ws.join(' ');
  const has = (list: string[], w: string) => list.some((x) => x.startsWith(w));
  const tier = (d: Doc) => {
    if (!ws.every((w) => has(d.name, w) || has(d.text, w))) return -1;
    if (d.sortKey.startsWith(phrase)) return 0;
    if (ws.every((w) => has(d.name, w))) return 1;
    return has(d.name, ws[0] as string) ? 2 : 3;
  };
  const byte = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return docs
    .map((d) => ({ d, t: tier(d) }))
    .filter((x) => x.t >= 0)
    .sort((a, b) => a.t - b.t || byte(a.d.sortKey, b.d.sortKey) || byte(a.d.id, b.d.id))
    .map((x) => x.d.id);
}

const QUERIES = [
  'a',
  'A',
  'an',
  'ann',
  'ann m',
  'ann arbor',
  'acme',
  'acm',
  'ac',
  'ada acme',
  'acme ada',
  'bell',
  'b',
  'zed',
  'z',
  'elite',
  'e',
  'soc gen',
  'supply',
  'mu',
  'lovelace',
  'l',
  '1',
  '12',
  'ann 1',
  'nobody',
  'obrien',
  "o'brien",
  'jeanluc',
  'dangelo',
  'lovelace1',
  '020 7946',
  '+44 20 7946 00',
  '(202) 555',
  '442',
];

describeEngines('contact search ranking', (h) => {
  it("pages every query in the order of the ranking contract, never showing another account's contacts", async () => {
    const { ctx } = await h.account();
    const other = await h.account();
    const docs: Doc[] = [];
    await inTransaction(ctx, async (tx) => {
      for (let i = 0; i < 240; i++) {
        const p = person(i);
        const c = await createContact(tx, { ...p, emails: [{ value: `p${i}@example.com` }] }, 'api');
        const phones = phonesOf(i);
        if (phones.length > 0) await updateContact(tx, c.id, { phones }, 'api');
        if (i % 13 === 12) {
          await deleteContact(tx, c.id);
          continue;
        }
        const doc = searchDoc({
          displayName: c.displayName,
          givenName: p.givenName,
          familyName: p.familyName,
          organisation: p.organisation ?? null,
          title: p.title ?? null,
          location: null,
          howWeMet: null,
          notes: p.notes ?? null,
          emails: [`p${i}@example.com`],
          phones: phones.map((ph) => channelKey('phone', ph.value, null) as string),
          tags: p.tags,
        });
        docs.push({
          id: c.id,
          sortKey: doc.sort_key,
          name: doc.search_name.split(' '),
          text: doc.search_text.split(' '),
        });
      }
    });
    // Another account's look-alikes swell every stage's hits and must never show.
    await inTransaction(other.ctx, async (tx) => {
      for (let i = 0; i < 40; i++) await createContact(tx, person(i), 'api');
    });

    for (const q of QUERIES) {
      const expected = expectedOrder(docs, q);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 7; page++) {
        const r = await listContacts(ctx, { q, limit: 9, cursor });
        seen.push(...r.items.map((c) => c.id));
        cursor = r.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect({ q, ids: seen }).toEqual({ q, ids: expected.slice(0, seen.length) });
      expect({ q, n: seen.length }).toEqual({ q, n: Math.min(expected.length, 63) });
      const all = await listContacts(ctx, { q, limit: 100 });
      expect({ q, ids: all.items.map((c) => c.id) }).toEqual({ q, ids: expected.slice(0, 100) });
    }
    expect(expectedOrder(docs, 'acme').length).toBeGreaterThan(100);
    // Joined names and phone numbers are found at all (how they rank is the contract above).
    for (const q of ['obrien', 'jeanluc', 'dangelo', 'lovelace1', '020 7946', '+44 20 7946 00', '(202) 555'])
      expect({ q, found: expectedOrder(docs, q).length > 0 }).toEqual({ q, found: true });
  });

  it('walking the name index picks exactly what ranking the hits picks, for every stage and filter', async () => {
    const { ctx, id: ownerId } = await h.account();
    const made = await inTransaction(ctx, async (tx) => {
      const out = [];
      for (let i = 0; i < 120; i++) {
        const c = await createContact(tx, person(i), 'api');
        const phones = phonesOf(i);
        if (phones.length > 0) await updateContact(tx, c.id, { phones }, 'api');
        if (i % 10 === 9) await deleteContact(tx, c.id);
        out.push(c);
      }
      return out;
    });
    const elite = made.find((c) => c.tags.length > 0)?.tags[0];
    const acme = made.find((c) => c.organisation?.name === 'Acme Logistics')?.organisation?.id;
    expect(elite).toBeDefined();
    const [tag] = await findLiveTagsByNorm(ctx.db, ownerId, ['elite']);
    const filters: ContactFilter[] = [
      { ownerId, deleted: false },
      { ownerId, deleted: true },
      { ownerId, deleted: false, tagId: tag?.id },
      { ownerId, deleted: false, organisationId: acme },
      { ownerId, deleted: false, connectedFrom: '2024-03-01', connectedTo: '2024-06-01' },
    ];
    const stages: TextStage[] = ['name', 'first-in-name', 'first-elsewhere'];
    let walkedSome = 0;
    let gaveUp = 0;
    for (const q of QUERIES) {
      const ws = searchQueryWords(q);
      if (ws.length === 0) continue;
      for (const stage of stages) {
        for (const filter of filters) {
          for (const limit of [3, 200]) {
            const ranked = await rankSearchHits(ctx.db, ctx.engine, filter, ws, stage, limit);
            const walked = (await walkSearchHits(ctx.db, ctx.engine, filter, ws, stage, limit, 1000))?.map(
              (r) => r.id,
            );
            expect({ q, stage, filter, limit, ids: walked }).toEqual({
              q,
              stage,
              filter,
              limit,
              ids: ranked,
            });
            if (ranked.length > 0) walkedSome++;
            // A short walk either finds the same first matches or says it could not.
            const short = await walkSearchHits(ctx.db, ctx.engine, filter, ws, stage, limit, 30);
            if (short === null) gaveUp++;
            else
              expect({ q, stage, filter, limit, ids: short.map((r) => r.id) }).toEqual({
                q,
                stage,
                filter,
                limit,
                ids: ranked,
              });
          }
        }
      }
    }
    expect(walkedSome).toBeGreaterThan(100);
    expect(gaveUp).toBeGreaterThan(10);
  });

  it('puts matches whose first word starts a name word before matches only in other fields', async () => {
    const { ctx } = await h.account();
    await createContact(ctx, { displayName: 'Bob Stone', notes: 'ann acme' }, 'api');
    await createContact(ctx, { displayName: 'Zed Ann', organisation: 'Acme' }, 'api');
    await createContact(ctx, { displayName: 'Acme Ann' }, 'api');
    const names = async (q: string) => (await listContacts(ctx, { q })).items.map((c) => c.displayName);
    expect(await names('ann acme')).toEqual(['Acme Ann', 'Zed Ann', 'Bob Stone']);
    expect(await names('acme ann')).toEqual(['Acme Ann', 'Bob Stone', 'Zed Ann']);
  });

  it('finds no one for a search of only punctuation, rather than listing everyone', async () => {
    const { ctx } = await h.account();
    await createContact(ctx, { displayName: 'Ada Lovelace' }, 'api');
    for (const q of ['%', ' - ', '%_']) {
      expect(await listContacts(ctx, { q }), q).toEqual({ items: [], nextCursor: null, total: 0 });
    }
    expect((await listContacts(ctx, { q: '  ' })).items).toHaveLength(1);
  });
});
