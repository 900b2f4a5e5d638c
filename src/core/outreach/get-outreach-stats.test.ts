import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { createPurpose } from '../purposes/create-purpose';
import { createOutreachTemplate } from './create-outreach-template';
import { getOutreachStats } from './get-outreach-stats';
import { listOutreachQueue } from './list-outreach-queue';
import { listOutreachReplies } from './list-outreach-replies';
import { markOutreachSent } from './mark-outreach-sent';
import { recordOutreachReply } from './record-outreach-reply';

const HOUR = 3_600_000;
const TOPICS = [
  'your keynote on port automation',
  'the cold-chain pilot in Rotterdam',
  'your book on lean warehouses',
  'the drone delivery trial you ran',
  'your podcast about freight pricing',
  'the customs paperwork tool you built',
  'your thesis on rail logistics',
  'the panel on last-mile couriers',
  'your startup for container tracking',
  'the case on rerouting during strikes',
  'your column on supplier diversity',
  'the workshop about demand forecasting',
  'your study of returns in e-commerce',
  'the airport cargo hub redesign',
  'your work with food banks on routing',
  'the carbon ledger for trucking fleets',
];
const at = (iso: string, hours = 0) => new Date(Date.parse(iso) + hours * HOUR);

describeEngines('outreach analytics', (h) => {
  /**
   * 16 first messages over two months: October 8 (Speakers template, for the speakers purpose, on LinkedIn),
   * November 8 (no template, by the user's own email). Replies: 3 in October (after 2, 10 and 30 hours), 1 in
   * November (after 4 hours): 4 of 16, the 25% baseline.
   */
  it('response rate and median time to reply by purpose, template, channel and month; who replied', async () => {
    const { ctx } = await h.account('Bram Okonkwo');
    const speakers = await createPurpose(ctx, { name: 'Guest speakers' });
    const template = await createOutreachTemplate(ctx, {
      name: 'Speakers',
      body: 'Hi {firstName}, would you speak to my class?',
      purposeId: speakers.id,
    });
    ctx.clock.set(new Date('2026-10-01T09:00:00Z'));
    for (let i = 0; i < 16; i++)
      await createContact(
        ctx,
        { displayName: `Person ${String(i).padStart(2, '0')}`, connectedOn: '2026-09-30' },
        'web',
      );
    const items = (await listOutreachQueue(ctx, { limit: 50 })).items.sort((a, b) =>
      a.contact.displayName.localeCompare(b.contact.displayName),
    );
    expect(items).toHaveLength(16);
    const replies: Record<number, number> = { 0: 2, 1: 10, 2: 30, 8: 4 };
    for (const [i, item] of items.entries()) {
      const october = i < 8;
      const sentAt = october ? at('2026-10-05T09:00:00Z', i) : at('2026-11-05T09:00:00Z', i);
      ctx.clock.set(sentAt);
      await markOutreachSent(ctx, item.id, {
        channel: october ? 'linkedin' : 'mailto',
        templateId: october ? template.id : null,
        body: `Hi {firstName}, I keep thinking about ${TOPICS[i]} and would love to learn more.`,
        sendKey: `stats-${item.id}`,
      });
      const after = replies[i];
      if (after !== undefined) {
        ctx.clock.set(at(sentAt.toISOString(), after));
        await recordOutreachReply(ctx, item.id);
      }
    }
    ctx.clock.set(new Date('2026-11-25T09:00:00Z'));
    const stats = await getOutreachStats(ctx);
    expect(stats.baseline).toBe(0.25);
    expect(stats.total).toEqual({
      key: 'all',
      label: 'All messages',
      sent: 16,
      replied: 4,
      rate: 0.25,
      medianHoursToReply: 7,
      waiting: 12,
    });
    expect(stats.byMonth).toEqual([
      {
        key: '2026-10',
        label: '2026-10',
        sent: 8,
        replied: 3,
        rate: 0.375,
        medianHoursToReply: 10,
        waiting: 5,
      },
      {
        key: '2026-11',
        label: '2026-11',
        sent: 8,
        replied: 1,
        rate: 0.125,
        medianHoursToReply: 4,
        waiting: 7,
      },
    ]);
    expect(stats.byChannel.map((r) => [r.key, r.sent, r.replied])).toEqual([
      ['linkedin', 8, 3],
      ['mailto', 8, 1],
    ]);
    expect(stats.byTemplate.map((r) => [r.label, r.rate])).toEqual([
      ['No template', 0.125],
      ['Speakers', 0.375],
    ]);
    expect(stats.byPurpose.map((r) => [r.key, r.label, r.sent, r.replied])).toEqual([
      [speakers.id, 'Guest speakers', 8, 3],
      ['none', 'No purpose', 8, 1],
    ]);
    expect(stats.queue).toEqual({ queued: 0, awaiting: 12, followUpDue: 12 });

    const who = (await listOutreachReplies(ctx)).items;
    expect(who.map((r) => [r.contact.displayName, r.hoursToReply, r.channel])).toEqual([
      ['Person 08', 4, 'mailto'],
      ['Person 02', 30, 'linkedin'],
      ['Person 01', 10, 'linkedin'],
      ['Person 00', 2, 'linkedin'],
    ]);
    expect(
      (await listOutreachReplies(ctx, { purpose: speakers.id })).items.map((r) => r.contact.displayName),
    ).toEqual(['Person 02', 'Person 01', 'Person 00']);
    expect(
      (await listOutreachReplies(ctx, { purpose: 'none', month: '2026-11' })).items.map(
        (r) => r.contact.displayName,
      ),
    ).toEqual(['Person 08']);
    // Another account sees none of it.
    const other = await h.account();
    expect((await getOutreachStats(other.ctx)).total).toMatchObject({ sent: 0, replied: 0, rate: null });
    expect(await listOutreachReplies(other.ctx)).toEqual({ items: [], total: 0 });
    // A limit keeps the newest and says how many there are.
    expect(await listOutreachReplies(ctx, { limit: 2 })).toMatchObject({
      items: [{ contact: { displayName: 'Person 08' } }, { contact: { displayName: 'Person 02' } }],
      total: 4,
    });
  });
});
