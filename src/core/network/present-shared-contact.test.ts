import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { recordInteraction } from '../interactions/record-interaction';
import { presentSharedContact, sharedContactsOf } from './present-shared-contact';

it('keeps only the allowed fields, whatever the row carries', () => {
  const row = {
    display_name: 'Ada Chen',
    given_name: null,
    family_name: null,
    organisation_name: 'Acme',
    title: 'CTO',
    owner_id: 'owner-1',
    owner_name: 'Bea',
    linkedin_url: 'linkedin.com/in/Ada-Chen/',
    tier: 'close',
    notes: 'PRIVATE-NOTE',
    email: 'ada@private.test',
    id: 'contact-id',
    created_at: '2026-01-01',
  };
  expect(presentSharedContact(row, { shareTier: false, shareLinkedin: false })).toEqual({
    displayName: 'Ada Chen',
    organisation: 'Acme',
    title: 'CTO',
    knownBy: { accountId: 'owner-1', name: 'Bea' },
    tier: null,
    linkedinUrl: null,
  });
  const all = presentSharedContact(row, { shareTier: true, shareLinkedin: true });
  expect(all.tier).toBe('close');
  expect(all.linkedinUrl).toBe('https://www.linkedin.com/in/ada-chen');
  // Not a LinkedIn profile, not a tier: dropped even when sharing is on.
  const odd = presentSharedContact(
    { ...row, linkedin_url: 'https://example.com/in/ada', tier: 'secret' },
    { shareTier: true, shareLinkedin: true },
  );
  expect(odd.linkedinUrl).toBeNull();
  expect(odd.tier).toBeNull();
});

describeEngines('shared contacts', (h) => {
  it('presents findable contacts only, with tier and LinkedIn only when the owner shares them', async () => {
    const { ctx, id: owner } = await h.account('Bea Broker');
    const ada = await createContact(
      ctx,
      {
        displayName: 'Ada Chen',
        organisation: 'Acme',
        title: 'CTO',
        emails: [{ value: 'ada@private.test' }],
        phones: [{ value: '+44 20 7946 0000' }],
        urls: [{ value: 'https://ada.example.com' }, { value: 'https://www.linkedin.com/in/ada-chen' }],
        notes: 'PRIVATE-NOTE',
        tags: ['speakers'],
      },
      'web',
    );
    const hidden = await createContact(ctx, { displayName: 'Hidden Person' }, 'web');
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [ada.id] });

    expect(
      (await sharedContactsOf(ctx.db, new Map([[owner, [ada.id, hidden.id]]]), ctx.clock.now())).size,
    ).toBe(0);
    await ctx.db.updateTable('tags').set({ findable: 1 }).where('owner_id', '=', owner).execute();
    let shared = await sharedContactsOf(ctx.db, new Map([[owner, [ada.id, hidden.id]]]), ctx.clock.now());
    expect([...shared.keys()]).toEqual([ada.id]);
    expect(shared.get(ada.id)).toEqual({
      displayName: 'Ada Chen',
      organisation: 'Acme',
      title: 'CTO',
      knownBy: { accountId: owner, name: 'Bea Broker' },
      tier: null,
      linkedinUrl: null,
    });

    await ctx.db
      .insertInto('account_settings')
      .values({
        account_id: owner,
        today_limit: 10,
        time_zone: 'UTC',
        digest_enabled: 0,
        digest_hour: 7,
        updated_at: '2026-11-25T09:00:00.000Z',
        share_tier: 1,
        share_linkedin: 1,
      })
      .execute();
    shared = await sharedContactsOf(ctx.db, new Map([[owner, [ada.id]]]), ctx.clock.now());
    expect(shared.get(ada.id)?.tier).toMatch(/^(inner|close|active|dormant)$/);
    expect(shared.get(ada.id)?.linkedinUrl).toBe('https://www.linkedin.com/in/ada-chen');
    expect(JSON.stringify(shared.get(ada.id))).not.toMatch(/private|PRIVATE|7946|ada\.example/);

    // Another owner asking about the same id gets nothing.
    const other = await h.account();
    expect((await sharedContactsOf(ctx.db, new Map([[other.id, [ada.id]]]), ctx.clock.now())).size).toBe(0);
  });

  it('confirms many owners at once, each with its own switches, and only the pairs asked for', async () => {
    const bea = await h.account('Bea Broker');
    const cal = await h.account('Cal Broker');
    const linkedin = [{ value: 'https://www.linkedin.com/in/someone' }];
    const ada = await createContact(bea.ctx, { displayName: 'Ada', urls: linkedin, tags: ['x'] }, 'web');
    const bo = await createContact(cal.ctx, { displayName: 'Bo', urls: linkedin, tags: ['x'] }, 'web');
    const cy = await createContact(cal.ctx, { displayName: 'Cy', tags: ['x'] }, 'web');
    await bea.ctx.db.updateTable('tags').set({ findable: 1 }).execute();
    await bea.ctx.db.updateTable('contacts').set({ share: 'private' }).where('id', '=', cy.id).execute();
    await bea.ctx.db
      .insertInto('account_settings')
      .values({
        account_id: bea.id,
        today_limit: 10,
        time_zone: 'UTC',
        digest_enabled: 0,
        digest_hour: 7,
        updated_at: '2026-11-25T09:00:00.000Z',
        share_tier: 1,
        share_linkedin: 1,
      })
      .execute();
    const shared = await sharedContactsOf(
      bea.ctx.db,
      new Map([
        [bea.id, [ada.id, bo.id]],
        [cal.id, [bo.id, cy.id]],
      ]),
      bea.ctx.clock.now(),
    );
    // Bo asked under Bea (not hers) is not answered as hers; Cy is private.
    expect([...shared.keys()].sort()).toEqual([ada.id, bo.id].sort());
    expect(shared.get(ada.id)).toMatchObject({ knownBy: { accountId: bea.id, name: 'Bea Broker' } });
    expect(shared.get(ada.id)?.tier).toMatch(/^(inner|close|active|dormant)$/);
    expect(shared.get(ada.id)?.linkedinUrl).toBe('https://www.linkedin.com/in/someone');
    expect(shared.get(bo.id)).toMatchObject({
      knownBy: { accountId: cal.id, name: 'Cal Broker' },
      tier: null,
      linkedinUrl: null,
    });
    // An id under an owner that does not own it is absent, even when its real owner is asked about other ids.
    const wrong = new Map([
      [bea.id, [bo.id]],
      [cal.id, [cy.id]],
    ]);
    expect((await sharedContactsOf(bea.ctx.db, wrong, bea.ctx.clock.now())).size).toBe(0);
  });
});
