import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { getToday } from '../agenda/get-today';
import { createContact } from '../contacts/create-contact';
import { listInteractions } from '../interactions/list-interactions';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { createPurpose } from '../purposes/create-purpose';
import { listContactPurposes } from '../purposes/list-contact-purposes';
import { listItemMoves } from '../purposes/list-item-moves';
import { moveItem } from '../purposes/move-item';
import { placeContacts } from '../purposes/place-contacts';
import { createOutreachTemplate } from './create-outreach-template';
import { getOutreachItem } from './get-outreach-item';
import { getOutreachStats } from './get-outreach-stats';
import { listOutreachQueue } from './list-outreach-queue';
import { markOutreachSent } from './mark-outreach-sent';
import { recordOutreachReply } from './record-outreach-reply';
import { sendOutreachEmail } from './send-outreach-email';
import { undoOutreachSent } from './undo-outreach-sent';

const DAY = 86_400_000;
const FIRST =
  'Hi {firstName},\n\nThanks for connecting!\n\nYour talk on compilers at the Navy yard changed how I teach programming.';
const FOLLOW_UP =
  'Hi {firstName}, the COBOL reading group I mentioned meets next Thursday: would you join us?';

// The harness clock: 2026-11-25T09:00Z.
describeEngines('outreach: a message marked sent by mistake is taken back', (h: Harness) => {
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
        connectedOn: '2026-11-20',
        emails: [{ value: `grace-${h.engine}-${a.id}@navy.example` }],
      },
      'web',
    );
    await createContact(a.ctx, { displayName: 'Ada Lovelace', connectedOn: '2026-11-10' }, 'web');
    const template = await createOutreachTemplate(a.ctx, {
      name: 'New connection',
      subject: 'Great to connect',
      body: 'Hi {firstName},\n\nThanks for connecting!',
      followUpDays: 5,
    });
    const page = await listOutreachQueue(a.ctx);
    const item = page.items.find((i) => i.contact.id === grace.id);
    if (!item) throw new Error('Grace is not queued');
    return { ...a, grace, item, template, before: page };
  }

  it('a first message: back in the queue and on Today exactly as before, out of the log and the response rates', async () => {
    const { ctx, grace, item, template, before } = await setUp();
    const input = {
      channel: 'linkedin' as const,
      templateId: template.id,
      body: FIRST,
      sendKey: 'undo-first-1',
    };
    const sent = await markOutreachSent(ctx, item.id, input);
    expect((await getOutreachStats(ctx)).total.sent).toBe(1);
    const today = async () => (await getToday(ctx, { limit: 50 })).items.map((i) => [i.title, i.reason]);
    expect((await today()).map(([title]) => title)).toEqual(['Write to Ada Lovelace']);

    const back = await undoOutreachSent(ctx, item.id, { messageId: sent.message.id });
    expect(back).toEqual(before.items.find((i) => i.id === item.id));
    expect(await listOutreachQueue(ctx)).toEqual(before);
    expect(await today()).toEqual([
      [
        'Write to Grace Hopper',
        'connected 2026-11-20, no personal message yet; 1 more in the queue after this one',
      ],
      ['Write to Ada Lovelace', 'connected 2026-11-10, no personal message yet'],
    ]);
    expect((await getOutreachItem(ctx, item.id)).messages).toEqual([]);
    expect((await listInteractions(ctx, { contact: grace.id })).items).toEqual([]);
    const stats = await getOutreachStats(ctx);
    expect(stats.total).toMatchObject({ sent: 0, replied: 0 });
    expect(stats.byTemplate).toEqual([]);

    // Redone as it should have been: the same text (no longer "already sent") under the same key.
    const again = await markOutreachSent(ctx, item.id, { ...input, sentAt: '2026-11-21T09:00:00Z' });
    expect(again.item).toMatchObject({ state: 'sent', followUpOn: '2026-11-26' });
  });

  it('a follow-up: the first message waits for its follow-up again, on its own day', async () => {
    const { ctx, item, template } = await setUp();
    const first = await markOutreachSent(ctx, item.id, {
      channel: 'other',
      templateId: template.id,
      body: FIRST,
      sendKey: 'undo-first-2',
    });
    expect(first.item.followUpOn).toBe('2026-11-30');
    ctx.clock.set(new Date(Date.parse('2026-11-25T09:00:00Z') + 6 * DAY));
    const followed = await markOutreachSent(ctx, item.id, {
      kind: 'follow-up',
      channel: 'other',
      body: FOLLOW_UP,
      sendKey: 'undo-follow-2',
    });
    // The first message cannot go while its follow-up stands.
    await expect(undoOutreachSent(ctx, item.id, { messageId: first.message.id })).rejects.toMatchObject({
      code: 'conflict',
      message: 'only your latest message to Grace Hopper can be taken back',
    });
    const back = await undoOutreachSent(ctx, item.id, { messageId: followed.message.id });
    expect(back).toEqual({ ...first.item, lastMessage: first.message, followUpDue: true });
    const followUps = (await getToday(ctx, { limit: 50 })).items.filter((i) => i.kind === 'follow-up');
    expect(followUps.map((i) => i.title)).toEqual(['Follow up with Grace Hopper']);
    expect((await getOutreachItem(ctx, item.id)).messages.map((m) => m.kind)).toEqual(['first']);
  });

  it('what went out by email, and what was answered, stays', async () => {
    const { ctx, item, template } = await setUp();
    const mailer = smtpTestMailer(sink.port);
    const emailed = await sendOutreachEmail({ ...ctx, mailer }, item.id, {
      channel: 'email',
      templateId: template.id,
      subject: 'Great to connect',
      body: FIRST,
      sendKey: 'undo-email-1',
    });
    expect(emailed.message.status).toBe('sent');
    await expect(undoOutreachSent(ctx, item.id, { messageId: emailed.message.id })).rejects.toMatchObject({
      code: 'conflict',
      message: 'the email to Grace Hopper went out: it cannot be taken back',
    });

    const ada = (await listOutreachQueue(ctx)).items[0];
    if (!ada) throw new Error('Ada is not queued');
    const marked = await markOutreachSent(ctx, ada.id, {
      channel: 'linkedin',
      body: 'Hi {firstName}, your notes on the Analytical Engine are the best thing I read this year.',
      sendKey: 'undo-replied-1',
    });
    await recordOutreachReply(ctx, ada.id);
    await expect(undoOutreachSent(ctx, ada.id, { messageId: marked.message.id })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Ada Lovelace already replied: the message stays',
    });
    expect((await getOutreachStats(ctx)).total).toMatchObject({ sent: 2, replied: 1 });
  });

  it('the purpose stage a first message moved goes back, unless the person was moved since', async () => {
    const { ctx, grace, item } = await setUp();
    const speakers = await createPurpose(ctx, { name: 'Guest speakers' });
    const stage = (name: string) => speakers.stages.find((s) => s.name === name)?.id ?? '';
    const [placed] = (await placeContacts(ctx, speakers.id, { contactIds: [grace.id] })).placed;
    if (!placed) throw new Error('Grace is not placed');
    const onBoard = async (contactId: string) => (await listContactPurposes(ctx, contactId)).items;
    const moves = async () => (await listItemMoves(ctx, speakers.id, placed.id)).items;
    const before = { places: await onBoard(grace.id), moves: await moves() };
    expect(before.places.map((p) => p.stage.name)).toEqual(['identified']);

    // Sent an hour after she was placed, without a purpose: every active purpose she is on moves.
    ctx.clock.set(new Date(Date.parse('2026-11-25T10:00:00Z')));
    const sent = await markOutreachSent(ctx, item.id, {
      channel: 'linkedin',
      body: FIRST,
      sendKey: 'undo-stage-1',
    });
    expect((await onBoard(grace.id)).map((p) => p.stage.name)).toEqual(['reached out']);
    await undoOutreachSent(ctx, item.id, { messageId: sent.message.id });
    // In her old stage since she went there, and the send's move forgotten.
    expect({ places: await onBoard(grace.id), moves: await moves() }).toEqual(before);

    // A purpose chosen in the composer placed Ada on it: taken off again.
    const ada = (await listOutreachQueue(ctx)).items.find((i) => i.id !== item.id);
    if (!ada) throw new Error('Ada is not queued');
    const toAda = await markOutreachSent(ctx, ada.id, {
      channel: 'other',
      purposeId: speakers.id,
      body: 'Hi {firstName}, your notes on the Analytical Engine are the best thing I read this year.',
      sendKey: 'undo-stage-2',
    });
    expect((await onBoard(ada.contact.id)).map((p) => p.stage.name)).toEqual(['reached out']);
    await undoOutreachSent(ctx, ada.id, { messageId: toAda.message.id });
    expect(await onBoard(ada.contact.id)).toEqual([]);

    // Moved by hand after the message: the undo leaves her where she was put.
    const again = await markOutreachSent(ctx, item.id, {
      channel: 'linkedin',
      body: FIRST,
      sendKey: 'undo-stage-3',
    });
    await moveItem(ctx, speakers.id, placed.id, { stageId: stage('met') });
    await undoOutreachSent(ctx, item.id, { messageId: again.message.id });
    expect((await onBoard(grace.id)).map((p) => p.stage.name)).toEqual(['met']);
    expect((await moves()).map((m) => [m.fromStage?.name ?? null, m.toStage.name, m.source])).toEqual([
      [null, 'identified', 'manual'],
      ['identified', 'reached out', 'outreach'],
      ['reached out', 'met', 'manual'],
    ]);
  });

  it("another account's item or message is answered like a missing one", async () => {
    const owner = await setUp();
    const intruder = await setUp();
    const sent = await markOutreachSent(owner.ctx, owner.item.id, {
      channel: 'other',
      body: FIRST,
      sendKey: 'undo-owner-1',
    });
    const missing = '01900000-0000-7000-8000-000000000000';
    const foreign = await undoOutreachSent(intruder.ctx, owner.item.id, { messageId: sent.message.id }).catch(
      (e: Error) => e,
    );
    const absent = await undoOutreachSent(intruder.ctx, missing, { messageId: sent.message.id }).catch(
      (e: Error) => e,
    );
    expect(foreign).toMatchObject({ code: 'not_found' });
    expect((foreign as Error).message).toBe((absent as Error).message);
    // Their message on my item is no message of mine.
    await expect(
      undoOutreachSent(intruder.ctx, intruder.item.id, { messageId: sent.message.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await getOutreachItem(owner.ctx, owner.item.id)).state).toBe('sent');
  });
});
