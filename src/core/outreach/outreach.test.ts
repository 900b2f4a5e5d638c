import { expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { emptyPerson } from '../../formats/model';
import { getToday } from '../agenda/get-today';
import { createContact } from '../contacts/create-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import type { Ctx } from '../context';
import { importLinkedin } from '../imports/import-linkedin';
import { runImport } from '../imports/run-import';
import { undoImport } from '../imports/undo-import';
import { listInteractions } from '../interactions/list-interactions';
import { createPurpose } from '../purposes/create-purpose';
import { listContactPurposes } from '../purposes/list-contact-purposes';
import { addToOutreachQueue } from './add-to-outreach-queue';
import { createOutreachTemplate } from './create-outreach-template';
import { deleteOutreachTemplate } from './delete-outreach-template';
import { dismissOutreachItem } from './dismiss-outreach-item';
import { getOutreachItem } from './get-outreach-item';
import { listOutreachQueue } from './list-outreach-queue';
import { listOutreachTemplates } from './list-outreach-templates';
import { markOutreachSent } from './mark-outreach-sent';
import { previewOutreachMessage } from './preview-outreach-message';
import { recordOutreachReply } from './record-outreach-reply';
import { restoreOutreachItem } from './restore-outreach-item';
import { sendOutreachEmail } from './send-outreach-email';
import { skipOutreachFollowUp } from './skip-outreach-follow-up';
import { updateOutreachTemplate } from './update-outreach-template';

const enc = (s: string) => new TextEncoder().encode(s);
const DAY = 86_400_000;

/** A LinkedIn Connections.csv: two connected this month (one today), two years ago. */
const CONNECTIONS = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@engines.example,Analytical Engines,Head of Research,25 Nov 2026',
  'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,US Navy,Rear Admiral,02 Nov 2026',
  'Alan,Turing,https://www.linkedin.com/in/alan-turing,,Bletchley Park,Cryptanalyst,07 Feb 2024',
  'Katherine,Johnson,https://www.linkedin.com/in/katherine-johnson,,NASA,Mathematician,28 Oct 2026',
].join('\n');

const TEMPLATE =
  'Hi {firstName},\n\nThanks for connecting! I teach {purpose} and would love to stay in touch.\n\n{myName}';

const sendKey = () => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;

async function importConnections(ctx: Ctx, csv = CONNECTIONS) {
  return importLinkedin(ctx, { source: { name: 'Connections.csv', bytes: enc(csv) }, dryRun: false });
}

async function queuedNames(
  ctx: Ctx,
  view: 'queued' | 'awaiting' | 'replied' | 'closed' | 'dismissed' | 'follow-up' = 'queued',
) {
  return (await listOutreachQueue(ctx, { view })).items.map((i) => i.contact.displayName);
}

async function itemOf(ctx: Ctx, name: string) {
  const page = await listOutreachQueue(ctx, { view: 'all', limit: 200 });
  const item = page.items.find((i) => i.contact.displayName === name);
  if (!item) throw new Error(`${name} is not in the queue`);
  return item;
}

/** An account whose queue holds Ada (email) and Grace (LinkedIn only), with one template. */
async function readyAccount(h: Harness) {
  const a = await h.account('Bram Okonkwo');
  await importConnections(a.ctx);
  const template = await createOutreachTemplate(a.ctx, {
    name: 'New connection',
    subject: 'Great to connect, {firstName}',
    body: TEMPLATE,
  });
  return {
    ...a,
    template,
    ada: await itemOf(a.ctx, 'Ada Lovelace'),
    grace: await itemOf(a.ctx, 'Grace Hopper'),
  };
}

const personal = (who: string) =>
  `Hi {firstName},\n\nThanks for connecting! I teach {purpose} and would love to stay in touch.\n\n${who}\n\n{myName}`;

describeEngines('outreach queue', (h) => {
  it('a LinkedIn import queues the connections of the last 30 days, newest first, not years of history', async () => {
    const { ctx } = await h.account();
    await importConnections(ctx);
    expect(await queuedNames(ctx)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson']);
    const ada = await itemOf(ctx, 'Ada Lovelace');
    expect(ada).toMatchObject({
      state: 'queued',
      reason: 'new-connection',
      connectedOn: '2026-11-25',
      contact: { organisation: 'Analytical Engines', title: 'Head of Research', source: 'linkedin' },
    });
    // Importing the same file again queues nobody twice.
    await importConnections(ctx);
    expect(await queuedNames(ctx)).toHaveLength(3);
  });

  it('older connections enter only when added by hand (one or many), once', async () => {
    const { ctx } = await h.account();
    await importConnections(ctx);
    const alan = (await listOutreachQueue(ctx, { view: 'all' })).items.find(
      (i) => i.contact.displayName === 'Alan Turing',
    );
    expect(alan).toBeUndefined();
    const old = await createContact(ctx, { displayName: 'Old Friend', connectedOn: '2019-04-01' }, 'web');
    const [search] = (await listContacts(ctx, { q: 'Alan Turing' })).items;
    if (!search) throw new Error('Alan was not imported');
    const ada = await itemOf(ctx, 'Ada Lovelace');
    expect(await addToOutreachQueue(ctx, { contactIds: [search.id, old.id, ada.contact.id] })).toEqual({
      added: 2,
      alreadyQueued: 1,
    });
    expect(await itemOf(ctx, 'Alan Turing')).toMatchObject({ reason: 'added', connectedOn: '2024-02-07' });
    await expect(
      addToOutreachQueue(ctx, { contactIds: ['01900000-0000-7000-8000-000000000000'] }),
    ).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'contactIds.0' }] },
    });
  });

  it('a contact added by hand enters when connected recently; undated, long ago or from a backup it does not', async () => {
    const { ctx } = await h.account();
    await createContact(ctx, { displayName: 'Met Today', connectedOn: '2026-11-25' }, 'web');
    await createContact(ctx, { displayName: 'Met Last Week', connectedOn: '2026-11-18' }, 'cli');
    await createContact(ctx, { displayName: 'Met Long Ago', connectedOn: '2025-01-01' }, 'api');
    await createContact(ctx, { displayName: 'No Date' }, 'web');
    await createContact(ctx, { displayName: 'From Backup', connectedOn: '2026-11-25' }, 'backup');
    expect(await queuedNames(ctx)).toEqual(['Met Today', 'Met Last Week']);
  });

  it('a contact given a recent connection day later enters then, once', async () => {
    const { ctx } = await h.account();
    const met = await createContact(ctx, { displayName: 'Met First' }, 'web');
    const old = await createContact(ctx, { displayName: 'Old Friend' }, 'web');
    expect(await queuedNames(ctx)).toEqual([]);
    await updateContact(ctx, met.id, { connectedOn: '2026-11-24' }, 'web');
    await updateContact(ctx, old.id, { connectedOn: '2020-01-01' }, 'web');
    expect(await queuedNames(ctx)).toEqual(['Met First']);
    // Dismissed, then the day corrected: not queued again.
    const item = await itemOf(ctx, 'Met First');
    await dismissOutreachItem(ctx, item.id);
    await updateContact(ctx, met.id, { connectedOn: '2026-11-25' }, 'web');
    expect(await queuedNames(ctx)).toEqual([]);
  });

  it('undoing an import removes the queue items it created, also for contacts it only updated', async () => {
    const { ctx } = await h.account();
    // Katherine came from an address book first, without a connection date: not queued.
    await runImport(ctx, {
      kind: 'csv',
      fileName: 'contacts.csv',
      issues: [],
      people: [
        {
          ...emptyPerson({ file: 'contacts.csv', line: 2 }),
          displayName: 'Katherine Johnson',
          givenName: 'Katherine',
          familyName: 'Johnson',
          urls: [{ value: 'https://www.linkedin.com/in/katherine-johnson' }],
        },
      ],
      dryRun: false,
    });
    expect(await queuedNames(ctx)).toEqual([]);
    // LinkedIn says she connected on 20 Oct 2026: she is a new connection now.
    const report = await importConnections(ctx);
    expect(report.stats.updated).toBe(1);
    expect(await queuedNames(ctx)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson']);
    await undoImport(ctx, report.id as string);
    expect((await listOutreachQueue(ctx, { view: 'all' })).items).toEqual([]);
  });

  it('dismiss (not this person) and restore', async () => {
    const { ctx } = await h.account();
    await importConnections(ctx);
    const grace = await itemOf(ctx, 'Grace Hopper');
    expect((await dismissOutreachItem(ctx, grace.id)).state).toBe('dismissed');
    expect(await queuedNames(ctx)).toEqual(['Ada Lovelace', 'Katherine Johnson']);
    expect(await queuedNames(ctx, 'dismissed')).toEqual(['Grace Hopper']);
    await expect(dismissOutreachItem(ctx, grace.id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await restoreOutreachItem(ctx, grace.id)).state).toBe('queued');
    expect(await queuedNames(ctx)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson']);
    await expect(restoreOutreachItem(ctx, grace.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('the item says who they are, how we are connected, their purposes and a suggested template', async () => {
    const a = await readyAccount(h);
    const purpose = await createPurpose(a.ctx, { name: 'Guest speakers for MGMT 401' });
    const forPurpose = await createOutreachTemplate(a.ctx, {
      name: 'Speakers',
      body: 'Hi {firstName}, would you speak to {purpose}?',
      purposeId: purpose.id,
      channel: 'linkedin',
    });
    await addToOutreachQueue(a.ctx, { contactIds: [a.grace.contact.id] });
    const { placeContacts } = await import('../purposes/place-contacts');
    await placeContacts(a.ctx, purpose.id, { contactIds: [a.grace.contact.id] });
    const grace = await getOutreachItem(a.ctx, a.grace.id);
    expect(grace).toMatchObject({
      contact: { displayName: 'Grace Hopper', organisation: 'US Navy', source: 'linkedin' },
      connectedOn: '2026-11-02',
      person: { emails: [], linkedinUrl: 'https://www.linkedin.com/in/grace-hopper' },
      purposes: [{ id: purpose.id, name: 'Guest speakers for MGMT 401', stage: 'identified' }],
      suggestion: { templateId: forPurpose.id, kind: 'first', channel: 'linkedin', purposeId: purpose.id },
      mergeValues: {
        firstName: 'Grace',
        organisation: 'US Navy',
        myName: 'Bram Okonkwo',
        purpose: 'Guest speakers for MGMT 401',
      },
    });
    // Ada is on no purpose: the first template by name, by email when she has an address (mailto without SMTP).
    const ada = await getOutreachItem(a.ctx, a.ada.id);
    expect(ada.suggestion).toMatchObject({
      templateId: a.template.id,
      channel: 'mailto',
      subject: 'Great to connect, {firstName}',
    });
  });
});

describeEngines('outreach: a message is personal or it is not sent', (h) => {
  it('refuses an empty message and the template alone, each with the reason', async () => {
    const a = await readyAccount(h);
    const draft = { channel: 'linkedin' as const, templateId: a.template.id, sendKey: sendKey() };
    await expect(markOutreachSent(a.ctx, a.ada.id, { ...draft, body: '   ' })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('the message is empty'),
    });
    await expect(markOutreachSent(a.ctx, a.ada.id, { ...draft, body: TEMPLATE })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('this is the template alone'),
    });
    // Changing a word or two, or adding their name, is not a personal line.
    await expect(
      markOutreachSent(a.ctx, a.ada.id, {
        ...draft,
        body: `${TEMPLATE.replace('love', 'like')}\nAda Lovelace, Analytical Engines`,
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('add a line of your own') });
    const preview = await previewOutreachMessage(a.ctx, a.ada.id, {
      channel: 'linkedin',
      templateId: a.template.id,
      body: TEMPLATE,
    });
    expect(preview).toMatchObject({ ok: false, personal: { ok: false, words: 0 } });
    expect((await getOutreachItem(a.ctx, a.ada.id)).state).toBe('queued');
  });

  it('accepts a personal line and shows it in the preview', async () => {
    const a = await readyAccount(h);
    const body = personal('Your note on the Analytical Engine was the best thing I read this year.');
    const preview = await previewOutreachMessage(a.ctx, a.ada.id, {
      channel: 'linkedin',
      templateId: a.template.id,
      body,
    });
    expect(preview.ok).toBe(true);
    expect(preview.personal.line).toBe(
      'your note on the analytical engine was the best thing i read this year',
    );
    expect(preview.body).toContain('Hi Ada,');
    expect(preview.emptyFields).toEqual(['purpose']);
  });

  it('names unknown merge fields before sending, in templates and in messages', async () => {
    const a = await readyAccount(h);
    await expect(
      createOutreachTemplate(a.ctx, { name: 'Bad', body: 'Hi {first_name}, from {company} and {firstName}' }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('{first_name}, {company}'),
      details: { issues: [{ path: 'body' }] },
    });
    await expect(
      markOutreachSent(a.ctx, a.ada.id, {
        channel: 'linkedin',
        body: 'Hi {fristName}, your talk on engines at the Royal Society was wonderful to hear.',
        sendKey: sendKey(),
      }),
    ).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('{fristName}') });
  });

  it('refuses the same text to a second person, and the same personal line, saying why', async () => {
    const a = await readyAccount(h);
    const line = 'I loved your talk at the Royal Society last Tuesday evening.';
    await markOutreachSent(a.ctx, a.ada.id, {
      channel: 'linkedin',
      templateId: a.template.id,
      body: personal(line),
      sendKey: sendKey(),
    });
    // The same message to Grace: only the merge values differ.
    await expect(
      markOutreachSent(a.ctx, a.grace.id, {
        channel: 'linkedin',
        templateId: a.template.id,
        body: personal(line),
        sendKey: sendKey(),
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('the same message already went to Ada Lovelace'),
    });
    // The same line wrapped differently.
    await expect(
      markOutreachSent(a.ctx, a.grace.id, {
        channel: 'other',
        body: `Hello {firstName}! ${line}`,
        sendKey: sendKey(),
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('your personal line') });
    const preview = await previewOutreachMessage(a.ctx, a.grace.id, {
      channel: 'other',
      body: `Hello {firstName}! ${line}`,
    });
    expect(preview.duplicate?.contact.displayName).toBe('Ada Lovelace');
    // Something that fits Grace goes.
    const sent = await markOutreachSent(a.ctx, a.grace.id, {
      channel: 'linkedin',
      templateId: a.template.id,
      body: personal('Your work on compilers changed how my students think about programming.'),
      sendKey: sendKey(),
    });
    expect(sent.item.state).toBe('sent');
  });

  it('email needs SMTP: without a mailer it says so clearly', async () => {
    const a = await readyAccount(h);
    const input = {
      channel: 'email' as const,
      subject: 'Hello',
      body: personal('Your note on engines was brilliant and thought provoking.'),
      sendKey: sendKey(),
    };
    await expect(sendOutreachEmail(a.ctx, a.ada.id, input)).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('email is not configured on this server (SMTP_URL is not set)'),
    });
    await expect(markOutreachSent(a.ctx, a.ada.id, input)).rejects.toMatchObject({
      details: { issues: [{ path: 'channel' }] },
    });
    const { sendKey: _key, ...draft } = input;
    expect((await previewOutreachMessage(a.ctx, a.ada.id, draft)).problems.map((p) => p.path)).toContain(
      'channel',
    );
  });
});

describeEngines('outreach: sent, replied, followed up', (h) => {
  it('marking a message sent takes the person out of the queue, logs it and schedules the follow-up', async () => {
    const a = await readyAccount(h);
    const key = sendKey();
    const input = {
      channel: 'linkedin' as const,
      templateId: a.template.id,
      body: personal('Your note on the Analytical Engine was the best thing I read this year.'),
      sendKey: key,
    };
    const sent = await markOutreachSent(a.ctx, a.ada.id, input);
    expect(sent.message).toMatchObject({
      status: 'sent',
      kind: 'first',
      channel: 'linkedin',
      templateId: a.template.id,
    });
    expect(sent.item).toMatchObject({ state: 'sent', followUpOn: '2026-12-02', followUpDue: false });
    expect(await queuedNames(a.ctx)).not.toContain('Ada Lovelace');
    expect(await queuedNames(a.ctx, 'awaiting')).toEqual(['Ada Lovelace']);
    // The same key again returns the same message; a new key is refused (one first message per person).
    expect((await markOutreachSent(a.ctx, a.ada.id, input)).message.id).toBe(sent.message.id);
    await expect(markOutreachSent(a.ctx, a.ada.id, { ...input, sendKey: sendKey() })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('a message already went to Ada Lovelace'),
    });
    const log = await listInteractions(a.ctx, { contact: a.ada.contact.id });
    expect(log.items.map((i) => [i.kind, i.direction, i.source])).toEqual([
      ['message', 'outbound', 'outreach'],
    ]);
  });

  it('a reply in one click: inbound interaction, replied, and the purpose moves to responded', async () => {
    const a = await readyAccount(h);
    const purpose = await createPurpose(a.ctx, { name: 'Guest speakers', followUpDays: 10 });
    await expect(recordOutreachReply(a.ctx, a.ada.id)).rejects.toMatchObject({ code: 'conflict' });
    const sent = await markOutreachSent(a.ctx, a.ada.id, {
      channel: 'linkedin',
      templateId: a.template.id,
      purposeId: purpose.id,
      body: personal('Your note on the Analytical Engine was the best thing I read this year.'),
      sendKey: sendKey(),
    });
    // The purpose's follow-up days apply; the contact is placed on the purpose as "reached out".
    expect(sent.item).toMatchObject({ followUpOn: '2026-12-05', purpose: { id: purpose.id } });
    const stageOf = async () =>
      (await listContactPurposes(a.ctx, a.ada.contact.id)).items.map((p) => p.stage.name);
    expect(await stageOf()).toEqual(['reached out']);
    a.ctx.clock.set(new Date(Date.parse('2026-11-25T09:00:00Z') + 2 * DAY));
    const replied = await recordOutreachReply(a.ctx, a.ada.id, { summary: 'Happy to speak in February' });
    expect(replied).toMatchObject({ state: 'replied', repliedAt: '2026-11-27T09:00:00.000Z' });
    // No follow-up once they replied: not on the item, nor in any view of the queue.
    expect(replied).toMatchObject({ followUpOn: null, followUpDue: false });
    expect((await itemOf(a.ctx, 'Ada Lovelace')).followUpOn).toBeNull();
    expect((await getOutreachItem(a.ctx, a.ada.id)).followUpOn).toBeNull();
    expect(await stageOf()).toEqual(['responded']);
    const log = await listInteractions(a.ctx, { contact: a.ada.contact.id });
    expect(log.items.map((i) => [i.direction, i.summary])).toContainEqual([
      'inbound',
      'Happy to speak in February',
    ]);
    expect(await queuedNames(a.ctx, 'replied')).toEqual(['Ada Lovelace']);
    await expect(recordOutreachReply(a.ctx, a.ada.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('no reply after N days: one follow-up on Today; after its own N days the item closes quietly', async () => {
    const a = await readyAccount(h);
    await updateOutreachTemplate(a.ctx, a.template.id, { followUpDays: 5 });
    await markOutreachSent(a.ctx, a.grace.id, {
      channel: 'linkedin',
      templateId: a.template.id,
      body: personal('Your work on compilers changed how my students think about programming.'),
      sendKey: sendKey(),
    });
    const at = (days: number) => a.ctx.clock.set(new Date(Date.parse('2026-11-25T09:00:00Z') + days * DAY));
    const followUps = async () =>
      (await getToday(a.ctx, { limit: 50 })).items.filter((i) => i.kind === 'follow-up');
    at(4);
    expect(await followUps()).toEqual([]);
    at(5);
    expect(await followUps()).toEqual([
      expect.objectContaining({
        key: `follow-up:${a.grace.id}`,
        title: 'Follow up with Grace Hopper',
        reason: 'no reply 5 days after your message: one short follow-up, or let it go',
        action: { kind: 'outreach-follow-up', label: 'Write the follow-up' },
      }),
    ]);
    expect(await queuedNames(a.ctx, 'follow-up')).toEqual(['Grace Hopper']);
    const detail = await getOutreachItem(a.ctx, a.grace.id);
    expect(detail.suggestion).toMatchObject({ kind: 'follow-up', templateId: null });
    // The follow-up must be personal too.
    await expect(
      markOutreachSent(a.ctx, a.grace.id, {
        kind: 'follow-up',
        channel: 'linkedin',
        body: 'Hi {firstName}, just following up',
        sendKey: sendKey(),
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    const followed = await markOutreachSent(a.ctx, a.grace.id, {
      kind: 'follow-up',
      channel: 'linkedin',
      body: 'Hi {firstName}, the COBOL reading group I mentioned meets next Thursday, would you join us?',
      sendKey: sendKey(),
    });
    expect(followed.item).toMatchObject({ state: 'followed-up', followUpOn: '2026-12-05' });
    expect(await followUps()).toEqual([]);
    await expect(
      markOutreachSent(a.ctx, a.grace.id, {
        kind: 'follow-up',
        channel: 'linkedin',
        body: 'Hi {firstName}, one more nudge about the reading group next week, sorry!',
        sendKey: sendKey(),
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('the one follow-up') });
    at(9);
    expect(await queuedNames(a.ctx, 'awaiting')).toEqual(['Grace Hopper']);
    at(10);
    expect(await queuedNames(a.ctx, 'awaiting')).toEqual([]);
    expect((await itemOf(a.ctx, 'Grace Hopper')).state).toBe('closed');
    // A late reply still counts.
    expect((await recordOutreachReply(a.ctx, a.grace.id)).state).toBe('replied');
  });

  it('skipping the follow-up closes the item', async () => {
    const a = await readyAccount(h);
    await expect(skipOutreachFollowUp(a.ctx, a.ada.id)).rejects.toMatchObject({ code: 'conflict' });
    await markOutreachSent(a.ctx, a.ada.id, {
      channel: 'other',
      body: 'Hi Ada, lovely to meet you at the engine exhibition in London yesterday!',
      sendKey: sendKey(),
    });
    expect(await skipOutreachFollowUp(a.ctx, a.ada.id)).toMatchObject({ state: 'closed', followUpOn: null });
  });

  it('a message on a channel without a subject (LinkedIn, other) drops the template’s subject; mailto keeps it', async () => {
    const a = await readyAccount(h);
    const draft = { templateId: a.template.id, subject: 'Great to connect, {firstName}' };
    const linkedin = await markOutreachSent(a.ctx, a.ada.id, {
      ...draft,
      channel: 'linkedin',
      body: personal('Your note on the Analytical Engine was the best thing I read this year.'),
      sendKey: sendKey(),
    });
    expect(linkedin.message.subject).toBeNull();
    const log = await listInteractions(a.ctx, { contact: a.ada.contact.id });
    expect(log.items[0]?.summary).not.toContain('Great to connect');
    const other = await previewOutreachMessage(a.ctx, a.grace.id, {
      ...draft,
      channel: 'other',
      body: personal('Your work on compilers changed how my students think about programming.'),
    });
    expect(other.subject).toBeNull();
    const mailto = await markOutreachSent(a.ctx, a.grace.id, {
      ...draft,
      channel: 'mailto',
      body: personal('Your work on compilers changed how my students think about programming.'),
      sendKey: sendKey(),
    });
    expect(mailto.message.subject).toBe('Great to connect, Grace');
  });

  it('Today shows a few new connections a day, newest first, and how many more wait', async () => {
    const { ctx } = await h.account();
    for (let i = 1; i <= 5; i++)
      await createContact(
        ctx,
        { displayName: `Person ${i}`, connectedOn: `2026-11-${String(10 + i).padStart(2, '0')}` },
        'web',
      );
    const items = (await getToday(ctx, { limit: 50 })).items.filter((i) => i.kind === 'new-connection');
    expect(items.map((i) => [i.title, i.reason])).toEqual([
      [
        'Write to Person 5',
        'connected 2026-11-15, no personal message yet; 4 more in the queue after this one',
      ],
      [
        'Write to Person 4',
        'connected 2026-11-14, no personal message yet; 3 more in the queue after this one',
      ],
      [
        'Write to Person 3',
        'connected 2026-11-13, no personal message yet; 2 more in the queue after this one',
      ],
    ]);
    expect(items[0]?.action).toEqual({ kind: 'outreach-write', label: 'Write a personal message' });
    // Snoozing one brings the next forward.
    const { actOnTodayItem } = await import('../agenda/act-on-today-item');
    await actOnTodayItem(ctx, items[0]?.key as string, { action: 'snooze', until: '2026-12-01' });
    const after = (await getToday(ctx, { limit: 50 })).items.filter((i) => i.kind === 'new-connection');
    expect(after.map((i) => i.title)).toEqual([
      'Write to Person 4',
      'Write to Person 3',
      'Write to Person 2',
    ]);
  });
});

describeEngines('outreach: Today counts who waits after what it shows', (h) => {
  it('with 8 queued and a Today limit of one, it says 7 more (not 5); connections of one day keep their order', async () => {
    const { ctx } = await h.account();
    for (let i = 1; i <= 8; i++)
      await createContact(
        ctx,
        { displayName: `Person ${i}`, connectedOn: i <= 4 ? '2026-11-20' : '2026-11-21' },
        'web',
      );
    const shown = async (limit: number) =>
      (await getToday(ctx, { limit })).items.map((i) => i.reason.replace(/^connected [\d-]+, /, ''));
    expect(await shown(1)).toEqual(['no personal message yet; 7 more in the queue after this one']);
    expect(await shown(2)).toEqual([
      'no personal message yet; 7 more in the queue after this one',
      'no personal message yet; 6 more in the queue after this one',
    ]);
    // However many are shown, the list is a prefix of the same order: the newest first, then the latest added.
    const three = (await getToday(ctx, { limit: 3 })).items.map((i) => i.title);
    const queue = (await listOutreachQueue(ctx)).items.map((i) => `Write to ${i.contact.displayName}`);
    expect(three).toEqual(queue.slice(0, 3));
    expect((await getToday(ctx, { limit: 1 })).items.map((i) => i.title)).toEqual(queue.slice(0, 1));
  });
});

describeEngines('outreach: templates', (h) => {
  it('create, list, update and retire; another purpose is refused', async () => {
    const a = await h.account();
    const b = await h.account();
    const theirs = await createPurpose(b.ctx, { name: 'Theirs' });
    const t = await createOutreachTemplate(a.ctx, {
      name: 'Alumni',
      subject: 'Hello {firstName}',
      body: 'Hi {firstName}, how is life at {organisation}? {{not a field}}',
      channel: 'email',
      followUpDays: 14,
    });
    expect(t).toMatchObject({
      channel: 'email',
      followUpDays: 14,
      fields: ['firstName', 'organisation'],
      purpose: null,
    });
    await expect(updateOutreachTemplate(a.ctx, t.id, { purposeId: theirs.id })).rejects.toMatchObject({
      details: { issues: [{ path: 'purposeId' }] },
    });
    expect((await updateOutreachTemplate(a.ctx, t.id, { name: 'Former students' })).name).toBe(
      'Former students',
    );
    expect((await listOutreachTemplates(a.ctx)).map((x) => x.name)).toEqual(['Former students']);
    await deleteOutreachTemplate(a.ctx, t.id);
    expect(await listOutreachTemplates(a.ctx)).toEqual([]);
  });
});

describeEngines('outreach: owner scoping', (h) => {
  it("every use case answers another account's item or template like a missing one", async () => {
    const owner = await readyAccount(h);
    const intruder = await readyAccount(h);
    const mine = owner.ada.id;
    const missing = '01900000-0000-7000-8000-000000000000';
    const body = personal('Your note on the Analytical Engine was the best thing I read this year.');
    const calls: [string, (id: string) => Promise<unknown>][] = [
      ['get', (id) => getOutreachItem(intruder.ctx, id)],
      ['dismiss', (id) => dismissOutreachItem(intruder.ctx, id)],
      ['restore', (id) => restoreOutreachItem(intruder.ctx, id)],
      ['preview', (id) => previewOutreachMessage(intruder.ctx, id, { channel: 'other', body })],
      [
        'mark-sent',
        (id) => markOutreachSent(intruder.ctx, id, { channel: 'other', body, sendKey: sendKey() }),
      ],
      ['replied', (id) => recordOutreachReply(intruder.ctx, id)],
      ['skip', (id) => skipOutreachFollowUp(intruder.ctx, id)],
      ['template update', (id) => updateOutreachTemplate(intruder.ctx, id, { name: 'x' })],
      ['template delete', (id) => deleteOutreachTemplate(intruder.ctx, id)],
    ];
    for (const [name, call] of calls) {
      const target = name.startsWith('template') ? owner.template.id : mine;
      const foreign = await call(target).catch((e: Error) => e);
      const absent = await call(missing).catch((e: Error) => e);
      expect(foreign, name).toMatchObject({ code: 'not_found' });
      expect((foreign as Error).message, name).toBe((absent as Error).message);
    }
    // Adding their contact, or using their template, is refused as unknown.
    await expect(
      addToOutreachQueue(intruder.ctx, { contactIds: [owner.ada.contact.id] }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      markOutreachSent(intruder.ctx, intruder.ada.id, {
        channel: 'other',
        templateId: owner.template.id,
        body,
        sendKey: sendKey(),
      }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'templateId' }] } });
    // Nothing of the owner's changed; the intruder's queue is their own.
    expect((await getOutreachItem(owner.ctx, mine)).state).toBe('queued');
    expect((await listOutreachQueue(intruder.ctx)).items.every((i) => i.id !== mine)).toBe(true);
    expect(await listOutreachTemplates(intruder.ctx)).toHaveLength(1);
  });
});
