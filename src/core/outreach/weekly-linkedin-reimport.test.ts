import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { type Ctx, requireActor } from '../context';
import { importLinkedin } from '../imports/import-linkedin';
import { listInteractions } from '../interactions/list-interactions';
import { getOutreachStats } from './get-outreach-stats';
import { listOutreachQueue } from './list-outreach-queue';
import { markOutreachSent } from './mark-outreach-sent';
import { messagesOfItems } from './outreach.queries';
import { undoOutreachSent } from './undo-outreach-sent';

const fixture = (name: string) =>
  readFileSync(new URL(`../../formats/linkedin/fixtures/${name}`, import.meta.url));

async function byName(ctx: Ctx) {
  const page = await listOutreachQueue(ctx, { view: 'all' });
  return new Map(page.items.map((i) => [i.contact.displayName, i]));
}

async function log(ctx: Ctx, contactId: string) {
  const page = await listInteractions(ctx, { contact: contactId, limit: 50 });
  return page.items.map((i) => `${i.occurredAt} ${i.direction} ${i.kind}`).sort();
}

/**
 * Nadia's week: she writes to new connections from the queue, sends the text on LinkedIn and marks it sent; on
 * Friday her LinkedIn export brings the same messages back (weekly-messages-marked-then-exported.csv).
 */
describeEngines('a weekly LinkedIn export after messages marked sent from the queue', (h) => {
  it('a message marked sent is one interaction once the export brings it, and only its sender replies', async () => {
    const { ctx } = await h.account('Nadia Rahman');
    ctx.clock.set(new Date('2026-11-23T08:00:00Z'));
    await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: fixture('weekly-connections.csv') },
      dryRun: false,
    });
    const before = await byName(ctx);
    const amara = before.get('Amara Okafor');
    const bastian = before.get('Bastian Volkov');
    if (!amara || !bastian) throw new Error('queue items missing');
    // Marked a little after they went out on LinkedIn (09:10 and 10:00), as people do.
    ctx.clock.set(new Date('2026-11-23T11:00:00Z'));
    await markOutreachSent(ctx, amara.id, {
      channel: 'linkedin',
      body: 'Hi {firstName}, your note on cold-chain audits in Rotterdam reminded me of our pharma pilot last spring.',
      sendKey: 'mark-amara-1',
    });
    await markOutreachSent(ctx, bastian.id, {
      channel: 'linkedin',
      body: 'Hi {firstName}, your post on yard slotting at the Gdansk terminal was the clearest I have read.',
      sendKey: 'mark-bastian-1',
    });

    ctx.clock.set(new Date('2026-11-27T17:00:00Z'));
    const friday = await importLinkedin(ctx, {
      source: { name: 'messages.csv', bytes: fixture('weekly-messages-marked-then-exported.csv') },
      dryRun: false,
    });
    expect(friday.stats).toMatchObject({ messagesWithoutContact: 1, outreachReplies: 1 });

    // The message marked sent and the same one in the export are one interaction, at LinkedIn's time.
    expect(await log(ctx, amara.contact.id)).toEqual([
      '2026-11-23T09:10:00.000Z outbound message',
      '2026-11-24T11:00:00.000Z inbound message',
    ]);
    expect(await log(ctx, bastian.contact.id)).toEqual([
      '2026-11-23T10:00:00.000Z outbound message',
      '2026-11-24T10:00:00.000Z outbound message',
      '2026-11-24T12:00:00.000Z inbound message',
    ]);

    // Chiara answered in a group conversation Bastian is in: that is not Bastian's reply.
    const after = await byName(ctx);
    expect(after.get('Amara Okafor')).toMatchObject({
      state: 'replied',
      repliedAt: '2026-11-24T11:00:00.000Z',
    });
    expect(after.get('Bastian Volkov')).toMatchObject({ state: 'sent', repliedAt: null });

    // The week's cohort: two first messages, one reply, one still waiting for one.
    const stats = await getOutreachStats(ctx);
    expect(stats.byWeek).toEqual([
      {
        key: '2026-11-23',
        label: 'week of 2026-11-23',
        sent: 2,
        replied: 1,
        rate: 0.5,
        // From when it went out on LinkedIn (09:10, not 11:00 when it was marked sent) to the answer.
        medianHoursToReply: 25.8,
        waiting: 1,
      },
    ]);

    // Next Friday's export holds the same messages again: nothing is added twice.
    const next = await importLinkedin(ctx, {
      source: { name: 'messages.csv', bytes: fixture('weekly-messages-marked-then-exported.csv') },
      dryRun: false,
    });
    expect(next.stats).toMatchObject({ messages: 0, outreachReplies: 0 });
    expect(await log(ctx, amara.contact.id)).toHaveLength(2);
    expect(await log(ctx, bastian.contact.id)).toHaveLength(3);

    // The export showed Bastian's message went out: "undo sent" cannot take LinkedIn's message out of the log.
    const [sent] = await messagesOfItems(ctx.db, requireActor(ctx), [bastian.id]);
    await expect(undoOutreachSent(ctx, bastian.id, { messageId: sent?.id as string })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('your LinkedIn export shows this message to Bastian Volkov went out'),
    });
    expect(await log(ctx, bastian.contact.id)).toHaveLength(3);
  });
});

describeEngines('the queue, who waited longest first', (h) => {
  it('orders the connections waiting for a message oldest first on request, a page at a time', async () => {
    const { ctx } = await h.account('Nadia Rahman');
    ctx.clock.set(new Date('2026-11-23T08:00:00Z'));
    await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: fixture('weekly-connections.csv') },
      dryRun: false,
    });
    const names = (page: Awaited<ReturnType<typeof listOutreachQueue>>) =>
      page.items.map((i) => `${i.connectedOn} ${i.contact.displayName}`);
    const first = await listOutreachQueue(ctx, { order: 'oldest', limit: 2 });
    const rest = await listOutreachQueue(ctx, {
      order: 'oldest',
      limit: 2,
      cursor: first.nextCursor as string,
    });
    const all = [...names(first), ...names(rest)];
    // Bastian and Chiara connected the same day: either comes first, each once.
    expect(all.map((n) => n.slice(0, 10))).toEqual(['2026-11-20', '2026-11-21', '2026-11-21', '2026-11-22']);
    expect(all[0]).toBe('2026-11-20 Amara Okafor');
    expect(all[3]).toBe('2026-11-22 Zainab Qureshi');
    expect(new Set(all).size).toBe(4);
    // The default stays newest first.
    expect(names(await listOutreachQueue(ctx, {}))[0]).toBe('2026-11-22 Zainab Qureshi');
  });
});
