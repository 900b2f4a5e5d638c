import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { listInteractions } from '../interactions/list-interactions';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { createPurpose } from '../purposes/create-purpose';
import { listContactPurposes } from '../purposes/list-contact-purposes';
import { createOutreachTemplate } from './create-outreach-template';
import { getOutreachItem } from './get-outreach-item';
import { listOutreachQueue } from './list-outreach-queue';
import { sendOutreachEmail } from './send-outreach-email';

const BODY =
  'Hi {firstName},\n\nThanks for connecting. Your talk on <logistics> & "supply chains" at MIT was the best of the day.\n\nBest,\n{myName}';

describeEngines('outreach by email through a real SMTP server', (h) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });

  let n = 0;
  async function setUp(hh: Harness) {
    const a = await hh.account('Bram Okonkwo');
    // Every test writes to its own addresses: the sink is shared by the tests of both engines.
    const work = `ines+${++n}-${hh.engine}@acme.example`;
    const home = `ines.home+${n}-${hh.engine}@example.test`;
    const ctx = { ...a.ctx, mailer };
    const contact = await createContact(
      ctx,
      {
        givenName: 'Ines',
        familyName: 'Duarte',
        organisation: 'Acme Logistics',
        connectedOn: '2026-11-20',
        emails: [{ value: work }, { value: home }],
      },
      'web',
    );
    const [item] = (await listOutreachQueue(ctx)).items;
    if (!item) throw new Error('Ines is not queued');
    return { ...a, ctx, contact, item, work, home };
  }
  const mailsTo = (address: string) => sink.to(address);

  it('sends one personal email: headers, text and HTML; logs it; the purpose moves to reached out', async () => {
    const a = await setUp(h);
    const purpose = await createPurpose(a.ctx, { name: 'Sales leads in logistics' });
    const template = await createOutreachTemplate(a.ctx, {
      name: 'Logistics',
      subject: 'Hello from {myFirstName}',
      body: 'Hi {firstName},\n\nThanks for connecting.\n\nBest,\n{myName}',
      purposeId: purpose.id,
    });
    const result = await sendOutreachEmail(a.ctx, a.item.id, {
      channel: 'email',
      templateId: template.id,
      subject: 'Hello from {myFirstName}',
      body: BODY,
      to: a.home,
      sendKey: 'send-ines-0001',
    });
    expect(result.message).toMatchObject({
      status: 'sent',
      attempts: 1,
      to: a.home,
      subject: 'Hello from Bram',
    });
    expect(result.item).toMatchObject({ state: 'sent', purpose: { id: purpose.id } });
    const [mail, ...others] = mailsTo(a.home);
    expect(others).toEqual([]);
    const parsed = mail?.parsed;
    expect(parsed?.subject).toBe('Hello from Bram');
    expect(parsed?.to).toMatchObject({ value: [{ address: a.home, name: 'Ines Duarte' }] });
    expect(parsed?.replyTo?.value).toEqual([{ address: a.email, name: 'Bram Okonkwo' }]);
    expect(parsed?.from?.value[0]?.address).toBe('rapport@rapport.example.test');
    expect(parsed?.text?.trim()).toBe(
      'Hi Ines,\n\nThanks for connecting. Your talk on <logistics> & "supply chains" at MIT was the best of the day.\n\nBest,\nBram Okonkwo',
    );
    expect(parsed?.html).toContain('<p>Hi Ines,</p>');
    expect(parsed?.html).toContain('Your talk on &lt;logistics&gt; &amp; &quot;supply chains&quot; at MIT');
    expect(parsed?.html).toContain('<p>Best,<br>Bram Okonkwo</p>');
    const log = await listInteractions(a.ctx, { contact: a.contact.id });
    expect(log.items.map((i) => [i.kind, i.direction])).toEqual([['email', 'outbound']]);
    expect((await listContactPurposes(a.ctx, a.contact.id)).items.map((p) => p.stage.name)).toEqual([
      'reached out',
    ]);
    // The same key again sends nothing more.
    const again = await sendOutreachEmail(a.ctx, a.item.id, {
      channel: 'email',
      subject: 'x',
      body: 'anything',
      sendKey: 'send-ines-0001',
    });
    expect(again.message.id).toBe(result.message.id);
    expect(mailsTo(a.home)).toHaveLength(1);
  });

  it('an SMTP failure keeps the message (failed, with the error) and the person queued; a retry sends it once', async () => {
    const a = await setUp(h);
    const input = {
      channel: 'email' as const,
      subject: 'Great to connect',
      body: BODY,
      sendKey: 'send-ines-retry-1',
    };
    sink.refuse({ code: 451, message: 'Mailbox busy, try later' });
    let failed: Awaited<ReturnType<typeof sendOutreachEmail>>;
    try {
      failed = await sendOutreachEmail(a.ctx, a.item.id, input);
    } finally {
      sink.refuse(null);
    }
    expect(failed.message).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: expect.stringContaining('Mailbox busy'),
    });
    expect(failed.item).toMatchObject({ state: 'queued', lastMessage: { status: 'failed' } });
    expect(mailsTo(a.work)).toHaveLength(0);
    expect((await listInteractions(a.ctx, { contact: a.contact.id })).items).toEqual([]);
    const detail = await getOutreachItem(a.ctx, a.item.id);
    expect(detail.messages.map((m) => [m.status, m.error])).toEqual([
      ['failed', expect.stringContaining('451')],
    ]);

    // The retry with the same key sends the stored message (even if the client's text changed), once.
    const retried = await sendOutreachEmail(a.ctx, a.item.id, { ...input, body: 'ignored on a retry' });
    expect(retried.message).toMatchObject({
      id: failed.message.id,
      status: 'sent',
      attempts: 2,
      error: null,
    });
    const again = await sendOutreachEmail(a.ctx, a.item.id, input);
    expect(again.message).toMatchObject({ id: failed.message.id, status: 'sent', attempts: 2 });
    const mails = mailsTo(a.work);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.parsed.text).toContain('Your talk on <logistics>');
    expect((await getOutreachItem(a.ctx, a.item.id)).state).toBe('sent');
  });

  it('two sends of one message at once send one email', async () => {
    const a = await setUp(h);
    const input = { channel: 'email' as const, subject: 'Hi', body: BODY, sendKey: 'send-ines-race-1' };
    const results = await Promise.allSettled([
      sendOutreachEmail(a.ctx, a.item.id, input),
      sendOutreachEmail(a.ctx, a.item.id, input),
      sendOutreachEmail(a.ctx, a.item.id, { ...input, sendKey: 'send-ines-race-2' }),
    ]);
    const sent = results.filter((r) => r.status === 'fulfilled');
    expect(sent.length).toBeGreaterThanOrEqual(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'conflict' });
    expect(mailsTo(a.work)).toHaveLength(1);
  });

  it('refuses bad input before anything is sent, naming the field', async () => {
    const a = await setUp(h);
    const base = { channel: 'email' as const, subject: 'Hi', body: BODY };
    await expect(sendOutreachEmail(a.ctx, a.item.id, { ...base, sendKey: 'short' })).rejects.toMatchObject({
      details: { issues: [{ path: 'sendKey' }] },
    });
    await expect(
      sendOutreachEmail(a.ctx, a.item.id, { ...base, to: 'someone@else.example', sendKey: 'send-bad-to-1' }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'to' }] } });
    await expect(
      sendOutreachEmail(a.ctx, a.item.id, { ...base, subject: '', sendKey: 'send-bad-subj-1' }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'subject' }] } });
    await expect(
      sendOutreachEmail(a.ctx, a.item.id, { ...base, subject: 'Hi {company}', sendKey: 'send-bad-field-1' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('{company}') });
    const noEmail = await createContact(a.ctx, { displayName: 'No Mail', connectedOn: '2026-11-24' }, 'web');
    const item = (await listOutreachQueue(a.ctx)).items.find((i) => i.contact.id === noEmail.id);
    await expect(
      sendOutreachEmail(a.ctx, item?.id as string, { ...base, sendKey: 'send-no-mail-1' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('No Mail has no email address') });
    expect(mailsTo(a.work)).toHaveLength(0);
  });
});
