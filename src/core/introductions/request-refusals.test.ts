import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { seedConnection } from '../../../test/network';
import { refused } from '../../../test/refused';
import { getToday } from '../agenda/get-today';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { decideAsBroker } from './decide-as-broker';
import { getIntroduction } from './get-introduction';
import { expectNoPrivate, findableContact, introWorld, type Party, SECRET } from './intro.test-support';
import { listIntroductions } from './list-introductions';
import { requestIntroduction } from './request-introduction';

const WHY = 'I am looking for a guest speaker on supply chain for March';
const NO_MAIL = (name: string) =>
  `${name} cannot be asked for an introduction on this server: it cannot send e-mail, so only people with an account here can be introduced`;

describeEngines('introduction requests that cannot work, or are not needed', (h) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });
  let start = 0;
  beforeEach(() => {
    start = sink.received.length;
  });
  const mailTo = (address: string) => sink.to(address, start);
  const todayKeys = async (p: Party) =>
    (await getToday(p.ctx, { limit: 50 })).items.map((i) => i.key).filter((k) => k.startsWith('intro'));
  const rowsOf = (w: Awaited<ReturnType<typeof introWorld>>) =>
    w.db
      .selectFrom('introductions')
      .select(['id', 'state'])
      .where('requester_id', '=', w.requester.id)
      .execute();
  const accessLogOf = (p: Party) =>
    p.ctx.db.selectFrom('access_log').select('event').where('owner_id', '=', p.id).execute();
  /** The requester's view of the world without a mail server (same accounts, same clock). */
  const noMail = (p: Party): Party => ({ ...p, ctx: { ...p.ctx, mailer: null } });

  it('without a mail server, a person with no account is refused up front: no row, no quota spent, nothing for the broker', async () => {
    const w = await introWorld(h, null);
    const nora = await findableContact(w.broker, {
      displayName: 'Nora No-Email',
      phones: [{ value: SECRET.phone }],
    });
    // The same answer whether or not the broker has an address for them (what the record holds stays private).
    const refusals = [
      await refused(
        requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: w.target.id, why: WHY }),
        'conflict',
      ),
      await refused(
        requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: nora.id, why: WHY }),
        'conflict',
      ),
    ];
    expect(refusals.map((e) => [e.code, e.message])).toEqual([
      ['conflict', NO_MAIL('Tara Target')],
      ['conflict', NO_MAIL('Nora No-Email')],
    ]);
    expectNoPrivate(refusals.map((e) => [e.message, e.details]));
    expect(await rowsOf(w)).toEqual([]);
    // The broker: nothing to decide, nothing in the access log.
    expect(await listIntroductions(w.broker.ctx)).toEqual({ items: [], nextCursor: null });
    expect(await todayKeys(w.broker)).toEqual([]);
    expect(await accessLogOf(w.broker)).toEqual([]);
    // Not-found rules come first: an unfindable contact is refused as before, whatever the mail.
    const hidden = await createContact(
      w.broker.ctx,
      { displayName: 'Hidden', emails: [{ value: 'h@example.org' }] },
      'web',
    );
    const e = await refused(
      requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: hidden.id, why: WHY }),
      'not_found',
    );
    expect([e.code, e.message]).toEqual([
      'not_found',
      "person not found among your connections' findable contacts",
    ]);
    // Refusals cost nothing: five requests about people with accounts still go through this week.
    for (let n = 0; n < 5; n++) {
      const person = await w.verified(await w.party(`Person ${n}`));
      const c = await findableContact(w.broker, {
        displayName: `Person ${n}`,
        emails: [{ value: person.email }],
      });
      const intro = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: c.id,
        why: WHY,
      });
      expect(intro.state).toBe('requested');
      // …and the broker can accept each: the person is asked in the app.
      expect((await getIntroduction(w.broker.ctx, intro.id)).reach).toEqual({
        via: 'account',
        email: null,
        problem: null,
      });
    }
  });

  it('a broker declining a person who cannot be asked starts no 90-day block; a real decline does', async () => {
    const w = await introWorld(h, mailer);
    const nora = await findableContact(w.broker, {
      displayName: 'Nora No-Email',
      phones: [{ value: SECRET.phone }],
    });
    const first = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: nora.id,
      why: WHY,
    });
    expect((await getIntroduction(w.broker.ctx, first.id)).reach?.problem).toBe(
      'you have no e-mail address for Nora No-Email, so they cannot be asked: add one to the contact, or decline',
    );
    expect(await decideAsBroker(w.broker.ctx, first.id, { decision: 'decline' })).toMatchObject({
      state: 'broker-declined',
    });
    // The requester reads "declined" as always (not who, not why), and may ask again at once.
    const seen = await getIntroduction(w.requester.ctx, first.id);
    expect(seen.state).toBe('declined');
    expect(JSON.stringify(await listIntroductions(w.requester.ctx))).not.toMatch(
      /unreachable|broker-declined/,
    );
    const again = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: nora.id,
      why: WHY,
    });
    expect(again.state).toBe('requested');
    expect(await todayKeys(w.broker)).toEqual([`intro:${again.id}:broker`]);

    // The mail server went away after the request: declining what cannot be sent blocks nothing either.
    const tara = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    const brokerNoMail = noMail(w.broker);
    expect((await getIntroduction(brokerNoMail.ctx, tara.id)).reach?.problem).toBe(
      'this server cannot send e-mail (SMTP_URL is not set), so Tara Target cannot be asked by e-mail',
    );
    await decideAsBroker(brokerNoMail.ctx, tara.id, { decision: 'decline' });
    const taraAgain = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    // Declining someone who could be asked is a choice: that blocks, as it always did.
    await decideAsBroker(w.broker.ctx, taraAgain.id, { decision: 'decline', reason: 'she is on leave' });
    expect(
      (
        await refused(
          requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: w.target.id, why: WHY }),
          'conflict',
        )
      ).message,
    ).toBe('an introduction to Tara Target was declined recently: you can ask again from 2027-02-23');

    // A contact the broker put in the trash cannot be asked either.
    const otto = await findableContact(w.broker, {
      displayName: 'Otto',
      emails: [{ value: 'otto@example.org' }],
    });
    const ottoIntro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: otto.id,
      why: WHY,
    });
    await deleteContact(w.broker.ctx, otto.id);
    await decideAsBroker(w.broker.ctx, ottoIntro.id, { decision: 'decline' });
    const rows = await w.db
      .selectFrom('introductions')
      .select(['id', 'decline_cause'])
      .where('broker_id', '=', w.broker.id)
      .execute();
    expect(new Map(rows.map((r) => [r.id, r.decline_cause]))).toEqual(
      new Map([
        [first.id, 'unreachable'],
        [again.id, null],
        [tara.id, 'unreachable'],
        [taraAgain.id, null],
        [ottoIntro.id, 'unreachable'],
      ]),
    );
    // Each decline sent with a mail server tells the requester it is not going ahead, in the same words whatever
    // the cause: never that the person could not be asked, nor the broker's reason.
    const told = mailTo(w.requester.email);
    expect(told.map((m) => m.parsed.subject)).toEqual([
      'Your introduction to Nora No-Email is not going ahead',
      'Your introduction to Tara Target is not going ahead',
      'Your introduction to Otto is not going ahead',
    ]);
    for (const m of told)
      expect(m.parsed.text).not.toMatch(/e-mail address for|trash|on leave|cannot be asked/);
  });

  it('no introduction to someone I am connected to already: refused with a clear conflict, by address or by the broker’s link', async () => {
    const w = await introWorld(h, mailer);
    const cole = await w.verified(await w.party('Cole Tran'));
    const dora = await w.party('Dora Direct');
    await seedConnection(w.db, w.requester.id, cole.id);
    await seedConnection(w.db, w.requester.id, dora.id);
    // Bruno knows Cole by his verified address; Dora (no verified address) as the contact his connection links.
    const coleOfBruno = await findableContact(w.broker, {
      displayName: 'Cole Tran',
      organisation: 'Heliogen',
      emails: [{ value: cole.email }],
    });
    const doraOfBruno = await findableContact(w.broker, { displayName: 'Dora D.' });
    await seedConnection(w.db, w.broker.id, dora.id, { aContact: doraOfBruno.id });
    const refusals = [
      await refused(
        requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: coleOfBruno.id, why: WHY }),
        'conflict',
      ),
      await refused(
        requestIntroduction(w.requester.ctx, { contactId: doraOfBruno.id, why: WHY }),
        'conflict',
      ),
    ];
    expect(refusals.map((e) => [e.code, e.message])).toEqual([
      ['conflict', 'you are already connected to Cole Tran: write to them directly'],
      ['conflict', 'you are already connected to Dora Direct: write to them directly'],
    ]);
    // Nothing was asked, logged or counted; neither the broker nor the person sees anything.
    expect(await rowsOf(w)).toEqual([]);
    expect(await accessLogOf(w.broker)).toEqual([]);
    for (const p of [w.broker, cole, dora]) {
      expect(await listIntroductions(p.ctx)).toEqual({ items: [], nextCursor: null });
      expect(await todayKeys(p)).toEqual([]);
    }
    // Someone else, not connected to Cole, may still ask Bruno about him.
    const other = await w.party('Otis Other');
    await seedConnection(w.db, other.id, w.broker.id);
    expect(
      (await requestIntroduction(other.ctx, { brokerId: w.broker.id, contactId: coleOfBruno.id, why: WHY }))
        .state,
    ).toBe('requested');
    // The broker's contact for the requester herself: "is you", as before.
    await w.verified(w.requester);
    const ritaOfBruno = await findableContact(w.broker, {
      displayName: 'Rita',
      emails: [{ value: w.requester.email }],
    });
    const me = await refused(
      requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: ritaOfBruno.id, why: WHY }),
      'validation',
    );
    expect(me.details.issues).toEqual([{ path: 'contactId', message: 'is you' }]);
  });

  it('no introduction to the broker themselves: their own address on a findable contact is their connection (ADR 29)', async () => {
    const w = await introWorld(h, mailer);
    await w.verified(w.broker);
    const brunoAtWork = await findableContact(w.broker, {
      displayName: 'Bruno (work me)',
      organisation: 'Acme Logistics',
      emails: [{ value: w.broker.email }],
    });
    const e = await refused(
      requestIntroduction(w.requester.ctx, { brokerId: w.broker.id, contactId: brunoAtWork.id, why: WHY }),
      'conflict',
    );
    expect(e.message).toBe('you are already connected to Bruno Broker: write to them directly');
    expect(await rowsOf(w)).toEqual([]);
    expect(await accessLogOf(w.broker)).toEqual([]);
    expect(mailTo(w.broker.email)).toEqual([]);
  });
});
