import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { removeConnection, seedConnection } from '../../../test/network';
import { actOnTodayItem } from '../agenda/act-on-today-item';
import { getToday } from '../agenda/get-today';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { getContact } from '../contacts/get-contact';
import { AppError } from '../errors';
import { listFavours } from '../favours/list-favours';
import { listInteractions } from '../interactions/list-interactions';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { listConnections } from '../network/list-connections';
import { removeConnection as endConnectionAs } from '../network/remove-connection';
import { decideAsBroker } from './decide-as-broker';
import { decideAsTarget } from './decide-as-target';
import { decideByLink } from './decide-by-link';
import { expireIntroductions } from './expire-introductions';
import { getIntroduction } from './get-introduction';
import {
  expectNoPrivate,
  findableContact,
  introWorld,
  linkToken,
  mailText,
  type Party,
  SECRET,
} from './intro.test-support';
import { listIntroductions } from './list-introductions';
import { reportIntroductionOutcome } from './report-introduction-outcome';
import { requestIntroduction } from './request-introduction';
import { viewIntroductionLink } from './view-introduction-link';
import { withdrawIntroduction } from './withdraw-introduction';

const WHY = 'I am looking for a guest speaker on supply chain for March';
const DAY = 86_400_000;

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describeEngines('introductions (double opt-in)', (h) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });
  // The sink lives for the whole suite; each test reads only the mail sent since it began.
  let start = 0;
  beforeEach(() => {
    start = sink.received.length;
  });
  const mailTo = (address: string) => sink.to(address, start);
  // Only the items of introductions (other features add theirs, e.g. a new contact to write to).
  const todayKeys = async (p: Party) =>
    (await getToday(p.ctx, { limit: 50 })).items
      .map((i) => i.key)
      .filter((k) => /^(intro|thank-broker|intro-outcome):/.test(k));
  /** The signed link's page and form: no session, but the server's clock and mailer. */
  const visitor = (w: { clock: Party['ctx']['clock'] }) => ({ ...h.ctx(), clock: w.clock, mailer });

  /** Everything an account can read about introductions through the use cases. */
  async function everythingSeenBy(p: Party, id?: string) {
    const seen: unknown[] = [await listIntroductions(p.ctx), await getToday(p.ctx, { limit: 50 })];
    if (id) seen.push(await getIntroduction(p.ctx, id).catch((e: AppError) => e.message));
    seen.push(...mailTo(p.email).map(mailText));
    return seen;
  }

  it('requested → broker-declined: the broker is told (Today, e-mail, access log); the requester learns only "declined"', async () => {
    const w = await introWorld(h, mailer);
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    expect(intro).toMatchObject({
      role: 'requester',
      state: 'requested',
      why: WHY,
      requester: { accountId: w.requester.id, name: 'Rita Requester' },
      broker: { accountId: w.broker.id, name: 'Bruno Broker' },
      target: { name: 'Tara Target', contactId: null },
      message: null,
      privateReason: null,
      reach: null,
      shareOptions: null,
      shared: null,
      expiresAt: '2026-12-09T09:00:00.000Z',
    });

    // The broker: an inbox item with how the person would be asked, a Today item, an e-mail, an access log row.
    const {
      items: [inbox],
    } = await listIntroductions(w.broker.ctx, { role: 'broker' });
    expect(inbox).toMatchObject({
      id: intro.id,
      role: 'broker',
      state: 'requested',
      target: { name: 'Tara Target', contactId: w.target.id },
      reach: { via: 'email', email: SECRET.email, problem: null },
    });
    const today = await getToday(w.broker.ctx);
    expect(today.items[0]).toMatchObject({
      key: `intro:${intro.id}:broker`,
      kind: 'introduction',
      title: 'Rita Requester asks you to introduce them to Tara Target',
      contact: { id: w.target.id, displayName: 'Tara Target' },
    });
    const [brokerMail] = mailTo(w.broker.email);
    expect(brokerMail?.parsed.subject).toBe('Rita Requester asks you for an introduction to Tara Target');
    expect(brokerMail?.parsed.text).toContain(WHY);
    expect(brokerMail?.parsed.text).toContain(`/introductions/${intro.id}`);
    const log = await w.db.selectFrom('access_log').selectAll().where('owner_id', '=', w.broker.id).execute();
    expect(log).toMatchObject([
      {
        actor_id: w.requester.id,
        event: 'intro-request',
        contact_id: w.target.id,
        introduction_id: intro.id,
      },
    ]);

    const reason = 'PRIVATE-REASON-she-is-on-leave';
    const declined = await decideAsBroker(w.broker.ctx, intro.id, { decision: 'decline', reason });
    expect(declined).toMatchObject({ state: 'broker-declined', privateReason: reason });
    expect(await todayKeys(w.broker)).not.toContain(`intro:${intro.id}:broker`);

    // The requester sees "declined" and nothing else: not who, not why.
    const seen = await getIntroduction(w.requester.ctx, intro.id);
    expect(seen).toMatchObject({
      state: 'declined',
      privateReason: null,
      message: null,
      target: { contactId: null },
    });
    const everything = await everythingSeenBy(w.requester, intro.id);
    expectNoPrivate([...everything, ...w.logs]);
    for (const text of [...everything, ...w.logs].map((x) => JSON.stringify(x))) {
      expect(text).not.toContain(reason);
      expect(text).not.toContain('broker-declined');
      expect(text).not.toContain(w.target.id);
    }
    // The requester hears it is not going ahead, never from whom or why.
    expect(mailTo(w.requester.email).map((m) => m.parsed.subject)).toEqual([
      'Your introduction to Tara Target is not going ahead',
    ]);
    const told = mailText(mailTo(w.requester.email)[0] as NonNullable<ReturnType<typeof mailTo>[number]>);
    expect(told).toContain('Rapport does not say who decided or why');
    expect(told).toContain(`/introductions/${intro.id}`);
    expect(told).not.toMatch(/Bruno Broker declined|on leave/);
    // Deciding again is refused.
    expect((await failure(decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' }))).code).toBe(
      'conflict',
    );
  });

  it('requested → awaiting-target → target-declined through the signed link, which then stops working', async () => {
    const w = await introWorld(h, mailer);
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    w.clock.advance(DAY);
    const accepted = await decideAsBroker(w.broker.ctx, intro.id, {
      decision: 'accept',
      message: 'Rita is great, worth a coffee',
    });
    expect(accepted).toMatchObject({ state: 'awaiting-target', message: 'Rita is great, worth a coffee' });
    // The person gets a fresh 14 days from the broker's acceptance.
    expect(accepted.expiresAt).toBe('2026-12-10T09:00:00.000Z');
    // The requester is not told the broker agreed: a "declined" after it would say who declined.
    expect(await getIntroduction(w.requester.ctx, intro.id)).toMatchObject({
      state: 'requested',
      message: null,
    });
    expect((await listIntroductions(w.requester.ctx, { limit: 10 })).items[0]?.state).toBe('requested');

    const [ask] = mailTo(SECRET.email);
    expect(ask?.parsed.subject).toBe('Bruno Broker would like to introduce you to Rita Requester');
    expect(ask?.parsed.text).toContain(WHY);
    expect(ask?.parsed.text).toContain('Rita is great, worth a coffee');
    const token = linkToken(ask as NonNullable<typeof ask>);
    // The link's page shows who, why, through whom and what could be shared (phone masked); reading changes nothing.
    const page = await viewIntroductionLink(visitor(w), token);
    expect(page).toEqual({
      requesterName: 'Rita Requester',
      brokerName: 'Bruno Broker',
      targetName: 'Tara Target',
      why: WHY,
      message: 'Rita is great, worth a coffee',
      offered: false,
      options: [
        { kind: 'email', label: SECRET.email },
        { kind: 'phone', label: '••• 0123' },
        { kind: 'linkedin', label: SECRET.linkedin },
      ],
      expiresAt: '2026-12-10T09:00:00.000Z',
    });
    expect(await viewIntroductionLink(visitor(w), token)).toEqual(page);
    // The stored secret is a hash, never the token.
    const row = await w.db
      .selectFrom('introductions')
      .selectAll()
      .where('id', '=', intro.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);

    expect(await decideByLink(visitor(w), token, { decision: 'decline' })).toEqual({
      decision: 'decline',
      requesterName: 'Rita Requester',
    });
    expect((await failure(viewIntroductionLink(visitor(w), token))).code).toBe('not_found');
    const again = await failure(decideByLink(visitor(w), token, { decision: 'accept', share: ['email'] }));
    expect(again.code).toBe('not_found');
    expect(await getIntroduction(w.broker.ctx, intro.id)).toMatchObject({ state: 'target-declined' });
    expect(await getIntroduction(w.requester.ctx, intro.id)).toMatchObject({
      state: 'declined',
      shared: null,
    });
    // The same words as when the broker declines: the mail does not tell who said no.
    expect(mailTo(w.requester.email).map((m) => m.parsed.subject)).toEqual([
      'Your introduction to Tara Target is not going ahead',
    ]);
    expectNoPrivate([...(await everythingSeenBy(w.requester, intro.id)), ...w.logs]);
  });

  it('→ introduced by link: the three-way e-mail, a new contact with exactly what was shared, interactions, favours, reminders', async () => {
    const w = await introWorld(h, mailer);
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
    const token = linkToken(mailTo(SECRET.email)[0] as NonNullable<ReturnType<typeof mailTo>[number]>);
    w.clock.advance(2 * 3600_000);
    await decideByLink(visitor(w), token, { decision: 'accept', share: ['email', 'linkedin'] });

    const done = await getIntroduction(w.requester.ctx, intro.id);
    expect(done).toMatchObject({
      state: 'introduced',
      shared: { email: SECRET.email, phone: null, linkedinUrl: SECRET.linkedin },
    });
    // The new contact holds exactly the name and what was shared.
    const contact = await getContact(w.requester.ctx, done.target.contactId as string);
    expect(contact).toMatchObject({
      displayName: 'Tara Target',
      howWeMet: 'Introduced by Bruno Broker',
      source: 'introduction',
      organisation: null,
      title: null,
      notes: null,
      phones: [],
      linkedinUrl: SECRET.linkedin,
      customFields: {},
      addresses: [],
    });
    expect(contact.emails.map((e) => e.value)).toEqual([SECRET.email]);
    expect(contact.urls.map((u) => u.value)).toEqual([SECRET.linkedin]);

    // One copy of the introduction to each of the three, each with only what was shared.
    const copies = [mailTo(w.requester.email), mailTo(w.broker.email), mailTo(SECRET.email)].map((ms) =>
      ms.filter((m) => m.parsed.subject?.startsWith('Introduction:')),
    );
    for (const [copy] of copies) {
      expect(copy?.parsed.subject).toBe('Introduction: Rita Requester ↔ Tara Target (by Bruno Broker)');
      expect(copy?.parsed.text).toContain(`E-mail: ${SECRET.email}`);
      expect(copy?.parsed.text).toContain(`LinkedIn: ${SECRET.linkedin}`);
      expect(copy?.parsed.text).toContain(`E-mail: ${w.requester.email}`);
      expect(copy?.parsed.text).toContain(WHY);
    }
    expect(copies.map((c) => c.length)).toEqual([1, 1, 1]);
    // Each copy speaks to its reader: only the requester is told to thank the broker, who is thanked instead.
    const [toRequester, toBroker, toPerson] = copies.map(([m]) => m?.parsed.text ?? '');
    expect(toRequester).toContain(
      'Bruno Broker introduces you to Tara Target, who agreed. You asked because:',
    );
    expect(toRequester).toContain('Rapport will remind you to thank Bruno Broker.');
    expect(toBroker).toContain('You introduced Rita Requester and Tara Target, and both agreed.');
    expect(toBroker).toContain('Thank you for making the introduction.');
    expect(toBroker).not.toMatch(/Bruno Broker introduces|thank the introducer|remind you/);
    expect(toPerson).toContain('Bruno Broker introduces you to Rita Requester, as you agreed.');
    // The person may have no account: Rapport promises them nothing.
    expect(toPerson).not.toMatch(/Rapport|thank/);
    const requesterCopy = copies[0]?.[0];
    expectNoPrivate(
      [mailText(requesterCopy as NonNullable<typeof requesterCopy>)],
      [SECRET.email, SECRET.linkedin],
    );

    // Interactions: the requester on the new contact and on the broker; the broker on the person and the requester.
    const rLog = await listInteractions(w.requester.ctx, {});
    expect(rLog.items).toHaveLength(1);
    expect(rLog.items[0]?.contacts.map((c) => c.id).sort()).toEqual(
      [contact.id, w.brokerOfRequester.id].sort(),
    );
    expect(rLog.items[0]).toMatchObject({ kind: 'email', source: 'introduction' });
    const bLog = await listInteractions(w.broker.ctx, {});
    expect(bLog.items[0]?.contacts.map((c) => c.id).sort()).toEqual(
      [w.target.id, w.requesterOfBroker.id].sort(),
    );
    // The favour: the broker helped the requester, on both sides.
    expect((await listFavours(w.requester.ctx, {})).items).toMatchObject([
      {
        contact: { id: w.brokerOfRequester.id },
        direction: 'received',
        what: 'Introduced me to Tara Target',
        size: 2,
      },
    ]);
    expect((await listFavours(w.broker.ctx, {})).items).toMatchObject([
      {
        contact: { id: w.requesterOfBroker.id },
        direction: 'given',
        what: 'Introduced Rita Requester to Tara Target',
      },
    ]);

    // Today: thank the broker now; a week on, say how it went, until the outcome is in.
    expect(await todayKeys(w.requester)).toContain(`thank-broker:${intro.id}`);
    expect(await todayKeys(w.requester)).not.toContain(`intro-outcome:${intro.id}`);
    const thank = (await getToday(w.requester.ctx, { limit: 50 })).items.find(
      (i) => i.kind === 'thank-broker',
    );
    expect(thank).toMatchObject({
      title: 'Thank Bruno Broker for the introduction to Tara Target',
      contact: { id: w.brokerOfRequester.id },
    });
    await actOnTodayItem(w.requester.ctx, `thank-broker:${intro.id}`, { action: 'done' });
    w.clock.advance(7 * DAY);
    const keys = await todayKeys(w.requester);
    expect(keys).not.toContain(`thank-broker:${intro.id}`);
    expect(keys).toContain(`intro-outcome:${intro.id}`);
    const reported = await reportIntroductionOutcome(w.requester.ctx, intro.id, {
      outcome: 'She speaks in March',
    });
    expect(reported.outcome).toBe('She speaks in March');
    expect(await todayKeys(w.requester)).not.toContain(`intro-outcome:${intro.id}`);
    // Only the requester reports it, only after an introduction.
    expect((await failure(reportIntroductionOutcome(w.broker.ctx, intro.id, { outcome: 'x' }))).code).toBe(
      'not_found',
    );
    expect((await getIntroduction(w.broker.ctx, intro.id)).outcome).toBeNull();

    // The link is spent; the bystander never saw any of it.
    expect((await failure(decideByLink(visitor(w), token, { decision: 'accept' }))).code).toBe('not_found');
    expect(await listIntroductions(w.bystander.ctx)).toEqual({ items: [], nextCursor: null });
    expect((await failure(getIntroduction(w.bystander.ctx, intro.id))).code).toBe('not_found');
    expect(mailTo(w.bystander.email)).toEqual([]);
    // Nothing unshared ever reached the requester.
    expectNoPrivate(
      [...(await everythingSeenBy(w.requester, intro.id)), await getContact(w.requester.ctx, contact.id)],
      [SECRET.email, SECRET.linkedin],
    );
    expectNoPrivate(w.logs);
  });

  it('a person with an account decides in the app: Today, inbox, their own address to share, interactions logged', async () => {
    const w = await introWorld(h, mailer);
    const target = await w.verified(await w.party('Tom Target'));
    const tom = await findableContact(w.broker, {
      displayName: 'Tom (broker notes)',
      emails: [{ value: target.email }],
      phones: [{ value: SECRET.phone }],
      notes: SECRET.notes,
    });
    // Tom knows Rita already (a contact with her verified address).
    await w.verified(w.requester);
    const ritaOfTom = await createContact(
      target.ctx,
      { displayName: 'Rita', emails: [{ value: w.requester.email }] },
      'web',
    );

    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: tom.id,
      why: WHY,
    });
    expect((await getIntroduction(w.broker.ctx, intro.id)).reach).toEqual({
      via: 'account',
      email: null,
      problem: null,
    });
    // Before the broker accepts, Tom sees nothing.
    expect(await listIntroductions(target.ctx)).toEqual({ items: [], nextCursor: null });
    expect((await failure(getIntroduction(target.ctx, intro.id))).code).toBe('not_found');
    expect(await todayKeys(target)).toEqual([]);

    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept', message: 'You two should talk' });
    expect(mailTo(target.email).map((m) => m.parsed.subject)).toEqual([
      'Bruno Broker would like to introduce you to Rita Requester',
    ]);
    expect(mailTo(target.email)[0]?.parsed.text).not.toMatch(/\/intro\//);
    const {
      items: [inbox],
    } = await listIntroductions(target.ctx, { role: 'target' });
    expect(inbox).toMatchObject({
      role: 'target',
      state: 'awaiting-target',
      why: WHY,
      message: 'You two should talk',
      requester: { name: 'Rita Requester' },
      broker: { name: 'Bruno Broker' },
      // Their own name, not the broker's label for them ("Tom (broker notes)").
      target: { name: 'Tom Target', contactId: null },
      purpose: null,
      shareOptions: [
        { kind: 'email', value: target.email },
        { kind: 'phone', value: '••• 0123' },
      ],
    });
    const today = await getToday(target.ctx);
    expect(today.items[0]).toMatchObject({
      key: `intro:${intro.id}:target`,
      title: 'Bruno Broker would like to introduce you to Rita Requester',
    });
    // The person never sees the broker's private facts beyond their own channels.
    expectNoPrivate([inbox, today], [SECRET.phone]);
    expect(JSON.stringify([inbox, today])).not.toContain(SECRET.notes);
    // Only the person decides as the person.
    expect((await failure(decideAsTarget(w.broker.ctx, intro.id, { decision: 'accept' }))).code).toBe(
      'not_found',
    );
    expect((await failure(decideAsTarget(w.requester.ctx, intro.id, { decision: 'accept' }))).code).toBe(
      'not_found',
    );
    expect(
      (await failure(decideAsTarget(target.ctx, intro.id, { decision: 'accept', share: ['linkedin'] })))
        .details.issues,
    ).toEqual([{ path: 'share.0', message: 'there is no linkedin to share' }]);

    const decided = await decideAsTarget(target.ctx, intro.id, { decision: 'accept', share: ['email'] });
    expect(decided).toMatchObject({
      state: 'introduced',
      shared: { email: target.email, phone: null, linkedinUrl: null },
    });
    const done = await getIntroduction(w.requester.ctx, intro.id);
    const contact = await getContact(w.requester.ctx, done.target.contactId as string);
    expect(contact.emails.map((e) => e.value)).toEqual([target.email]);
    expect(contact.phones).toEqual([]);
    // Tom's side: the introduction is logged on his contact for Rita.
    const tomLog = await listInteractions(target.ctx, {});
    expect(tomLog.items.map((i) => i.contacts.map((c) => c.id))).toEqual([[ritaOfTom.id]]);
    expect(mailTo(target.email).filter((m) => m.parsed.subject?.startsWith('Introduction:'))).toHaveLength(1);
    expectNoPrivate(await everythingSeenBy(w.requester, intro.id));
  });

  it('a person with an account may decline; the requester sees "declined"', async () => {
    const w = await introWorld(h, mailer);
    const target = await w.verified(await w.party('Tom Target'));
    const tom = await findableContact(w.broker, { displayName: 'Tom', emails: [{ value: target.email }] });
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: tom.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
    expect(
      (await failure(decideAsTarget(target.ctx, intro.id, { decision: 'decline', share: ['email'] }))).details
        .issues,
    ).toEqual([{ path: 'share', message: 'goes with an accept' }]);
    expect(await decideAsTarget(target.ctx, intro.id, { decision: 'decline' })).toMatchObject({
      state: 'target-declined',
    });
    expect(await getIntroduction(w.requester.ctx, intro.id)).toMatchObject({ state: 'declined' });
    expect(mailTo(w.requester.email).map((m) => m.parsed.subject)).toEqual([
      'Your introduction to Tom is not going ahead',
    ]);
    expect(await todayKeys(target)).toEqual([]);
    expect((await failure(decideAsTarget(target.ctx, intro.id, { decision: 'accept' }))).code).toBe(
      'conflict',
    );
  });

  it('expires after 14 days without a decision (lazily on read, and by housekeeping); a link dies with it', async () => {
    const w = await introWorld(h, mailer);
    const waiting = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    const other = await findableContact(w.broker, {
      displayName: 'Otto Other',
      emails: [{ value: 'otto@example.test' }],
    });
    const linked = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: other.id,
      why: WHY,
    });
    w.clock.advance(10 * DAY);
    await decideAsBroker(w.broker.ctx, linked.id, { decision: 'accept' });
    const token = linkToken(mailTo('otto@example.test')[0] as NonNullable<ReturnType<typeof mailTo>[number]>);

    w.clock.advance(4 * DAY - 1);
    expect((await getIntroduction(w.requester.ctx, waiting.id)).state).toBe('requested');
    expect(await todayKeys(w.broker)).toContain(`intro:${waiting.id}:broker`);
    w.clock.advance(1);
    // Today drops it at once; reading marks it.
    expect(await todayKeys(w.broker)).not.toContain(`intro:${waiting.id}:broker`);
    expect((await getIntroduction(w.requester.ctx, waiting.id)).state).toBe('expired');
    expect((await failure(decideAsBroker(w.broker.ctx, waiting.id, { decision: 'accept' }))).code).toBe(
      'conflict',
    );

    // The person had 14 days from the broker's acceptance; the link works until then, not after.
    expect((await viewIntroductionLink(visitor(w), token)).targetName).toBe('Otto Other');
    w.clock.advance(10 * DAY);
    const late = visitor(w);
    expect((await failure(viewIntroductionLink(late, token))).code).toBe('not_found');
    expect((await failure(decideByLink(late, token, { decision: 'accept' }))).code).toBe('not_found');
    expect((await getIntroduction(w.requester.ctx, linked.id)).state).toBe('expired');

    // Housekeeping expires without anyone reading.
    const third = await findableContact(w.broker, { displayName: 'Thea Third' });
    const unread = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: third.id,
      why: WHY,
    });
    w.clock.advance(15 * DAY);
    expect(await expireIntroductions(late)).toBeGreaterThanOrEqual(1);
    const row = await w.db
      .selectFrom('introductions')
      .select('state')
      .where('id', '=', unread.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('expired');
  });

  it('withdrawn while open: it leaves the broker and the person, and the link stops working', async () => {
    const w = await introWorld(h, mailer);
    const first = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    expect((await withdrawIntroduction(w.requester.ctx, first.id)).state).toBe('withdrawn');
    expect(await todayKeys(w.broker)).not.toContain(`intro:${first.id}:broker`);
    expect((await failure(decideAsBroker(w.broker.ctx, first.id, { decision: 'accept' }))).code).toBe(
      'conflict',
    );
    expect((await failure(withdrawIntroduction(w.requester.ctx, first.id))).code).toBe('conflict');
    expect((await failure(withdrawIntroduction(w.broker.ctx, first.id))).code).toBe('not_found');

    // Withdrawn does not block asking again (here naming only the contact: its owner is the broker).
    const second = await requestIntroduction(w.requester.ctx, { contactId: w.target.id, why: WHY });
    expect(second.broker.accountId).toBe(w.broker.id);
    await decideAsBroker(w.broker.ctx, second.id, { decision: 'accept' });
    const token = linkToken(mailTo(SECRET.email).at(-1) as NonNullable<ReturnType<typeof mailTo>[number]>);
    await withdrawIntroduction(w.requester.ctx, second.id);
    expect((await failure(viewIntroductionLink(visitor(w), token))).code).toBe('not_found');
    expect((await failure(decideByLink(visitor(w), token, { decision: 'accept' }))).code).toBe('not_found');
  });

  it('removing the connection ends the open requests between requester and broker, for every party, either way', async () => {
    const w = await introWorld(h, mailer);
    const target = await w.verified(await w.party('Tom Target'));
    const tom = await findableContact(w.broker, { displayName: 'Tom', emails: [{ value: target.email }] });
    const waiting = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    const asked = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: tom.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, asked.id, { decision: 'accept' });
    // Another broker's request is not theirs to end.
    const other = await w.anotherBroker('Olga Other');
    const olgas = await findableContact(other, {
      displayName: 'Omar',
      emails: [{ value: 'omar@example.org' }],
    });
    const elsewhere = await requestIntroduction(w.requester.ctx, {
      brokerId: other.id,
      contactId: olgas.id,
      why: WHY,
    });
    expect(await todayKeys(w.broker)).toContain(`intro:${waiting.id}:broker`);
    expect(await todayKeys(target)).toEqual([`intro:${asked.id}:target`]);

    const connectionWith = async (p: Party, otherId: string) =>
      (await listConnections(p.ctx, {})).items.find((c) => c.account.id === otherId)?.id as string;
    const pair = await connectionWith(w.broker, w.requester.id);
    // Nobody else may end it (nor learn it exists).
    for (const p of [w.bystander, target, other])
      expect((await failure(endConnectionAs(p.ctx, pair))).code).toBe('not_found');
    expect((await getIntroduction(w.requester.ctx, waiting.id)).state).toBe('requested');

    await endConnectionAs(w.broker.ctx, pair);
    // The requester reads the neutral end (never who ended it), the broker and the person the same.
    for (const id of [waiting.id, asked.id]) {
      expect((await getIntroduction(w.requester.ctx, id)).state).toBe('expired');
      expect((await getIntroduction(w.broker.ctx, id)).state).toBe('expired');
    }
    expect((await getIntroduction(target.ctx, asked.id)).state).toBe('expired');
    expect(await todayKeys(w.broker)).toEqual([]);
    expect(await todayKeys(target)).toEqual([]);
    expect((await failure(decideAsBroker(w.broker.ctx, waiting.id, { decision: 'accept' }))).code).toBe(
      'conflict',
    );
    expect((await failure(decideAsTarget(target.ctx, asked.id, { decision: 'accept' }))).code).toBe(
      'conflict',
    );
    expect((await getIntroduction(w.requester.ctx, elsewhere.id)).state).toBe('requested');
    expect(await todayKeys(other)).toEqual([`intro:${elsewhere.id}:broker`]);

    // The requester removing the other broker ends that one too.
    await endConnectionAs(w.requester.ctx, await connectionWith(w.requester, other.id));
    expect((await getIntroduction(w.requester.ctx, elsewhere.id)).state).toBe('expired');
    expect(await todayKeys(other)).toEqual([]);
    expectNoPrivate(await everythingSeenBy(w.requester));
  });

  it('signed links cannot be forged: random, tampered and malformed tokens all answer the same not_found', async () => {
    const w = await introWorld(h, mailer);
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
    const token = linkToken(mailTo(SECRET.email)[0] as NonNullable<ReturnType<typeof mailTo>[number]>);
    const flip = (c: string) => (c === 'A' ? 'B' : 'A');
    const forged = [
      'A'.repeat(43),
      `${token.slice(0, -1)}${flip(token.slice(-1))}`,
      `${flip(token[0] as string)}${token.slice(1)}`,
      token.slice(0, 42),
      `${token}x`,
      '../../etc/passwd',
      '',
      intro.id,
    ];
    const answers = await Promise.all(
      forged.map(async (t) => {
        const e = await failure(decideByLink(visitor(w), t, { decision: 'accept', share: ['email'] }));
        return [e.code, e.message];
      }),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify(['not_found', 'link not found'])]),
    );
    expect((await getIntroduction(w.broker.ctx, intro.id)).state).toBe('awaiting-target');
    // The real one still works, once.
    await decideByLink(visitor(w), token, { decision: 'accept' });
    expect((await getIntroduction(w.requester.ctx, intro.id)).state).toBe('introduced');
  });

  it('quota: five requests in any seven days, then a clear rate_limited with the next possible time', async () => {
    const w = await introWorld(h, mailer);
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await findableContact(w.broker, { displayName: `Person ${i}` }));
    for (let i = 0; i < 5; i++) {
      await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: people[i]?.id as string,
        why: WHY,
      });
      w.clock.advance(3600_000);
    }
    const over = await failure(
      requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: people[5]?.id as string,
        why: WHY,
      }),
    );
    expect(over.code).toBe('rate_limited');
    expect(over.message).toBe(
      'at most 5 introduction requests in 7 days: you can ask again from 2026-12-02 09:00 UTC',
    );
    expect(over.details).toEqual({ retryAt: '2026-12-02T09:00:00.000Z' });
    w.clock.set('2026-12-02T09:00:00.001Z');
    await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: people[5]?.id as string,
      why: WHY,
    });
  });

  it('no second request about the same person while one is open, nor for 90 days after a decline (through any broker)', async () => {
    const w = await introWorld(h, mailer);
    const first = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    const open = await failure(
      requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: w.target.id, why: WHY }),
    );
    expect([open.code, open.message]).toEqual([
      'conflict',
      'you already have an open introduction request about Tara Target',
    ]);
    await decideAsBroker(w.broker.ctx, first.id, { decision: 'decline' });

    // Another broker knows the same person (same LinkedIn profile): still the same person.
    const b2 = await w.anotherBroker('Beth Broker');
    const sameTara = await findableContact(b2, {
      displayName: 'T. Target',
      urls: [{ value: SECRET.linkedin }],
    });
    const repeat = await failure(
      requestIntroduction(w.requester.ctx, { brokerId: b2.id, contactId: sameTara.id, why: WHY }),
    );
    expect([repeat.code, repeat.message]).toEqual([
      'conflict',
      'an introduction to T. Target was declined recently: you can ask again from 2027-02-23',
    ]);
    w.clock.set('2027-02-23T09:00:00.001Z');
    const later = await requestIntroduction(w.requester.ctx, {
      brokerId: b2.id,
      contactId: sameTara.id,
      why: WHY,
    });
    expect(later.state).toBe('requested');
    // Another requester is not bound by Rita's history.
    const other = await w.party('Otis Requester');
    await seedConnection(w.db, other.id, w.broker.id);
    expect(
      (await requestIntroduction(other.ctx, { brokerId: w.broker.id, contactId: w.target.id, why: WHY }))
        .state,
    ).toBe('requested');
  });

  it('refused alike as not_found: a non-connection, an unfindable or unknown or trashed contact, a removed connection', async () => {
    const w = await introWorld(h, mailer);
    const hidden = await createContact(
      w.broker.ctx,
      { displayName: 'Hidden Person', emails: [{ value: SECRET.email }] },
      'web',
    );
    const trashed = await findableContact(w.broker, { displayName: 'Trashed Person' });
    await deleteContact(w.broker.ctx, trashed.id);
    const stranger = await w.party('Stan Stranger');
    const strangerContact = await findableContact(stranger, { displayName: 'Known By Stranger' });
    const attempts = [
      { brokerId: w.broker.id, contactId: hidden.id },
      { brokerId: w.broker.id, contactId: trashed.id },
      { brokerId: w.broker.id, contactId: '01900000-0000-7000-8000-000000000000' },
      { brokerId: w.broker.id, contactId: w.brokerOfRequester.id },
      { brokerId: stranger.id, contactId: strangerContact.id },
      { brokerId: w.requester.id, contactId: w.brokerOfRequester.id },
      { brokerId: w.bystander.id, contactId: w.target.id },
      // Without a broker, the contact's owner is the broker: still a connection's findable contact, or nothing.
      { contactId: hidden.id },
      { contactId: strangerContact.id },
      { contactId: '01900000-0000-7000-8000-000000000000' },
    ];
    const errors = [];
    for (const a of attempts)
      errors.push(await failure(requestIntroduction(w.requester.ctx, { ...a, why: WHY })));
    expect(new Set(errors.map((e) => JSON.stringify([e.code, e.message, e.details])))).toEqual(
      new Set([
        JSON.stringify(['not_found', "person not found among your connections' findable contacts", {}]),
      ]),
    );
    // A bystander asking about the broker's findable contact: not a connection, so the same.
    const b = await failure(
      requestIntroduction(w.bystander.ctx, { brokerId: w.broker.id, contactId: w.target.id, why: WHY }),
    );
    expect(b.message).toBe("person not found among your connections' findable contacts");
    await removeConnection(w.db, w.requester.id, w.broker.id);
    const removed = await failure(
      requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: w.target.id, why: WHY }),
    );
    expect(removed.code).toBe('not_found');
    expect(
      await w.db.selectFrom('access_log').selectAll().where('owner_id', '=', w.broker.id).execute(),
    ).toEqual([]);
    expectNoPrivate(errors.map((e) => e.message));
  });

  it('the broker is told before accepting when the person cannot be asked: no address, or no mail server', async () => {
    const w = await introWorld(h, mailer);
    const noEmail = await findableContact(w.broker, {
      displayName: 'Nora No-Email',
      phones: [{ value: SECRET.phone }],
    });
    const a = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: noEmail.id,
      why: WHY,
    });
    const seen = await getIntroduction(w.broker.ctx, a.id);
    expect(seen.reach).toEqual({
      via: 'none',
      email: null,
      problem:
        'you have no e-mail address for Nora No-Email, so they cannot be asked: add one to the contact, or decline',
    });
    const refused = await failure(decideAsBroker(w.broker.ctx, a.id, { decision: 'accept' }));
    expect([refused.code, refused.message]).toEqual(['conflict', seen.reach?.problem]);
    // Without a mail server (gone since the request was made) an address is not enough either.
    const b = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    const brokerNoMail = { ...w.broker.ctx, mailer: null };
    expect((await getIntroduction(brokerNoMail, b.id)).reach?.problem).toBe(
      'this server cannot send e-mail (SMTP_URL is not set), so Tara Target cannot be asked by e-mail',
    );
    expect((await failure(decideAsBroker(brokerNoMail, b.id, { decision: 'accept' }))).code).toBe('conflict');
    expect((await getIntroduction(brokerNoMail, b.id)).state).toBe('requested');
    // A private reason goes with a decline only; a message with an accept only.
    expect(
      (await failure(decideAsBroker(brokerNoMail, b.id, { decision: 'accept', reason: 'x' }))).details
        .issues?.[0]?.path,
    ).toBe('reason');
    await decideAsBroker(brokerNoMail, b.id, { decision: 'decline' });
  });

  it('when the e-mail with the link cannot be sent, the acceptance is undone and can be retried', async () => {
    const w = await introWorld(h, mailer);
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    sink.refuse({ code: 451, message: 'Mailbox busy, try later' });
    try {
      const e = await failure(decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept', message: 'hi' }));
      expect(e.code).toBe('internal');
      expect(e.message).toBe(
        'the e-mail to the person could not be sent, so nothing changed: try again in a while',
      );
    } finally {
      sink.refuse(null);
    }
    const back = await getIntroduction(w.broker.ctx, intro.id);
    expect(back).toMatchObject({ state: 'requested', message: null, expiresAt: intro.expiresAt });
    expect(mailTo(SECRET.email)).toEqual([]);
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
    expect(mailTo(SECRET.email)).toHaveLength(1);
    expectNoPrivate(w.logs.filter((l) => !l.includes('broker decided')));
  });

  it('validates input with field names; a purpose must be the requester’s own and only they see it', async () => {
    const w = await introWorld(h, mailer);
    const short = await failure(
      requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: w.target.id, why: 'hi' }),
    );
    expect(short.details.issues).toEqual([
      { path: 'why', message: 'say in a sentence or two why (at least 10 characters)' },
    ]);
    const long = await failure(
      requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: w.target.id,
        why: 'x'.repeat(2001),
      }),
    );
    expect(long.details.issues?.[0]?.path).toBe('why');
    const theirs = await failure(
      requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: w.target.id,
        why: WHY,
        purposeId: '01900000-0000-7000-8000-000000000000',
      }),
    );
    expect(theirs.details.issues).toEqual([{ path: 'purposeId', message: 'is not one of your purposes' }]);
    const now = '2026-11-25T09:00:00.000Z';
    const purposeId = w.requester.ctx.ids.next();
    await w.db
      .insertInto('purposes')
      .values({
        id: purposeId,
        owner_id: w.requester.id,
        name: 'Speakers for March',
        name_norm: 'speakers for march',
        description: null,
        target_count: null,
        deadline: null,
        stages: '[]',
        cadence_days: null,
        follow_up_days: null,
        archived_at: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
      purposeId,
    });
    expect(intro.purpose).toEqual({ id: purposeId, name: 'Speakers for March' });
    expect((await getIntroduction(w.broker.ctx, intro.id)).purpose).toBeNull();
    expect(JSON.stringify(await listIntroductions(w.broker.ctx))).not.toContain('Speakers for March');
  });

  it('lists a page at a time, newest first with ties by id: every introduction once, in every role', async () => {
    const w = await introWorld(h, mailer);
    const ask = (name: string) =>
      findableContact(w.broker, {
        displayName: name,
        emails: [{ value: `${name.toLowerCase()}@example.test` }],
      }).then((c) =>
        requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: c.id, why: WHY }),
      );
    // Five introductions of the requester's: four as requester, one as broker; three made in the same instant.
    await ask('Olive');
    w.clock.advance(60_000);
    await ask('Pat');
    await ask('Quinn');
    const mine = await findableContact(w.requester, {
      displayName: 'Rhea',
      emails: [{ value: 'rhea@example.test' }],
    });
    await requestIntroduction(w.broker.ctx, { brokerId: w.requester.id, contactId: mine.id, why: WHY });
    w.clock.advance(60_000);
    await ask('Sam');

    const whole = (await listIntroductions(w.requester.ctx)).items;
    expect(whole).toHaveLength(5);
    const newestFirst = [...whole].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    );
    expect(whole.map((i) => i.id)).toEqual(newestFirst.map((i) => i.id));
    expect(whole.map((i) => i.role).sort()).toEqual([
      'broker',
      'requester',
      'requester',
      'requester',
      'requester',
    ]);

    /** Follows the cursors with pages of two; returns the ids read and how many pages it took. */
    const walk = async (p: Party, query: { role?: 'requester' | 'broker' | 'target' } = {}) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listIntroductions(p.ctx, { ...query, limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        if (page.nextCursor) expect(page.items).toHaveLength(2);
        ids.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      return { ids, pages };
    };
    // The tie of three is split across pages, and none is read twice or skipped.
    expect(await walk(w.requester)).toEqual({ ids: whole.map((i) => i.id), pages: 3 });
    // Four as requester: the second page is the last, though it is full.
    expect(await walk(w.requester, { role: 'requester' })).toEqual({
      ids: whole.filter((i) => i.role === 'requester').map((i) => i.id),
      pages: 2,
    });

    // A cursor is only good for the list it came from: someone else's reads their own rows only.
    const first = await listIntroductions(w.requester.ctx, { limit: 2 });
    expect(await listIntroductions(w.bystander.ctx, { cursor: first.nextCursor ?? undefined })).toEqual({
      items: [],
      nextCursor: null,
    });
    const made = Buffer.from(JSON.stringify({ at: '9999-12-31', id: 'z' })).toString('base64url');
    expect(await listIntroductions(w.bystander.ctx, { cursor: made })).toEqual({
      items: [],
      nextCursor: null,
    });

    for (const cursor of ['not-a-cursor', Buffer.from('{"at":"2026-11-25"}').toString('base64url')]) {
      const e = await failure(listIntroductions(w.requester.ctx, { cursor }));
      expect([e.code, e.details.issues]).toEqual([
        'validation',
        [{ path: 'cursor', message: expect.any(String) }],
      ]);
    }
  });
});
