import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { answerAsk } from '../asks/answer-ask';
import { postAsk } from '../asks/post-ask';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { decideAsBroker } from './decide-as-broker';
import { decideAsTarget } from './decide-as-target';
import { decideByLink } from './decide-by-link';
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
import { requestIntroduction } from './request-introduction';
import { introName } from './target';
import { viewIntroductionLink } from './view-introduction-link';

const WHY = 'WHY-h6: I am looking for a guest speaker on supply chain for March';

/** Every party's mail of a whole introduction, read as each of them: who hears what when it ends or starts. */
describeEngines('introduction mails, party by party', (h) => {
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
  const only = (address: string) => {
    const mails = mailTo(address);
    expect(mails.map((m) => m.parsed.subject)).toHaveLength(1);
    return mails[0] as NonNullable<(typeof mails)[number]>;
  };
  const visitor = (w: { clock: Party['ctx']['clock'] }) => ({ ...h.ctx(), clock: w.clock, mailer });

  it('the person declines by link: the requester hears "not going ahead", the broker who asked them hears too', async () => {
    const w = await introWorld(h, mailer);
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept', message: 'MESSAGE-h6' });
    const token = linkToken(only(SECRET.email));
    start = sink.received.length;
    await decideByLink(visitor(w), token, { decision: 'decline' });

    const toBroker = only(w.broker.email);
    expect(toBroker.parsed.subject).toBe('Tara Target is not taking up the introduction to Rita Requester');
    expect(toBroker.parsed.text).toContain(
      'Tara Target has decided not to take up the introduction to Rita Requester that you passed on.',
    );
    expect(toBroker.parsed.text).toContain('is told only that it is not going ahead, not by whom');
    expect(toBroker.parsed.text).toContain(`/introductions/${intro.id}`);
    // No blame in it, and nothing of the requester's beyond their name.
    expect(mailText(toBroker)).not.toMatch(/\b(refused|rejected|turned (you|them) down)\b/i);
    expect(mailText(toBroker)).not.toContain(w.requester.email);

    const toRequester = only(w.requester.email);
    expect(toRequester.parsed.subject).toBe('Your introduction to Tara Target is not going ahead');
    expect(toRequester.parsed.text).toContain(
      'The introduction to Tara Target that you asked Bruno Broker for is not going ahead.',
    );
    expect(mailText(toRequester)).not.toContain('decided not to');
    expectNoPrivate([mailText(toRequester)]);
    // The person who declined is not mailed about their own choice.
    expect(mailTo(SECRET.email)).toEqual([]);
    expect(sink.received.length - start).toBe(2);
  });

  it('the person with an account declines in the app: the broker hears as well', async () => {
    const w = await introWorld(h, mailer);
    const target = await w.verified(await w.party('Tom Target'));
    const tom = await findableContact(w.broker, { displayName: 'Tom', emails: [{ value: target.email }] });
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: tom.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
    start = sink.received.length;
    await decideAsTarget(target.ctx, intro.id, { decision: 'decline' });

    expect(only(w.broker.email).parsed.subject).toBe(
      'Tom is not taking up the introduction to Rita Requester',
    );
    expect(only(w.requester.email).parsed.subject).toBe('Your introduction to Tom is not going ahead');
    expect(mailTo(target.email)).toEqual([]);
  });

  it('the broker declines: only the requester hears (the broker needs no mail about their own choice)', async () => {
    const w = await introWorld(h, mailer);
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    start = sink.received.length;
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'decline', reason: 'REASON-h6' });
    expect(only(w.requester.email).parsed.subject).toBe(
      'Your introduction to Tara Target is not going ahead',
    );
    expect(mailTo(w.broker.email)).toEqual([]);
    expect(mailTo(SECRET.email)).toEqual([]);
    expect(mailText(only(w.requester.email))).not.toContain('REASON-h6');
  });

  it('offered on an ask: the asker is told who offers whom; a decline then says "offered", to asker and broker', async () => {
    const w = await introWorld(h, mailer);
    const ask = await postAsk(w.requester.ctx, {
      title: 'A guest speaker on supply chain for March',
      body: 'BODY-h6: forty minutes, remote is fine',
    });
    start = sink.received.length;
    await answerAsk(w.broker.ctx, ask.id, {
      kind: 'introduce',
      contactId: w.target.id,
      message: 'MESSAGE-h6 for Tara only',
    });
    const [intro] = (await listIntroductions(w.requester.ctx, { role: 'requester' })).items;
    if (!intro) throw new Error('no introduction');

    const offer = only(w.requester.email);
    expect(offer.parsed.subject).toBe('Bruno Broker offers to introduce you to Tara Target');
    expect(offer.parsed.text).toContain(
      'Bruno Broker saw your ask and offers to introduce you to Tara Target.',
    );
    expect(offer.parsed.text).toContain('A guest speaker on supply chain for March');
    expect(offer.parsed.text).toContain('who has until 2026-12-09 to decide');
    expect(offer.parsed.text).toContain(`/introductions/${intro.id}`);
    // Nothing about the person but the name, and not the broker's note to them.
    expectNoPrivate([mailText(offer)]);
    expect(mailText(offer)).not.toContain('MESSAGE-h6');
    // The person is asked as before; the broker, who offered, gets no mail about it.
    const token = linkToken(only(SECRET.email));
    expect(mailTo(w.broker.email)).toEqual([]);

    start = sink.received.length;
    await decideByLink(visitor(w), token, { decision: 'decline' });
    const declined = only(w.requester.email);
    expect(declined.parsed.text).toContain(
      'The introduction to Tara Target that Bruno Broker offered is not going ahead.',
    );
    expect(declined.parsed.text).not.toContain('you asked');
    expect(only(w.broker.email).parsed.text).toContain(
      'the introduction to Rita Requester that you offered.',
    );
  });

  it('offered on an ask and accepted: each copy of the introduction says it was offered, and speaks to its reader', async () => {
    const w = await introWorld(h, mailer);
    const ask = await postAsk(w.requester.ctx, { title: 'A guest speaker on supply chain for March' });
    await answerAsk(w.broker.ctx, ask.id, { kind: 'introduce', contactId: w.target.id });
    const asked = only(SECRET.email);
    // The person knows before deciding who hears of a no.
    expect(asked.parsed.text).toContain(
      'If you decline, they only learn that it is not happening; Bruno Broker, who asked you, hears that you said no.',
    );
    start = sink.received.length;
    await decideByLink(visitor(w), linkToken(asked), { decision: 'accept', share: [] });
    const [toRequester, toBroker, toPerson] = [w.requester.email, w.broker.email, SECRET.email].map(
      (a) => only(a).parsed.text ?? '',
    );
    expect(toRequester).toContain(
      'Bruno Broker introduces you to Tara Target, who agreed. Bruno Broker offered it on your ask:',
    );
    expect(toRequester).toContain(
      'Tara Target chose to share no contact details, and has yours to write first.',
    );
    expect(toBroker).toContain(
      "You introduced Rita Requester and Tara Target, and both agreed. You offered it on Rita Requester's ask:",
    );
    expect(toBroker).toContain(
      "Tara Target chose to share no contact details, and has Rita Requester's to write first.",
    );
    expect(toPerson).toContain(
      'Bruno Broker introduces you to Rita Requester, as you agreed. What Rita Requester is looking for:',
    );
    expect(toPerson).toContain('You shared no contact details: Rita Requester waits for you to write first.');
    // Nobody is told that the requester "asked" for a person they never named.
    for (const text of [toRequester, toBroker, toPerson]) expect(text).not.toContain('asked because');
  });

  it('an offer whose link mail cannot go out is undone, and the asker hears nothing of it', async () => {
    const dead = smtpTestMailer(1); // nothing listens on port 1
    const w = await introWorld(h, mailer);
    const ask = await postAsk(w.requester.ctx, { title: 'A guest speaker on supply chain for March' });
    start = sink.received.length;
    await expect(
      answerAsk({ ...w.broker.ctx, mailer: dead }, ask.id, { kind: 'introduce', contactId: w.target.id }),
    ).rejects.toThrow(/could not be sent/);
    expect(mailTo(w.requester.email)).toEqual([]);
  });

  describe('the name the person is greeted by, and the requester reads', () => {
    it('is the person’s name, never the broker’s private label for them', async () => {
      const w = await introWorld(h, mailer);
      const labelled = await findableContact(w.broker, {
        displayName: 'Tommy (met at conf, owes me one)',
        givenName: 'Thomas',
        familyName: 'Baker',
        emails: [{ value: 'thomas.baker.h6@example.test' }],
      });
      const intro = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: labelled.id,
        why: WHY,
      });
      expect(intro.target.name).toBe('Thomas Baker');
      await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
      const ask = only('thomas.baker.h6@example.test');
      expect(ask.parsed.text).toMatch(/^Hello Thomas Baker,/);
      const token = linkToken(ask);
      expect((await viewIntroductionLink(visitor(w), token)).targetName).toBe('Thomas Baker');
      await decideByLink(visitor(w), token, { decision: 'accept', share: ['email'] });

      const requesterSees = [
        await getIntroduction(w.requester.ctx, intro.id),
        await listIntroductions(w.requester.ctx),
        ...mailTo(w.requester.email).map(mailText),
      ];
      const everyone = [...requesterSees, ...mailTo('thomas.baker.h6@example.test').map(mailText)];
      for (const seen of everyone) {
        const text = typeof seen === 'string' ? seen : JSON.stringify(seen);
        expect(text).not.toContain('met at conf');
        expect(text).not.toContain('Tommy');
      }
      const own = mailTo('thomas.baker.h6@example.test').at(-1)?.parsed.text ?? '';
      expect(own).toContain('What you shared with Rita Requester:\nE-mail: thomas.baker.h6@example.test');
      expect(own).not.toContain('How to reach Thomas Baker');
      const greeting = mailTo('thomas.baker.h6@example.test').map((m) => m.parsed.text?.split('\n')[0]);
      expect(greeting).toEqual(['Hello Thomas Baker,', 'Hello Thomas Baker,']);
    });

    it('without given or family names, is the display name without its bracketed asides', () => {
      const name = (
        display_name: string,
        given_name: string | null = null,
        family_name: string | null = null,
      ) => introName({ display_name, given_name, family_name });
      expect(name('Tom (met at conf)')).toBe('Tom');
      expect(name('Sam Ortiz [ask about the lawsuit]')).toBe('Sam Ortiz');
      expect(name('Ana {PyCon} Lima')).toBe('Ana Lima');
      expect(name('(no name yet)')).toBe('(no name yet)');
      expect(name('Tara Target')).toBe('Tara Target');
      expect(name('Tommy (conf)', ' Thomas ', null)).toBe('Thomas');
      expect(name('Dr No', null, 'No')).toBe('No');
    });
  });
});
