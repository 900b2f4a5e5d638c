import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { removeConnection, seedConnection } from '../../../test/network';
import { actOnTodayItem } from '../agenda/act-on-today-item';
import { getToday } from '../agenda/get-today';
import { createContact } from '../contacts/create-contact';
import { AppError } from '../errors';
import { listFavours } from '../favours/list-favours';
import { decideByLink } from '../introductions/decide-by-link';
import { getIntroduction } from '../introductions/get-introduction';
import {
  expectNoPrivate,
  introWorld,
  linkToken,
  type Party,
  SECRET,
} from '../introductions/intro.test-support';
import { listIntroductions } from '../introductions/list-introductions';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { updateProfile } from '../profile/update-profile';
import { answerAsk } from './answer-ask';
import { closeAsk } from './close-ask';
import { deleteAsk } from './delete-ask';
import { expireAsks } from './expire-asks';
import { getAsk } from './get-ask';
import { listAsks } from './list-asks';
import { postAsk } from './post-ask';

const DAY = 86_400_000;

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describeEngines('asks', (h) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  let start = 0;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });
  beforeEach(() => {
    start = sink.received.length;
  });
  const mailTo = (address: string) => sink.to(address, start);
  const askKeys = async (p: Party) =>
    (await getToday(p.ctx, { limit: 50 })).items.map((i) => i.key).filter((k) => k.startsWith('ask:'));

  /** The requester of introWorld posts asks; the broker is their connection; the bystander is not. */
  const world = (m: Mailer | null = mailer) => introWorld(h, m);

  it('only connections see an ask (list, get, Today); removing the connection hides it at once', async () => {
    const w = await world();
    const ask = await postAsk(w.requester.ctx, {
      title: 'A guest speaker on supply chain for March',
      body: 'Half an hour, students of logistics',
    });
    expect(ask).toMatchObject({
      mine: true,
      owner: { accountId: w.requester.id, name: 'Rita Requester' },
      state: 'open',
      expiresOn: '2026-12-25',
      answers: [],
      answerCount: 0,
    });

    const {
      items: [seen],
    } = await listAsks(w.broker.ctx);
    expect(seen).toMatchObject({ id: ask.id, mine: false, title: ask.title, purpose: null, thanks: null });
    expect(await getAsk(w.broker.ctx, ask.id)).toEqual({ ...seen, offering: [] });
    expect(await askKeys(w.broker)).toEqual([`ask:${ask.id}`]);
    const item = (await getToday(w.broker.ctx, { limit: 50 })).items.find((i) => i.kind === 'ask');
    expect(item).toMatchObject({
      title: 'Rita Requester asks: A guest speaker on supply chain for March',
      action: { kind: 'answer-ask' },
    });
    // My own ask is not on my board of connections' asks, nor my Today.
    expect(await listAsks(w.requester.ctx)).toEqual({ items: [], nextCursor: null });
    expect(await askKeys(w.requester)).toEqual([]);

    // A non-connection sees nothing, exactly like an unknown id.
    expect(await listAsks(w.bystander.ctx)).toEqual({ items: [], nextCursor: null });
    expect(await askKeys(w.bystander)).toEqual([]);
    const hidden = await failure(getAsk(w.bystander.ctx, ask.id));
    const unknown = await failure(getAsk(w.bystander.ctx, '01900000-0000-7000-8000-000000000000'));
    expect([hidden.code, hidden.message]).toEqual([unknown.code, unknown.message]);
    expect(hidden.code).toBe('not_found');
    expect((await failure(answerAsk(w.bystander.ctx, ask.id, { kind: 'help', note: 'me!' }))).code).toBe(
      'not_found',
    );
    expect((await failure(closeAsk(w.broker.ctx, ask.id, {}))).code).toBe('not_found');
    expect((await failure(deleteAsk(w.broker.ctx, ask.id))).code).toBe('not_found');

    await removeConnection(w.db, w.requester.id, w.broker.id);
    expect(await listAsks(w.broker.ctx)).toEqual({ items: [], nextCursor: null });
    expect(await askKeys(w.broker)).toEqual([]);
    expect((await failure(getAsk(w.broker.ctx, ask.id))).code).toBe('not_found');
    expect((await failure(answerAsk(w.broker.ctx, ask.id, { kind: 'help', note: 'still me' }))).code).toBe(
      'not_found',
    );
  });

  it('answers: the asker sees all of them, each answerer only their own; answering takes it off their Today', async () => {
    const w = await world();
    const other = await w.party('Olga Other');
    await seedConnection(w.db, w.requester.id, other.id);
    const ask = await postAsk(w.requester.ctx, { title: 'Someone who knows customs brokers in Rotterdam' });
    await answerAsk(w.broker.ctx, ask.id, { kind: 'help', note: 'I worked with two, happy to chat' });
    const olga = await answerAsk(other.ctx, ask.id, {
      kind: 'help',
      note: 'OLGA-ANSWER: my cousin does this',
    });
    expect(olga.answers.map((a) => a.note)).toEqual(['OLGA-ANSWER: my cousin does this']);
    expect(olga.answerCount).toBe(1);

    const mine = await getAsk(w.requester.ctx, ask.id);
    expect(mine.answers.map((a) => [a.responder.name, a.kind, a.note])).toEqual([
      ['Bruno Broker', 'help', 'I worked with two, happy to chat'],
      ['Olga Other', 'help', 'OLGA-ANSWER: my cousin does this'],
    ]);
    expect(mine.answerCount).toBe(2);
    const brunoView = await getAsk(w.broker.ctx, ask.id);
    expect(brunoView.answers.map((a) => a.responder.name)).toEqual(['Bruno Broker']);
    expect(JSON.stringify(await listAsks(w.broker.ctx))).not.toContain('OLGA-ANSWER');
    expect(await askKeys(w.broker)).toEqual([]);
    // Own asks cannot be answered; an empty "help" names the field.
    expect((await failure(answerAsk(w.requester.ctx, ask.id, { kind: 'help', note: 'x' }))).code).toBe(
      'conflict',
    );
    expect(
      (await failure(answerAsk(w.broker.ctx, ask.id, { kind: 'help', note: ' ' }))).details.issues,
    ).toEqual([{ path: 'note', message: 'say how you can help' }]);
  });

  it('the same offer sent twice (a double click, a retry) is stored and mailed once; a different note is another', async () => {
    const w = await world();
    const ask = await postAsk(w.requester.ctx, { title: 'A reader for my grant proposal' });
    await answerAsk(w.broker.ctx, ask.id, { kind: 'help', note: 'Happy to read it' });
    const again = await answerAsk(w.broker.ctx, ask.id, { kind: 'help', note: 'Happy to read it' });
    expect(again.answers.map((a) => a.note)).toEqual(['Happy to read it']);
    expect(mailTo(w.requester.email)).toHaveLength(1);
    const more = await answerAsk(w.broker.ctx, ask.id, { kind: 'help', note: 'And I know a funder' });
    expect(more.answers.map((a) => a.note)).toEqual(['Happy to read it', 'And I know a funder']);
    expect((await getAsk(w.requester.ctx, ask.id)).answerCount).toBe(2);
  });

  it('shows its owner, while open, the connections whose shown offers fit the ask', async () => {
    const w = await world();
    const other = await w.party('Olga Other');
    await seedConnection(w.db, w.requester.id, other.id);
    await updateProfile(other.ctx, { offers: ['Customs paperwork', 'Dutch translation'], showOffers: true });
    await updateProfile(w.broker.ctx, { offers: ['Customs audits'], showOffers: false });
    const ask = await postAsk(w.requester.ctx, {
      title: 'Someone who knows customs brokers in Rotterdam',
      body: 'For a shipment of paperwork-heavy goods',
    });
    expect((await getAsk(w.requester.ctx, ask.id)).offering).toEqual([
      { accountId: other.id, name: 'Olga Other', headline: null, offers: ['Customs paperwork'] },
    ]);
    // Not to the connections who see it, and not once closed.
    expect((await getAsk(other.ctx, ask.id)).offering).toEqual([]);
    await closeAsk(w.requester.ctx, ask.id, {});
    expect((await getAsk(w.requester.ctx, ask.id)).offering).toEqual([]);
  });

  it('"I can introduce you to…" starts an introduction with the answerer as broker, already accepted', async () => {
    const w = await world();
    const ask = await postAsk(w.requester.ctx, { title: 'A guest speaker on supply chain for March' });
    // Any contact of the broker's will do, findable or not: the broker chooses to offer it.
    const answered = await answerAsk(w.broker.ctx, ask.id, {
      kind: 'introduce',
      contactId: w.target.id,
      note: 'Tara would be perfect',
      message: 'Rita runs the logistics course I told you about',
    });
    const [answer] = answered.answers;
    expect(answer).toMatchObject({
      kind: 'introduce',
      introduction: { targetName: 'Tara Target', state: 'awaiting-target' },
    });
    const introId = answer?.introduction?.id as string;
    const intro = await getIntroduction(w.requester.ctx, introId);
    expect(intro).toMatchObject({
      role: 'requester',
      state: 'requested',
      fromAsk: true,
      why: 'A guest speaker on supply chain for March',
      broker: { accountId: w.broker.id },
      target: { name: 'Tara Target', contactId: null },
    });
    // The broker is not asked to decide (they offered it); the person got the signed link at once.
    expect(
      (await getToday(w.broker.ctx, { limit: 50 })).items.filter((i) => i.kind === 'introduction'),
    ).toEqual([]);
    const [mail] = mailTo(SECRET.email);
    expect(mail?.parsed.text).toContain('Rita runs the logistics course I told you about');
    // Offers do not count against the asker's weekly request quota.
    expect((await listIntroductions(w.requester.ctx, { role: 'requester' })).items.length).toBe(1);

    await decideByLink({ ...h.ctx(), clock: w.clock, mailer }, linkToken(mail as NonNullable<typeof mail>), {
      decision: 'accept',
      share: ['phone'],
    });
    const mineNow = await getAsk(w.requester.ctx, ask.id);
    expect(mineNow.answers[0]?.introduction?.state).toBe('introduced');
    expect((await getIntroduction(w.requester.ctx, introId)).shared).toEqual({
      email: null,
      phone: SECRET.phone,
      linkedinUrl: null,
    });
    // The asker never saw anything unshared about the person.
    expectNoPrivate([mineNow, await listIntroductions(w.requester.ctx)], [SECRET.phone]);

    // A contact that is not the answerer's is refused by field.
    const theirs = await failure(
      answerAsk(w.broker.ctx, ask.id, { kind: 'introduce', contactId: w.brokerOfRequester.id }),
    );
    expect(theirs.details.issues).toEqual([{ path: 'contactId', message: 'is not one of your contacts' }]);
  });

  it('an offer of someone the asker is connected to (or of the answerer) is refused, saying no more (ADR 29)', async () => {
    const w = await world();
    const ask = await postAsk(w.requester.ctx, { title: 'A guest speaker on supply chain for March' });
    // Carl is the asker's connection and the broker's: once by a verified address, once by the connection's link.
    const carl = await w.verified(await w.anotherBroker('Carl Connection'));
    const byAddress = await createContact(
      w.broker.ctx,
      { displayName: 'Carl C.', emails: [{ value: carl.email }] },
      'web',
    );
    const linked = await createContact(w.broker.ctx, { displayName: 'Carl (the linked one)' }, 'web');
    await seedConnection(w.db, w.broker.id, carl.id, { aContact: linked.id });
    for (const contactId of [byAddress.id, linked.id]) {
      const e = await failure(answerAsk(w.broker.ctx, ask.id, { kind: 'introduce', contactId }));
      // The answerer learns nothing of whom the asker is connected to: the words of a "no" that still stands.
      expect([e.code, e.message]).toEqual([
        'conflict',
        `an introduction to ${contactId === linked.id ? 'Carl' : 'Carl C.'} cannot be offered to Rita Requester now`,
      ]);
    }
    // The answerer themselves, by their own address on a contact: that is no introduction either.
    await w.verified(w.broker);
    const self = await createContact(
      w.broker.ctx,
      { displayName: 'Me at work', emails: [{ value: w.broker.email }] },
      'web',
    );
    const e = await failure(answerAsk(w.broker.ctx, ask.id, { kind: 'introduce', contactId: self.id }));
    expect(e.details.issues).toEqual([{ path: 'contactId', message: 'is you' }]);
    expect((await getAsk(w.requester.ctx, ask.id)).answers).toEqual([]);
    for (const p of [w.requester, w.broker, carl]) {
      expect(await listIntroductions(p.ctx)).toEqual({ items: [], nextCursor: null });
    }
    expect(mailTo(carl.email)).toEqual([]);
    expect(mailTo(w.broker.email)).toEqual([]);
    expect(mailTo(w.requester.email)).toEqual([]);
  });

  it('an offer the person cannot receive is refused before anything is stored', async () => {
    const w = await world(null);
    const ask = await postAsk(w.requester.ctx, { title: 'A guest speaker on supply chain for March' });
    const e = await failure(answerAsk(w.broker.ctx, ask.id, { kind: 'introduce', contactId: w.target.id }));
    expect([e.code, e.message]).toEqual([
      'conflict',
      'this server cannot send e-mail (SMTP_URL is not set), so Tara Target cannot be asked by e-mail',
    ]);
    expect((await getAsk(w.requester.ctx, ask.id)).answers).toEqual([]);
    expect(await listIntroductions(w.requester.ctx)).toEqual({ items: [], nextCursor: null });
  });

  it('closing with thanks records a favour received from each person thanked, and mails the thank-you', async () => {
    const w = await world();
    const other = await w.party('Olga Other');
    const gone = await w.party('Quinn Gone');
    await seedConnection(w.db, w.requester.id, other.id);
    await seedConnection(w.db, w.requester.id, gone.id);
    const ask = await postAsk(w.requester.ctx, { title: 'Feedback on my course outline' });
    const a1 = (await answerAsk(w.broker.ctx, ask.id, { kind: 'help', note: 'Send it over' })).answers[0];
    const a2 = (await answerAsk(other.ctx, ask.id, { kind: 'help', note: 'Me too' })).answers[0];
    const a3 = (await answerAsk(gone.ctx, ask.id, { kind: 'help', note: 'And me' })).answers[0];
    // Rita hears of each offer by e-mail, and each waits on her Today until she takes it up or closes the ask.
    const [offerMail] = mailTo(w.requester.email);
    expect(offerMail?.parsed.subject).toBe('Bruno Broker can help with your ask');
    expect(offerMail?.parsed.text).toContain('Send it over');
    expect(offerMail?.parsed.text).toContain(`/asks/${ask.id}`);
    const offers = async () =>
      (await getToday(w.requester.ctx, { limit: 50 })).items.filter((i) => i.key.startsWith('ask-offer:'));
    // Offered the same minute: ties keep a stable order (Today breaks them by key).
    expect((await offers()).map((i) => [i.key, i.title, i.reason, i.action.kind])).toEqual([
      [
        `ask-offer:${ask.id}:${a1?.id}`,
        'Bruno Broker can help with your ask: Feedback on my course outline',
        'they wrote: “Send it over”',
        'open-ask',
      ],
      [
        `ask-offer:${ask.id}:${a2?.id}`,
        'Olga Other can help with your ask: Feedback on my course outline',
        'they wrote: “Me too”',
        'open-ask',
      ],
      [
        `ask-offer:${ask.id}:${a3?.id}`,
        'Quinn Gone can help with your ask: Feedback on my course outline',
        'they wrote: “And me”',
        'open-ask',
      ],
    ]);
    // The helpers' own lists do not carry Rita's offers.
    expect(
      (await getToday(w.broker.ctx, { limit: 50 })).items.filter((i) => i.key.startsWith('ask-offer:')),
    ).toEqual([]);
    await actOnTodayItem(w.requester.ctx, `ask-offer:${ask.id}:${a3?.id}`, { action: 'done' });
    expect(await offers()).toHaveLength(2);
    await removeConnection(w.db, w.requester.id, gone.id);
    const bad = await failure(closeAsk(w.requester.ctx, ask.id, { thank: ['nope'] }));
    expect(bad.details.issues).toEqual([{ path: 'thank.0', message: 'is not an answer to this ask' }]);

    const closed = await closeAsk(w.requester.ctx, ask.id, {
      thank: [a1?.id as string, a2?.id as string, a3?.id as string],
      thanks: 'Thank you all, it is much better now',
    });
    expect(closed.ask).toMatchObject({ state: 'closed', thanks: 'Thank you all, it is much better now' });
    // Bruno has a contact in Rita's rolodex; Olga, a connection, gets one (as a message would); Quinn is no longer
    // a connection and matches no contact, so no favour could be recorded for him.
    expect(closed.favoursSkipped).toEqual([{ accountId: gone.id, name: 'Quinn Gone' }]);
    const favours = (await listFavours(w.requester.ctx)).items;
    expect(favours.map((f) => [f.contact.displayName, f.direction, f.what, f.source]).sort()).toEqual([
      ['Bruno Broker', 'received', 'Helped with my ask: Feedback on my course outline', 'ask'],
      ['Olga Other', 'received', 'Helped with my ask: Feedback on my course outline', 'ask'],
    ]);
    expect(favours.find((f) => f.contact.displayName === 'Bruno Broker')?.contact.id).toBe(
      w.brokerOfRequester.id,
    );
    // The helpers' ledgers show the favour given, on the contact that stands for Rita; Quinn, no longer
    // connected and with no contact for her, gets none.
    for (const p of [w.broker, other]) {
      expect(
        (await listFavours(p.ctx)).items.map((f) => [f.contact.displayName, f.direction, f.what, f.source]),
      ).toEqual([
        [
          'Rita Requester',
          'given',
          'Helped Rita Requester with their ask: Feedback on my course outline',
          'ask',
        ],
      ]);
    }
    expect((await listFavours(gone.ctx)).items).toEqual([]);
    // Closed: nothing waits on Rita any more.
    expect(await offers()).toEqual([]);
    for (const p of [w.broker, other, gone]) {
      const [m] = mailTo(p.email);
      expect(m?.parsed.subject).toBe('Rita Requester thanks you');
      expect(m?.parsed.text).toContain('Thank you all, it is much better now');
    }
    // Closed: gone from the board; closing again is refused.
    expect(await listAsks(w.broker.ctx)).toEqual({ items: [], nextCursor: null });
    expect((await failure(getAsk(w.broker.ctx, ask.id))).code).toBe('not_found');
    expect((await failure(closeAsk(w.requester.ctx, ask.id, {}))).code).toBe('conflict');
    expect((await listAsks(w.requester.ctx, { from: 'mine' })).items.map((a) => a.state)).toEqual(['closed']);
  });

  it('expires: default 30 days, at most 90; then gone from connections, and housekeeping marks it', async () => {
    const w = await world(null);
    const short = await postAsk(w.requester.ctx, { title: 'Quick one: a venue in Leeds', days: 3 });
    expect(short.expiresOn).toBe('2026-11-28');
    const tooLong = await failure(postAsk(w.requester.ctx, { title: 'Too long an ask', days: 91 }));
    expect(tooLong.details.issues?.[0]?.path).toBe('days');
    w.clock.advance(3 * DAY);
    expect(await askKeys(w.broker)).toEqual([`ask:${short.id}`]);
    w.clock.advance(DAY);
    expect(await askKeys(w.broker)).toEqual([]);
    expect(await listAsks(w.broker.ctx)).toEqual({ items: [], nextCursor: null });
    expect((await failure(answerAsk(w.broker.ctx, short.id, { kind: 'help', note: 'late' }))).code).toBe(
      'not_found',
    );
    expect((await getAsk(w.requester.ctx, short.id)).state).toBe('expired');
    w.clock.advance(DAY);
    expect(await expireAsks(w.requester.ctx)).toBeGreaterThanOrEqual(1);
    const row = await w.db
      .selectFrom('asks')
      .select('state')
      .where('id', '=', short.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('expired');
    // The owner may still close an expired ask.
    expect((await closeAsk(w.requester.ctx, short.id, {})).ask.state).toBe('closed');
  });

  it('counts every open ask against the five, however many closed asks are newer', async () => {
    const w = await world(null);
    const old = await postAsk(w.requester.ctx, { title: 'An old need', days: 90 });
    w.clock.advance(60_000);
    const closed = Array.from({ length: 250 }, (_, i) => {
      const at = new Date(Date.parse('2026-11-25T10:00:00.000Z') + i * 1000).toISOString();
      return {
        id: w.requester.ctx.ids.next(),
        owner_id: w.requester.id,
        purpose_id: null,
        title: `Closed need ${i}`,
        body: null,
        state: 'closed',
        expires_on: '2027-01-01',
        closed_at: at,
        thanks: null,
        created_at: at,
        updated_at: at,
      };
    });
    await w.db.insertInto('asks').values(closed).execute();
    for (let i = 0; i < 4; i++) await postAsk(w.requester.ctx, { title: `Need number ${i}` });
    const sixth = await failure(postAsk(w.requester.ctx, { title: 'One more' }));
    expect(sixth.code).toBe('conflict');
    await closeAsk(w.requester.ctx, old.id, {});
    expect((await postAsk(w.requester.ctx, { title: 'Now there is room' })).state).toBe('open');
  });

  it('Today shows a few asks, newest first; five open asks at most; a purpose stays with its owner; delete', async () => {
    const w = await world(null);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await postAsk(w.requester.ctx, { title: `Need number ${i}` })).id);
      w.clock.advance(60_000);
    }
    expect(await askKeys(w.broker)).toEqual(
      ids
        .slice(2)
        .reverse()
        .map((id) => `ask:${id}`),
    );
    const sixth = await failure(postAsk(w.requester.ctx, { title: 'One more' }));
    expect([sixth.code, sixth.message]).toEqual(['conflict', 'at most 5 open asks at once: close one first']);
    await deleteAsk(w.requester.ctx, ids[0] as string);
    expect((await failure(getAsk(w.requester.ctx, ids[0] as string))).code).toBe('not_found');

    const purposeId = w.requester.ctx.ids.next();
    const now = '2026-11-25T09:00:00.000Z';
    await w.db
      .insertInto('purposes')
      .values({
        id: purposeId,
        owner_id: w.requester.id,
        name: 'PURPOSE-PRIVATE speakers',
        name_norm: 'purpose-private speakers',
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
    const tied = await postAsk(w.requester.ctx, { title: 'Speakers, again', purposeId });
    expect(tied.purpose).toEqual({ id: purposeId, name: 'PURPOSE-PRIVATE speakers' });
    expect(JSON.stringify([await listAsks(w.broker.ctx), await getAsk(w.broker.ctx, tied.id)])).not.toContain(
      'PURPOSE-PRIVATE',
    );
    const stranger = await failure(postAsk(w.broker.ctx, { title: 'Using her purpose', purposeId }));
    expect(stranger.details.issues).toEqual([{ path: 'purposeId', message: 'is not one of your purposes' }]);
  });

  it('lists a page at a time, newest first with ties by id: the board and my own asks, every ask once', async () => {
    const w = await world(null);
    const other = await w.party('Olga Other');
    await seedConnection(w.db, w.broker.id, other.id);
    const post = (p: Party, title: string) => postAsk(p.ctx, { title });
    // Five asks on the broker's board, from two connections; three posted in the same instant.
    await post(w.requester, 'Rita: a venue in Leeds');
    w.clock.advance(60_000);
    await post(w.requester, 'Rita: a printer');
    await post(other, 'Olga: a lawyer');
    await post(w.requester, 'Rita: a translator');
    w.clock.advance(60_000);
    await post(other, 'Olga: a driver');

    /** Follows the cursors with pages of two; returns the titles read and how many pages it took. */
    const walk = async (p: Party, from: 'mine' | 'connections') => {
      const titles: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listAsks(p.ctx, { from, limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        if (page.nextCursor) expect(page.items).toHaveLength(2);
        titles.push(...page.items.map((a) => a.title));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      return { titles, pages };
    };
    const board = (await listAsks(w.broker.ctx)).items;
    expect(board).toHaveLength(5);
    const newestFirst = [...board].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    );
    expect(board.map((a) => a.id)).toEqual(newestFirst.map((a) => a.id));
    expect(board[0]?.title).toBe('Olga: a driver');
    expect(board[4]?.title).toBe('Rita: a venue in Leeds');
    expect(await walk(w.broker, 'connections')).toEqual({ titles: board.map((a) => a.title), pages: 3 });

    // Mine, in every state (the newest closed), two of them posted in the same instant.
    const mine = (await listAsks(w.requester.ctx, { from: 'mine' })).items;
    await closeAsk(w.requester.ctx, mine[0]?.id as string, {});
    const whole = (await listAsks(w.requester.ctx, { from: 'mine' })).items;
    expect(whole.map((a) => a.state)).toEqual(['closed', 'open', 'open']);
    expect(await walk(w.requester, 'mine')).toEqual({ titles: whole.map((a) => a.title), pages: 2 });

    // Another account's cursor reads only that account's own asks.
    const first = await listAsks(w.broker.ctx, { limit: 2 });
    expect(await listAsks(w.bystander.ctx, { cursor: first.nextCursor ?? undefined })).toEqual({
      items: [],
      nextCursor: null,
    });
    const made = Buffer.from(JSON.stringify({ at: '9999-12-31', id: 'z' })).toString('base64url');
    expect(await listAsks(w.bystander.ctx, { from: 'mine', cursor: made })).toEqual({
      items: [],
      nextCursor: null,
    });

    for (const cursor of ['not-a-cursor', Buffer.from('{"id":"x"}').toString('base64url')]) {
      for (const from of ['mine', 'connections'] as const) {
        const e = await failure(listAsks(w.requester.ctx, { from, cursor }));
        expect([e.code, e.details.issues]).toEqual([
          'validation',
          [{ path: 'cursor', message: expect.any(String) }],
        ]);
      }
    }
  });
});
