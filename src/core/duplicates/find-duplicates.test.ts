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
