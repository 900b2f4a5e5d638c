import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { findDuplicates } from './find-duplicates';

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

    const pairs = (await findDuplicates(ctx)).map((p) =>
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
    const pairs = await findDuplicates(ctx);
    expect(
      pairs.map((p) => [p.a.displayName, p.a.organisation?.name ?? null, p.b.organisation?.name ?? null]),
    ).toEqual([
      ['Zoe Zimmer', 'Hooli', 'Hooli'],
      ['Hana Lovelace', 'Hooli', 'Tyrell'],
    ]);
  });
});
