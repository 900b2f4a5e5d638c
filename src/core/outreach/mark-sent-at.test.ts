import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { getToday } from '../agenda/get-today';
import { createContact } from '../contacts/create-contact';
import { listInteractions } from '../interactions/list-interactions';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { getOutreachStats } from './get-outreach-stats';
import { listOutreachQueue } from './list-outreach-queue';
import { markOutreachSent } from './mark-outreach-sent';
import { recordOutreachReply } from './record-outreach-reply';
import { sendOutreachEmail } from './send-outreach-email';

const FIRST = 'Hi {firstName}, your talk on compilers at the Navy yard changed how I teach programming.';
const FOLLOW_UP =
  'Hi {firstName}, the COBOL reading group I mentioned meets next Thursday: would you join us?';

// The harness clock: 2026-11-25T09:00Z (UTC is the account's zone).
describeEngines('outreach: a message marked sent says when it went out', (h: Harness) => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  async function setUp() {
    const a = await h.account('Bram Okonkwo');
    const grace = await createContact(
      a.ctx,
      {
        displayName: 'Grace Hopper',
        connectedOn: '2026-11-10',
        emails: [{ value: `grace-${h.engine}@navy.example` }],
      },
      'web',
    );
    const item = (await listOutreachQueue(a.ctx)).items[0];
    if (!item) throw new Error('Grace is not queued');
    return { ...a, grace, item };
  }

  it('last week’s LinkedIn message: the follow-up, the log and the time to reply count from when it went out', async () => {
    const { ctx, grace, item } = await setUp();
    const sent = await markOutreachSent(ctx, item.id, {
      channel: 'linkedin',
      body: FIRST,
      sendKey: 'sent-at-first-1',
      sentAt: '2026-11-18T10:00:00+01:00',
    });
    expect(sent.message.sentAt).toBe('2026-11-18T09:00:00.000Z');
    // 7 days after the 18th: due today, on Today's list.
    expect(sent.item).toMatchObject({
      state: 'sent',
      sentAt: '2026-11-18T09:00:00.000Z',
      followUpOn: '2026-11-25',
      followUpDue: true,
    });
    const followUps = (await getToday(ctx, { limit: 50 })).items.filter((i) => i.kind === 'follow-up');
    expect(followUps.map((i) => i.reason)).toEqual([
      'no reply 7 days after your message: one short follow-up, or let it go',
    ]);
    const log = await listInteractions(ctx, { contact: grace.id });
    expect(log.items.map((i) => [i.direction, i.occurredAt])).toEqual([
      ['outbound', '2026-11-18T09:00:00.000Z'],
    ]);

    // She answered two days after it went out (before today): 48 hours, not a refusal for replying "too early".
    await recordOutreachReply(ctx, item.id, { occurredAt: '2026-11-20T09:00:00Z' });
    const stats = await getOutreachStats(ctx);
    expect(stats.total).toMatchObject({ sent: 1, replied: 1, medianHoursToReply: 48 });
    expect(stats.byMonth.map((m) => m.key)).toEqual(['2026-11']);
  });

  it('a follow-up marked sent late closes quietly counted from its own day', async () => {
    const { ctx, item } = await setUp();
    await markOutreachSent(ctx, item.id, {
      channel: 'other',
      body: FIRST,
      sendKey: 'sent-at-first-2',
      sentAt: '2026-11-11T09:00:00Z',
    });
    await expect(
      markOutreachSent(ctx, item.id, {
        kind: 'follow-up',
        channel: 'other',
        body: FOLLOW_UP,
        sendKey: 'sent-at-follow-1',
        sentAt: '2026-11-10T09:00:00Z',
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: 'sentAt: is before your first message to Grace Hopper went out (2026-11-11)',
    });
    const followed = await markOutreachSent(ctx, item.id, {
      kind: 'follow-up',
      channel: 'other',
      body: FOLLOW_UP,
      sendKey: 'sent-at-follow-2',
      sentAt: '2026-11-19T09:00:00Z',
    });
    expect(followed.item).toMatchObject({
      state: 'followed-up',
      followedUpAt: '2026-11-19T09:00:00.000Z',
      followUpOn: '2026-11-26',
    });
  });

  it('refuses a time in the future, a first message before the connection, and a time for what the server sends', async () => {
    const { ctx, item } = await setUp();
    const mark = (sentAt: string) =>
      markOutreachSent(ctx, item.id, {
        channel: 'linkedin',
        body: FIRST,
        sendKey: `sent-at-${sentAt}`,
        sentAt,
      });
    await expect(mark('2026-11-26T09:00:00Z')).rejects.toMatchObject({
      code: 'validation',
      details: {
        issues: [{ path: 'sentAt', message: 'is in the future: mark a message sent once it went out' }],
      },
    });
    await expect(mark('2026-11-09T22:00:00Z')).rejects.toMatchObject({
      code: 'validation',
      details: {
        issues: [
          {
            path: 'sentAt',
            message:
              'is before you connected with Grace Hopper (2026-11-10): a first message goes after connecting',
          },
        ],
      },
    });
    await expect(mark('last week')).rejects.toMatchObject({ details: { issues: [{ path: 'sentAt' }] } });
    const mailer = smtpTestMailer(sink.port);
    await expect(
      sendOutreachEmail({ ...ctx, mailer }, item.id, {
        channel: 'email',
        subject: 'Hello',
        body: FIRST,
        sendKey: 'sent-at-email-1',
        sentAt: '2026-11-20T09:00:00Z',
      }),
    ).rejects.toMatchObject({ code: 'validation', details: { issues: [{ path: 'sentAt' }] } });
    expect(sink.received).toHaveLength(0);
    // Nothing was recorded: she still waits, and the day she connected is a fine day to have written.
    expect((await listOutreachQueue(ctx)).items.map((i) => i.state)).toEqual(['queued']);
    expect((await mark('2026-11-10T08:00:00Z')).item.sentAt).toBe('2026-11-10T08:00:00.000Z');
  });
});
