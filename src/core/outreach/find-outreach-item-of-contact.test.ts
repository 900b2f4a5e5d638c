import { expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { addToOutreachQueue } from './add-to-outreach-queue';
import { findOutreachItemOfContact } from './find-outreach-item-of-contact';
import { markOutreachSent } from './mark-outreach-sent';

// The harness clock: 2026-11-25T09:00Z.
describeEngines('outreach: the item a contact page shows', (h: Harness) => {
  it('is null for a contact never queued, then the queued item, then the same item sent and awaiting a reply', async () => {
    const { ctx } = await h.account('Bram Okonkwo');
    const grace = await createContact(ctx, { displayName: 'Grace Hopper' }, 'web');
    expect(await findOutreachItemOfContact(ctx, grace.id)).toBeNull();

    await addToOutreachQueue(ctx, { contactIds: [grace.id] });
    const queued = await findOutreachItemOfContact(ctx, grace.id);
    expect(queued).toMatchObject({ state: 'queued', contact: { id: grace.id }, sentAt: null });

    await markOutreachSent(ctx, queued?.id as string, {
      channel: 'linkedin',
      body: 'Hi Grace, your talk on compilers at the Navy yard changed how I teach programming.',
      sendKey: 'contact-page-1',
    });
    expect(await findOutreachItemOfContact(ctx, grace.id)).toMatchObject({
      id: queued?.id,
      state: 'sent',
      followUpOn: '2026-12-02',
    });
  });

  it('never shows another account’s item: their contact answers not found, as one that does not exist', async () => {
    const owner = await h.account('Bram Okonkwo');
    const other = await h.account('Mallory');
    const grace = await createContact(owner.ctx, { displayName: 'Grace Hopper' }, 'web');
    await addToOutreachQueue(owner.ctx, { contactIds: [grace.id] });
    await expect(findOutreachItemOfContact(other.ctx, grace.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      findOutreachItemOfContact(other.ctx, '0190a6a0-0000-7000-8000-000000000000'),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await findOutreachItemOfContact(owner.ctx, grace.id)).toMatchObject({ state: 'queued' });
  });
});
