import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { DuplicatePair } from '../../contracts/duplicates';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { restoreContact } from '../contacts/restore-contact';
import { updateContact } from '../contacts/update-contact';
import { type Ctx, inTransaction } from '../context';
import { importVcard } from '../imports/import-vcard';
import { dismissDuplicate } from './dismiss-duplicate';
import { duplicateCandidates, MAX_CANDIDATES } from './duplicate-candidates';
import { findDuplicates } from './find-duplicates';
import { mergeContacts } from './merge-contacts';
import { undoMerge } from './undo-merge';

describeEngines('duplicate suggestions from a shared phone number', (h) => {
  it('pairs only people whose names agree: colleagues on one switchboard are no pair', async () => {
    const { ctx } = await h.account();
    const office = [{ value: '+44 20 7946 0000', label: 'work' }];
    for (const [givenName, familyName] of [
      ['Alice', 'Office'],
      ['Rob', 'Office'],
      ['Robert', 'Office'],
    ] as const)
      await createContact(ctx, { givenName, familyName, phones: office }, 'vcard');
    // A shared e-mail still makes a pair whatever the names.
    await createContact(
      ctx,
      { givenName: 'Carol', familyName: 'Desk', emails: [{ value: 'desk@acme.example' }] },
      'web',
    );
    await createContact(
      ctx,
      { givenName: 'Dan', familyName: 'Desk', emails: [{ value: 'desk@acme.example' }] },
      'web',
    );

    const pairs = (await findDuplicates(ctx)).items.map((p) =>
      [p.a.displayName, p.b.displayName].sort().join(' + '),
    );
    expect(pairs.sort()).toEqual(['Carol Desk + Dan Desk', 'Rob Office + Robert Office']);
  });
});

describeEngines('duplicate suggestions from names in a large rolodex', (h) => {
  it('reaches real pairs past hundreds of namesakes with their own profiles, same organisation first', async () => {
    const { ctx } = await h.account();
    // 41 people called Wei Chen, each with a LinkedIn profile of their own: 820 pairs that are two people.
    for (let i = 0; i < 41; i++) {
      await createContact(
        ctx,
        { displayName: 'Wei Chen', urls: [{ value: `https://www.linkedin.com/in/wei-chen-${i}` }] },
        'api',
      );
    }
    await createContact(ctx, { displayName: 'Zoe Zimmer', organisation: 'Hooli' }, 'api');
    await createContact(ctx, { displayName: 'Zoe Zimmer', organisation: 'Hooli' }, 'api');
    await createContact(ctx, { displayName: 'Hana Lovelace', organisation: 'Hooli' }, 'api');
    await createContact(ctx, { displayName: 'Hana Lovelace', organisation: 'Tyrell' }, 'api');
    const pairs = (await findDuplicates(ctx)).items;
    expect(
      pairs.map((p) => [p.a.displayName, p.a.organisation?.name ?? null, p.b.organisation?.name ?? null]),
    ).toEqual([
      ['Zoe Zimmer', 'Hooli', 'Hooli'],
      ['Hana Lovelace', 'Hooli', 'Tyrell'],
    ]);
  });
});

/** Every page from the first, by `nextCursor`. */
async function allPairs(ctx: Ctx, limit: number) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await findDuplicates(ctx, { limit, cursor });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { pages, pairs: pages.flatMap((p) => p.items.map(key)) };
}
const key = (p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].sort().join('|');

describeEngines('duplicate suggestions, counted and paged', (h) => {
  it('counts every suggested pair, not the first page, and pages through them without repeats or gaps', async () => {
    const { ctx } = await h.account();
    // One address on 22 contacts (231 strong pairs), 8 namesakes without profiles (28 possible): 259 in all.
    for (let i = 0; i < 22; i++)
      await createContact(
        ctx,
        { displayName: `Desk ${String.fromCharCode(65 + i)}`, emails: [{ value: 'info@acme.example' }] },
        'vcard',
      );
    for (let i = 0; i < 8; i++) await createContact(ctx, { displayName: 'Wei Chen' }, 'csv');

    const first = await findDuplicates(ctx);
    expect(first.items).toHaveLength(200);
    expect(first).toMatchObject({ total: 259, totalExact: true, nextCursor: expect.any(String) });
    const rest = await findDuplicates(ctx, { cursor: first.nextCursor as string });
    expect(rest).toMatchObject({ total: 259, nextCursor: null });
    expect(rest.items.map((p) => p.strength)).toEqual([
      ...Array(31).fill('strong'),
      ...Array(28).fill('possible'),
    ]);

    // Any page size gives the same pairs in the same order, each once.
    const whole = [...first.items, ...rest.items].map(key);
    expect(new Set(whole).size).toBe(259);
    for (const limit of [13, 100]) expect((await allPairs(ctx, limit)).pairs).toEqual(whole);
    await expect(findDuplicates(ctx, { cursor: 'not a cursor' })).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'cursor' }] },
    });
  });

  it('stops counting at 20,000 pairs and says there are more', async () => {
    const { ctx } = await h.account();
    // 201 contacts behind one address are 20,100 pairs.
    await inTransaction(ctx, async (tx) => {
      for (let i = 0; i < 201; i++)
        await createContact(tx, { displayName: `Info ${i}`, emails: [{ value: 'info@big.example' }] }, 'csv');
    });
    const page = await findDuplicates(ctx, { limit: 3 });
    expect(page).toMatchObject({ total: MAX_CANDIDATES, totalExact: false, nextCursor: expect.any(String) });
    expect(page.items.map((p) => p.reasons)).toEqual(Array(3).fill(['same email: info@big.example']));
  });

  it('a dismissal removes exactly that pair, and the next page goes on where the last one stopped', async () => {
    const { ctx } = await h.account();
    for (let i = 0; i < 6; i++)
      await createContact(
        ctx,
        { displayName: `Office ${i}`, emails: [{ value: 'office@acme.example' }] },
        'web',
      );
    const before = (await allPairs(ctx, 100)).pairs; // 15 pairs
    const first = await findDuplicates(ctx, { limit: 5 });
    // Dismiss the last pair of the first page, then one further on: the next page neither skips nor repeats.
    const last = first.items[4] as DuplicatePair;
    const later = before[9] as string;
    await dismissDuplicate(ctx, last.b.id, last.a.id);
    await dismissDuplicate(ctx, ...(later.split('|') as [string, string]));
    const next = await findDuplicates(ctx, { limit: 5, cursor: first.nextCursor as string });
    expect(next.items.map(key)).toEqual(before.slice(5, 11).filter((k) => k !== later));
    expect(next.total).toBe(13);
    expect((await allPairs(ctx, 100)).pairs).toEqual(before.filter((k) => k !== key(last) && k !== later));
  });

  it('keeps the pairs it worked out across a dismissal, and never past any other write', async () => {
    const { ctx, id } = await h.account();
    const ada = await createContact(
      ctx,
      { displayName: 'Ada Lovelace', emails: [{ value: 'ada@x.example' }] },
      'web',
    );
    const lady = await createContact(
      ctx,
      { displayName: 'Lady Ada', emails: [{ value: 'ada@x.example' }] },
      'vcard',
    );
    const twin = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'csv');
    const grace = await createContact(ctx, { displayName: 'Grace Hopper' }, 'web');
    const pairs = async () =>
      (await findDuplicates(ctx)).items.map((p) => [p.a.displayName, p.b.displayName].sort().join(' + '));
    expect(await pairs()).toEqual(['Ada Lovelace + Lady Ada', 'Ada Lovelace + Ada Lovelace']);

    // SQLite keeps the pairs until a write; a dismissal is the one write that keeps them (PostgreSQL keeps nothing).
    const kept = await duplicateCandidates(ctx.db, id);
    await dismissDuplicate(ctx, ada.id, twin.id);
    const afterDismissal = await duplicateCandidates(ctx.db, id);
    if (h.engine === 'sqlite') expect(afterDismissal).toBe(kept);
    expect(await pairs()).toEqual(['Ada Lovelace + Lady Ada']);
    // Dismissing it again writes nothing and still keeps them.
    await dismissDuplicate(ctx, twin.id, ada.id);
    if (h.engine === 'sqlite') expect(await duplicateCandidates(ctx.db, id)).toBe(kept);

    // An edit makes a new pair at once.
    await updateContact(ctx, grace.id, { emails: [{ value: 'ada@x.example' }] }, 'web');
    expect(await duplicateCandidates(ctx.db, id)).not.toBe(kept);
    expect(await pairs()).toEqual([
      'Ada Lovelace + Lady Ada',
      'Ada Lovelace + Grace Hopper',
      'Grace Hopper + Lady Ada',
    ]);
    // A deleted contact takes its pairs along, and brings them back restored.
    await deleteContact(ctx, grace.id);
    expect(await pairs()).toEqual(['Ada Lovelace + Lady Ada']);
    await restoreContact(ctx, grace.id);
    expect(await pairs()).toHaveLength(3);
    // A merged-away contact is in no pair, and the dismissed pair stays dismissed through the merge and its undo.
    const { mergeId } = await mergeContacts(ctx, ada.id, lady.id);
    expect(await pairs()).toEqual(['Ada Lovelace + Grace Hopper']);
    await undoMerge(ctx, mergeId);
    expect(await pairs()).toHaveLength(3);
    // An import is a write too.
    await importVcard(ctx, {
      source: new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEND:VCARD\r\n'),
      fileName: 'grace.vcf',
      dryRun: false,
    });
    expect(await pairs()).toContain('Grace Hopper + Grace Hopper');
    expect(await pairs()).not.toContain('Ada Lovelace + Ada Lovelace');
  });
});
