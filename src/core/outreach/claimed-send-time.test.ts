import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { Ctx } from '../context';
import { importLinkedin } from '../imports/import-linkedin';
import { listInteractions } from '../interactions/list-interactions';
import { getOutreachStats } from './get-outreach-stats';
import { listOutreachQueue } from './list-outreach-queue';
import { markOutreachSent } from './mark-outreach-sent';

const connections = readFileSync(
  new URL('../../formats/linkedin/fixtures/weekly-connections.csv', import.meta.url),
);

const HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT';
const NADIA = 'Nadia Rahman,https://www.linkedin.com/in/nadia-rahman';
const AMARA_TEXT =
  'Hi Amara, your note on cold-chain audits in Rotterdam reminded me of our pharma pilot last spring.';
const BASTIAN_TEXT =
  'Hi Bastian, your post on yard slotting at the Gdansk terminal was the clearest I have read.';
// Amara's went out on Sunday evening, marked sent on Monday morning; Bastian's was marked sent on Monday and only
// went out on Wednesday.
const messages = [
  HEADER,
  `c-amara,,${NADIA},Amara Okafor,https://www.linkedin.com/in/amara-okafor,2026-11-22 20:00:00 UTC,,"${AMARA_TEXT}",INBOX,No`,
  `c-amara,,Amara Okafor,https://www.linkedin.com/in/amara-okafor,Nadia Rahman,https://www.linkedin.com/in/nadia-rahman,2026-11-23 10:00:00 UTC,,Happy to chat!,INBOX,No`,
  `c-bastian,,${NADIA},Bastian Volkov,https://www.linkedin.com/in/bastian-volkov,2026-11-25 15:00:00 UTC,,"${BASTIAN_TEXT}",INBOX,No`,
].join('\n');

async function byName(ctx: Ctx) {
  const page = await listOutreachQueue(ctx, { view: 'all' });
  return new Map(page.items.map((i) => [i.contact.displayName, i]));
}

describeEngines('a message marked sent takes LinkedIn’s time once an export brings it', (h) => {
  it('the message, its item, the follow-up day and the stats count from when it went out', async () => {
    const { ctx } = await h.account('Nadia Rahman');
    ctx.clock.set(new Date('2026-11-22T08:00:00Z'));
    await importLinkedin(ctx, { source: { name: 'Connections.csv', bytes: connections }, dryRun: false });
    const queue = await byName(ctx);
    const amara = queue.get('Amara Okafor');
    const bastian = queue.get('Bastian Volkov');
    if (!amara || !bastian) throw new Error('queue items missing');

    ctx.clock.set(new Date('2026-11-23T09:00:00Z'));
    await markOutreachSent(ctx, amara.id, { channel: 'linkedin', body: AMARA_TEXT, sendKey: 'mark-amara-1' });
    await markOutreachSent(ctx, bastian.id, {
      channel: 'linkedin',
      body: BASTIAN_TEXT,
      sendKey: 'mark-bastian-1',
    });
    expect((await byName(ctx)).get('Bastian Volkov')).toMatchObject({ followUpOn: '2026-11-30' });

    ctx.clock.set(new Date('2026-11-27T17:00:00Z'));
    const friday = await importLinkedin(ctx, {
      source: { name: 'messages.csv', bytes: Buffer.from(messages) },
      dryRun: false,
    });
    expect(friday.stats).toMatchObject({ outreachReplies: 1 });

    const after = await byName(ctx);
    expect(after.get('Amara Okafor')).toMatchObject({
      state: 'replied',
      sentAt: '2026-11-22T20:00:00.000Z',
      repliedAt: '2026-11-23T10:00:00.000Z',
    });
    // Went out on Wednesday: the follow-up is due a week after that, not after the day it was marked.
    expect(after.get('Bastian Volkov')).toMatchObject({
      state: 'sent',
      sentAt: '2026-11-25T15:00:00.000Z',
      followUpOn: '2026-12-02',
    });
    const log = await listInteractions(ctx, { contact: bastian.contact.id, limit: 10 });
    expect(log.items.map((i) => i.occurredAt)).toEqual(['2026-11-25T15:00:00.000Z']);

    // Amara's first message belongs to the week of Sunday 22 November, 14 hours before her reply.
    const stats = await getOutreachStats(ctx);
    expect(stats.byWeek).toEqual([
      {
        key: '2026-11-16',
        label: 'week of 2026-11-16',
        sent: 1,
        replied: 1,
        rate: 1,
        medianHoursToReply: 14,
        waiting: 0,
      },
      {
        key: '2026-11-23',
        label: 'week of 2026-11-23',
        sent: 1,
        replied: 0,
        rate: 0,
        medianHoursToReply: null,
        waiting: 1,
      },
    ]);
    // The awaiting view lists the soonest follow-up first, by the time the message went out.
    const awaiting = await listOutreachQueue(ctx, { view: 'awaiting' });
    expect(awaiting.items.map((i) => `${i.contact.displayName} ${i.followUpOn}`)).toEqual([
      'Bastian Volkov 2026-12-02',
    ]);
  });
});
