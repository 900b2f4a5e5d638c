import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { markEmailVerified } from '../accounts/mark-email-verified';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import { listInteractions } from '../interactions/list-interactions';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { acceptConnection } from '../network/accept-connection';
import { inviteToConnect } from '../network/invite-to-connect';
import { getConnection } from '../network/list-connections';
import { readThread } from '../network/read-messages';
import { removeConnection } from '../network/remove-connection';
import { sendDirectMessage } from '../network/send-direct-message';
import { createPurpose } from '../purposes/create-purpose';
import { listContactPurposes } from '../purposes/list-contact-purposes';
import { createOutreachTemplate } from './create-outreach-template';
import { getOutreachItem } from './get-outreach-item';
import { getOutreachStats } from './get-outreach-stats';
import { listOutreachQueue } from './list-outreach-queue';
import { listOutreachReplies } from './list-outreach-replies';
import { markOutreachSent } from './mark-outreach-sent';
import { previewOutreachMessage } from './preview-outreach-message';
import { sendOutreach } from './send-outreach';
import { sendOutreachEmail } from './send-outreach-email';

const BODY =
  'Hi {firstName},\n\nGood to be connected here too. Your talk on cold-chain logistics in Rotterdam changed how I plan routes.\n\nBest,\n{myFirstName}';

describeEngines('outreach as a Rapport message to a connected account', (h: Harness) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });
  const mailTo = (email: string) => sink.to(email);

  async function person(name: string) {
    const a = await h.account(name);
    const ctx = { ...a.ctx, mailer } as Ctx & { clock: typeof a.ctx.clock };
    await markEmailVerified(ctx, a.email);
    return { ...a, ctx };
  }

  /**
   * Bram has Ines in his rolodex as a new connection (her verified address, connected last week), so she waits in
   * his queue; then Bram and Ines connect on Rapport and that contact becomes the one that stands for her.
   */
  async function setUp(opts: { connect?: boolean } = {}) {
    const bram = await person('Bram Okonkwo');
    const ines = await person('Ines Duarte');
    const contact = await createContact(
      bram.ctx,
      {
        givenName: 'Ines',
        familyName: 'Duarte',
        organisation: 'Acme Logistics',
        connectedOn: '2026-11-20',
        emails: [{ value: ines.email }],
      },
      'web',
    );
    const item = (await listOutreachQueue(bram.ctx)).items.find((i) => i.contact.id === contact.id);
    if (!item) throw new Error('Ines is not queued');
    let connectionId: string | null = null;
    if (opts.connect !== false) {
      const invited = await inviteToConnect(bram.ctx, { email: ines.email });
      connectionId = (await acceptConnection(ines.ctx, invited.connection?.id as string)).id;
      // Accepting links each side's contact for the other: Bram's is the one in his queue.
      expect((await getConnection(bram.ctx, connectionId)).contactId).toBe(contact.id);
    }
    return { bram, ines, contact, item, connectionId };
  }
  const input = (sendKey: string, body = BODY) => ({ channel: 'rapport' as const, body, sendKey });

  it('sends one message into the thread: seen by them, an interaction for both, one notification email; a rerun sends nothing more', async () => {
    const { bram, ines, contact, item, connectionId } = await setUp();
    const detail = await getOutreachItem(bram.ctx, item.id);
    expect(detail.rapport).toEqual({ account: { id: ines.id, name: 'Ines Duarte' } });
    // A connection is written to on Rapport by default: no subject, and her reply there is noticed.
    expect(detail.suggestion).toMatchObject({ channel: 'rapport', subject: null });
    const purpose = await createPurpose(bram.ctx, { name: 'Logistics partners' });
    const before = mailTo(ines.email).length;

    const result = await sendOutreach(bram.ctx, item.id, {
      ...input('rapport-ines-0001'),
      // A template's subject has no place in a direct message: left out, never refused.
      subject: 'Great to connect, {firstName}',
      purposeId: purpose.id,
    });
    const text =
      'Hi Ines,\n\nGood to be connected here too. Your talk on cold-chain logistics in Rotterdam changed how I plan routes.\n\nBest,\nBram';
    expect(result.message).toMatchObject({
      channel: 'rapport',
      status: 'sent',
      attempts: 1,
      subject: null,
      to: null,
      body: text,
    });
    expect(result.item).toMatchObject({
      state: 'sent',
      purpose: { id: purpose.id },
      followUpOn: '2026-12-02',
    });

    const thread = await readThread(ines.ctx, bram.id, {});
    expect(thread.items.map((m) => [m.body, m.fromMe, m.sender.name])).toEqual([
      [text, false, 'Bram Okonkwo'],
    ]);
    const mails = mailTo(ines.email).slice(before);
    expect(mails.map((m) => m.parsed.subject)).toEqual(['New message from Bram Okonkwo on Rapport']);
    expect(mails[0]?.parsed.text).toContain('cold-chain logistics in Rotterdam');

    // One interaction on each side: the direct message's own, which is also the outreach's.
    const mine = await listInteractions(bram.ctx, { contact: contact.id });
    expect(mine.items.map((i) => [i.kind, i.direction, i.source])).toEqual([
      ['message', 'outbound', 'rapport'],
    ]);
    const inesContact = (await getConnection(ines.ctx, connectionId as string)).contactId as string;
    const theirs = await listInteractions(ines.ctx, { contact: inesContact });
    expect(theirs.items.map((i) => [i.kind, i.direction])).toEqual([['message', 'inbound']]);
    expect((await listContactPurposes(bram.ctx, contact.id)).items.map((p) => p.stage.name)).toEqual([
      'reached out',
    ]);

    // The same key again — even with another text — returns the message and sends nothing more.
    const again = await sendOutreach(bram.ctx, item.id, input('rapport-ines-0001', 'something else'));
    expect(again.message.id).toBe(result.message.id);
    expect((await readThread(ines.ctx, bram.id, {})).items).toHaveLength(1);
    expect(mailTo(ines.email).slice(before)).toHaveLength(1);
    expect((await listInteractions(bram.ctx, { contact: contact.id })).items).toHaveLength(1);
    // A new key is a second first message: refused, nothing sent.
    await expect(sendOutreach(bram.ctx, item.id, input('rapport-ines-0002'))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('a message already went to Ines Duarte'),
    });
    expect((await readThread(ines.ctx, bram.id, {})).items).toHaveLength(1);
  });

  it('three sends of one message at once put one message in the thread', async () => {
    const { bram, ines, item } = await setUp();
    const before = mailTo(ines.email).length;
    const results = await Promise.allSettled([
      sendOutreach(bram.ctx, item.id, input('rapport-race-0001')),
      sendOutreach(bram.ctx, item.id, input('rapport-race-0001')),
      sendOutreach(bram.ctx, item.id, input('rapport-race-0002')),
    ]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'conflict' });
    expect((await readThread(ines.ctx, bram.id, {})).items).toHaveLength(1);
    expect(mailTo(ines.email).slice(before)).toHaveLength(1);
    expect((await getOutreachItem(bram.ctx, item.id)).messages.map((m) => m.status)).toEqual(['sent']);
  });

  it('refuses, saying why, when the contact is not an account you are connected with', async () => {
    const { bram, ines, item } = await setUp({ connect: false });
    // Ines has an account with this very address, but she and Bram are not connected.
    expect((await getOutreachItem(bram.ctx, item.id)).rapport).toBeNull();
    expect((await getOutreachItem(bram.ctx, item.id)).suggestion.channel).toBe('email');
    const why = 'Ines Duarte is not an account you are connected with on Rapport';
    await expect(sendOutreach(bram.ctx, item.id, input('rapport-stranger-1'))).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining(why),
      details: { issues: [{ path: 'channel' }] },
    });
    const { sendKey: _k, ...draft } = input('x');
    expect((await previewOutreachMessage(bram.ctx, item.id, draft)).problems).toContainEqual({
      path: 'channel',
      message: expect.stringContaining(why),
    });
    // Nor can it be marked sent as if the user had sent it themselves.
    await expect(markOutreachSent(bram.ctx, item.id, input('rapport-stranger-2'))).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('a Rapport message is sent by the server'),
    });
    expect((await getOutreachItem(bram.ctx, item.id)).state).toBe('queued');

    // Connected, then removed: refused again, and the thread (gone with the connection) holds nothing.
    const invited = await inviteToConnect(bram.ctx, { email: ines.email });
    const c = await acceptConnection(ines.ctx, invited.connection?.id as string);
    expect((await getOutreachItem(bram.ctx, item.id)).rapport).not.toBeNull();
    await removeConnection(ines.ctx, c.id);
    await expect(sendOutreach(bram.ctx, item.id, input('rapport-removed-1'))).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining(why),
    });
    expect((await getOutreachItem(bram.ctx, item.id)).messages).toEqual([]);
  });

  it('the same rules as email: known merge fields, a personal line, never the same text to two people', async () => {
    const { bram, ines, item } = await setUp();
    await expect(
      sendOutreach(
        bram.ctx,
        item.id,
        input('rapport-field-1', 'Hi {firstName} of {company}, great to connect!'),
      ),
    ).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('{company}') });
    const template = await createOutreachTemplate(bram.ctx, {
      name: 'Hello',
      body: 'Hi {firstName},\n\nGreat to be connected.\n\n{myFirstName}',
    });
    await expect(
      sendOutreach(bram.ctx, item.id, {
        ...input('rapport-template-1', 'Hi {firstName},\n\nGreat to be connected.\n\n{myFirstName}'),
        templateId: template.id,
      }),
    ).rejects.toMatchObject({ code: 'validation', details: { issues: [{ path: 'body' }] } });
    const long = `${BODY}\n\n${'A longer story about routes. '.repeat(180)}`;
    await expect(sendOutreach(bram.ctx, item.id, input('rapport-long-1', long))).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('a Rapport message holds at most 5000'),
    });
    expect((await readThread(ines.ctx, bram.id, {})).items).toEqual([]);

    await sendOutreach(bram.ctx, item.id, input('rapport-rules-ines'));
    // Another connection, the very same words: a blast, refused, whichever channel.
    const olu = await person('Olu Adeyemi');
    const oluContact = await createContact(
      bram.ctx,
      { givenName: 'Olu', familyName: 'Adeyemi', connectedOn: '2026-11-21', emails: [{ value: olu.email }] },
      'web',
    );
    const invited = await inviteToConnect(bram.ctx, { email: olu.email });
    await acceptConnection(olu.ctx, invited.connection?.id as string);
    const oluItem = (await listOutreachQueue(bram.ctx)).items.find((i) => i.contact.id === oluContact.id);
    await expect(
      sendOutreach(bram.ctx, oluItem?.id as string, input('rapport-rules-olu')),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('the same message already went to Ines Duarte'),
    });
    expect((await readThread(olu.ctx, bram.id, {})).items).toEqual([]);
  });

  it('their reply in the thread is the outreach reply: replied, the purpose moves to responded, the stats count it by channel', async () => {
    const { bram, ines, contact, item } = await setUp();
    const purpose = await createPurpose(bram.ctx, { name: 'Logistics partners' });
    // A message from Ines before anything went out is not a reply to anything.
    await sendDirectMessage(ines.ctx, { toAccountId: bram.id, body: 'Thanks for connecting!' });
    expect((await getOutreachItem(bram.ctx, item.id)).state).toBe('queued');

    await sendOutreach(bram.ctx, item.id, { ...input('rapport-reply-1'), purposeId: purpose.id });
    // Bram writing again in the thread is not her reply.
    bram.ctx.clock.set(new Date('2026-11-25T10:00:00.000Z'));
    await sendDirectMessage(bram.ctx, { toAccountId: ines.id, body: 'PS: the slides are on my profile.' });
    expect((await getOutreachItem(bram.ctx, item.id)).state).toBe('sent');

    ines.ctx.clock.set(new Date('2026-11-26T15:00:00.000Z'));
    await sendDirectMessage(ines.ctx, { toAccountId: bram.id, body: 'Lovely to hear! Coffee next week?' });
    const replied = await getOutreachItem(bram.ctx, item.id);
    expect(replied).toMatchObject({ state: 'replied', repliedAt: '2026-11-26T15:00:00.000Z' });
    expect((await listContactPurposes(bram.ctx, contact.id)).items.map((p) => p.stage.name)).toEqual([
      'responded',
    ]);
    // The reply is the message's own inbound interaction, not a second one.
    const log = await listInteractions(bram.ctx, { contact: contact.id });
    expect(log.items.filter((i) => i.direction === 'inbound').map((i) => i.occurredAt)).toEqual([
      '2026-11-26T15:00:00.000Z',
      '2026-11-25T09:00:00.000Z',
    ]);
    // Another message from her later changes nothing.
    ines.ctx.clock.set(new Date('2026-11-27T08:00:00.000Z'));
    await sendDirectMessage(ines.ctx, { toAccountId: bram.id, body: 'Tuesday works.' });
    expect((await getOutreachItem(bram.ctx, item.id)).repliedAt).toBe('2026-11-26T15:00:00.000Z');

    const stats = await getOutreachStats(bram.ctx);
    expect(stats.byChannel).toEqual([
      { key: 'rapport', label: 'rapport', sent: 1, replied: 1, rate: 1, medianHoursToReply: 30, waiting: 0 },
    ]);
    expect(await listOutreachReplies(bram.ctx, { channel: 'rapport' })).toMatchObject({
      items: [{ contact: { id: contact.id }, channel: 'rapport', hoursToReply: 30 }],
      total: 1,
    });
  });

  it('a message in the thread is no reply to outreach sent by email', async () => {
    const { bram, ines, item } = await setUp();
    const sent = await sendOutreachEmail(bram.ctx, item.id, {
      channel: 'email',
      subject: 'Great to connect',
      body: BODY,
      sendKey: 'rapport-email-first-1',
    });
    expect(sent.message.status).toBe('sent');
    ines.ctx.clock.set(new Date('2026-11-26T09:00:00.000Z'));
    await sendDirectMessage(ines.ctx, { toAccountId: bram.id, body: 'Did you send me something?' });
    expect((await getOutreachItem(bram.ctx, item.id)).state).toBe('sent');
    const stats = await getOutreachStats(bram.ctx);
    expect(stats.byChannel.map((r) => [r.key, r.sent, r.replied])).toEqual([['email', 1, 0]]);
  });
});
