import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { deleteAccountAsOperator } from '../accounts/delete-account';
import { answerAsk } from '../asks/answer-ask';
import { postAsk } from '../asks/post-ask';
import * as m0036 from '../db/migrations/0036-introduction-lapse-told';
import * as m0038 from '../db/migrations/0038-introduction-lapse-indexes';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { listConnections } from '../network/list-connections';
import { removeConnection } from '../network/remove-connection';
import { decideAsBroker } from './decide-as-broker';
import { expireIntroductions } from './expire-introductions';
import { getIntroduction } from './get-introduction';
import {
  expectNoPrivate,
  findableContact,
  introWorld,
  linkToken,
  mailText,
  SECRET,
} from './intro.test-support';
import { listIntroductions } from './list-introductions';
import { requestIntroduction } from './request-introduction';
import { viewIntroductionLink } from './view-introduction-link';
import { withdrawIntroduction } from './withdraw-introduction';

const WHY = 'WHY-x7q: I am looking for a guest speaker on supply chain for March';
const DAY = 86_400_000;

// A database of this file's own: housekeeping mails every account's lapses, so another file's housekeeping on the
// shared PostgreSQL could otherwise claim (and mail elsewhere) the lapses these tests wait for.
describeEngines(
  'who hears of a withdrawn or lapsed introduction',
  (h) => {
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
      expect(mails).toHaveLength(1);
      return mails[0] as NonNullable<(typeof mails)[number]>;
    };
    const housekeeping = (w: { clock: ReturnType<typeof h.ctx>['clock'] }) =>
      expireIntroductions({ ...h.ctx(), clock: w.clock, mailer });

    it('withdrawn before the broker answered: only the broker hears, and the person asked nothing', async () => {
      const w = await introWorld(h, mailer);
      const intro = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: w.target.id,
        why: WHY,
      });
      start = sink.received.length; // the request mail to the broker is not what this test is about
      await withdrawIntroduction(w.requester.ctx, intro.id);

      const mail = only(w.broker.email);
      expect(mail.parsed.subject).toBe('Rita Requester withdrew the introduction request for Tara Target');
      expect(mail.parsed.text).toContain('so you need not answer it');
      expect(mail.parsed.text).toContain(`/introductions/${intro.id}`);
      // The person was never shown the request: nothing reaches them, nor the requester who withdrew it.
      expect(mailTo(SECRET.email)).toEqual([]);
      expect(mailTo(w.requester.email)).toEqual([]);
      expect(sink.received.length - start).toBe(1);
      // Nothing of the requester's beyond their name (not their address, not the why it no longer needs).
      expect(mailText(mail)).not.toContain(w.requester.email);
      expect(mailText(mail)).not.toContain('WHY-x7q');
    });

    it('withdrawn while it waits on a person asked by link: the broker and the person hear, nothing private', async () => {
      const w = await introWorld(h, mailer);
      const intro = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: w.target.id,
        why: WHY,
      });
      await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept', message: 'MESSAGE-x7q' });
      const token = linkToken(only(SECRET.email));
      start = sink.received.length;
      await withdrawIntroduction(w.requester.ctx, intro.id);

      const toBroker = only(w.broker.email);
      expect(toBroker.parsed.text).toContain('You had accepted and Tara Target was asked');
      const toPerson = only(SECRET.email);
      expect(toPerson.parsed.subject).toBe(
        'No answer needed: Rita Requester withdrew the introduction request',
      );
      expect(toPerson.parsed.text).toContain(
        'Rita Requester has withdrawn the request for an introduction to you that Bruno Broker passed on',
      );
      expect(toPerson.parsed.text).toContain('The link in the earlier e-mail no longer works');
      // No way into anything: neither the dead link nor an account page the person does not have.
      expect(mailText(toPerson)).not.toContain(token);
      expect(mailText(toPerson)).not.toContain('/introductions/');
      expect(mailTo(w.requester.email)).toEqual([]);
      expect(sink.received.length - start).toBe(2);
      for (const m of [toBroker, toPerson]) {
        const text = mailText(m);
        for (const other of [w.requester.email, w.broker.email, 'WHY-x7q', 'MESSAGE-x7q'])
          if (!m.envelope.rcptTo.some((r) => r.address === other)) expect(text).not.toContain(other);
      }
      // The person's copy holds their own address (in To) and nothing else the broker keeps about them.
      expectNoPrivate([mailText(toPerson)], [SECRET.email]);
      expectNoPrivate([mailText(toBroker)]);
    });

    it('withdrawn while it waits on a person with an account: they hear in their own mailbox, with their page', async () => {
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
      await withdrawIntroduction(w.requester.ctx, intro.id);

      const toPerson = only(target.email);
      expect(toPerson.parsed.text).toContain('Hello Tom Target,');
      expect(toPerson.parsed.text).toContain(`/introductions/${intro.id}`);
      expect(only(w.broker.email).parsed.text).toContain('You had accepted and Tom was asked');
      expect(mailTo(w.requester.email)).toEqual([]);
      for (const other of [w.requester.email, w.broker.email, 'WHY-x7q'])
        expect(mailText(toPerson)).not.toContain(other);
      // What the mail links to still opens for them, and reads withdrawn.
      expect((await getIntroduction(target.ctx, intro.id)).state).toBe('withdrawn');
    });

    it('lapsed: the requester hears once, in the same words at either step; the broker and the person hear nothing', async () => {
      const w = await introWorld(h, mailer);
      const atBroker = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: w.target.id,
        why: WHY,
      });
      const otto = await findableContact(w.broker, {
        displayName: 'Otto Other',
        emails: [{ value: 'otto.x7q@example.test' }],
      });
      const atPerson = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: otto.id,
        why: WHY,
      });
      await decideAsBroker(w.broker.ctx, atPerson.id, { decision: 'accept' });
      w.clock.advance(14 * DAY);
      start = sink.received.length;
      // Read lazily first (marked expired, not yet told): the mail comes with housekeeping, once.
      expect((await getIntroduction(w.requester.ctx, atBroker.id)).state).toBe('expired');
      expect(sink.received.length - start).toBe(0);
      await housekeeping(w);
      await housekeeping(w);

      const lapsed = mailTo(w.requester.email);
      expect(lapsed).toHaveLength(2);
      const words = (id: string, name: string) => {
        const m = lapsed.find((l) => l.parsed.text?.includes(id));
        expect(m).toBeDefined();
        return {
          subject: m?.parsed.subject?.replace(name, 'X'),
          text: m?.parsed.text?.replace(name, 'X').replace(id, 'ID'),
        };
      };
      const one = words(atBroker.id, 'Tara Target');
      expect(one.subject).toBe('Your introduction to X has lapsed');
      expect(one.text).toContain(
        'The introduction to X that you asked Bruno Broker for was not settled in time',
      );
      // Which step it lapsed at is not told: the two mails differ in the name only.
      expect(words(atPerson.id, 'Otto Other')).toEqual(one);
      expect(mailTo(w.broker.email)).toEqual([]);
      expect(mailTo(SECRET.email)).toEqual([]);
      expect(mailTo('otto.x7q@example.test')).toEqual([]);
      expect(sink.received.length - start).toBe(2);
      expectNoPrivate(lapsed.map(mailText));
      for (const m of lapsed) expect(mailText(m)).not.toContain(w.broker.email);
    });

    it('ended with the connection: nobody is mailed (that would tell of the removal); a deleted person: the requester hears', async () => {
      const w = await introWorld(h, mailer);
      const target = await w.verified(await w.party('Tom Target'));
      const tom = await findableContact(w.broker, { displayName: 'Tom', emails: [{ value: target.email }] });
      const viaTom = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: tom.id,
        why: WHY,
      });
      await decideAsBroker(w.broker.ctx, viaTom.id, { decision: 'accept' });
      w.clock.advance(3600_000);
      await deleteAccountAsOperator({ ...h.ctx(), clock: w.clock }, target.email, { confirmed: true });
      start = sink.received.length;
      await housekeeping(w);
      expect(only(w.requester.email).parsed.subject).toBe('Your introduction to Tom has lapsed');

      const other = await w.anotherBroker('Olga Other');
      const omar = await findableContact(other, {
        displayName: 'Omar',
        emails: [{ value: 'omar@example.org' }],
      });
      const viaOlga = await requestIntroduction(w.requester.ctx, {
        brokerId: other.id,
        contactId: omar.id,
        why: WHY,
      });
      const pair = (await listConnections(other.ctx, {})).items.find((c) => c.account.id === w.requester.id);
      await removeConnection(other.ctx, pair?.id as string);
      expect((await getIntroduction(w.requester.ctx, viaOlga.id)).state).toBe('expired');
      start = sink.received.length;
      await housekeeping(w);
      w.clock.advance(15 * DAY);
      await housekeeping(w);
      expect(sink.received.length - start).toBe(0);
    });

    it('an introduction offered on an ask never tells the person the requester asked for them (mail, link page)', async () => {
      const w = await introWorld(h, mailer);
      const target = await w.verified(await w.party('Tom Target'));
      const tom = await findableContact(w.broker, { displayName: 'Tom', emails: [{ value: target.email }] });
      const ask = await postAsk(w.requester.ctx, { title: 'A guest speaker on supply chain for March' });
      await answerAsk(w.broker.ctx, ask.id, { kind: 'introduce', contactId: w.target.id, note: 'Tara!' });
      await answerAsk(w.broker.ctx, ask.id, { kind: 'introduce', contactId: tom.id, note: 'Tom!' });
      const offered = 'Rita Requester asked their connections for help, and Bruno Broker thought of you.';
      const byLink = only(SECRET.email);
      const inApp = only(target.email);
      for (const m of [byLink, inApp]) {
        expect(m.parsed.text).toContain(offered);
        expect(m.parsed.text).not.toContain('asked Bruno Broker for an introduction to you');
      }
      const page = await viewIntroductionLink({ ...h.ctx(), clock: w.clock, mailer }, linkToken(byLink));
      expect(page.offered).toBe(true);
      // Withdrawn, the broker reads what they did: offered it (they were never asked to accept anything).
      const [toTara] = (await listIntroductions(w.requester.ctx, { status: 'open' })).items.filter(
        (i) => i.target.name === 'Tara Target',
      );
      start = sink.received.length;
      await withdrawIntroduction(w.requester.ctx, toTara?.id as string);
      expect(only(w.broker.email).parsed.text).toContain('You had offered it and Tara Target was asked');
      expect(only(SECRET.email).parsed.subject).toBe(
        'No answer needed: Rita Requester withdrew the introduction request',
      );
      start = sink.received.length;

      // Asked for by name: the words say so.
      const named = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: (
          await findableContact(w.broker, { displayName: 'Otto', emails: [{ value: 'otto.o@example.test' }] })
        ).id,
        why: WHY,
      });
      await decideAsBroker(w.broker.ctx, named.id, { decision: 'accept' });
      const asked = only('otto.o@example.test');
      expect(asked.parsed.text).toContain(
        'Rita Requester asked Bruno Broker for an introduction to you. Why:',
      );
      expect(
        (await viewIntroductionLink({ ...h.ctx(), clock: w.clock, mailer }, linkToken(asked))).offered,
      ).toBe(false);
    });

    it('migration 0036 ends requests left waiting on a deleted account, mails only their requesters, and no old news', async () => {
      const w = await introWorld(h, mailer);
      const target = await w.verified(await w.party('Tom Target'));
      const tom = await findableContact(w.broker, { displayName: 'Tom', emails: [{ value: target.email }] });
      const orphan = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: tom.id,
        why: WHY,
      });
      await decideAsBroker(w.broker.ctx, orphan.id, { decision: 'accept' });
      const byLink = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: w.target.id,
        why: WHY,
      });
      await decideAsBroker(w.broker.ctx, byLink.id, { decision: 'accept' });
      const otto = await findableContact(w.broker, {
        displayName: 'Otto',
        emails: [{ value: 'otto@example.test' }],
      });
      const waiting = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: otto.id,
        why: WHY,
      });
      const thea = await findableContact(w.broker, {
        displayName: 'Thea',
        emails: [{ value: 'thea@example.test' }],
      });
      const oldLapse = await requestIntroduction(w.requester.ctx, {
        brokerId: w.broker.id,
        contactId: thea.id,
        why: WHY,
      });
      await h
        .handle()
        .db.updateTable('introductions')
        .set({ state: 'expired', closed_at: w.clock.now().toISOString() })
        .where('id', '=', oldLapse.id)
        .execute();

      // As the code before stored them: no column, and the deleted person's row only blanked by the cascade. (The
      // later indexes on the column go first, as migrating down would take them.)
      await m0038.down(h.handle().db);
      await m0036.down(h.handle().db);
      await h
        .handle()
        .db.updateTable('introductions')
        .set({ target_account_id: null })
        .where('id', '=', orphan.id)
        .execute();
      expect((await getIntroduction(w.requester.ctx, orphan.id)).state).toBe('requested');
      await m0036.up(h.handle().db);
      await m0038.up(h.handle().db);

      expect((await getIntroduction(w.requester.ctx, orphan.id)).state).toBe('expired');
      expect((await getIntroduction(w.broker.ctx, orphan.id)).state).toBe('expired');
      // A link still out, and a request still with the broker, are left as they were.
      expect((await getIntroduction(w.requester.ctx, byLink.id)).state).toBe('requested');
      expect((await getIntroduction(w.broker.ctx, byLink.id)).state).toBe('awaiting-target');
      expect((await getIntroduction(w.broker.ctx, waiting.id)).state).toBe('requested');

      start = sink.received.length;
      await housekeeping(w);
      const told = only(w.requester.email);
      expect(told.parsed.subject).toBe('Your introduction to Tom has lapsed');
      expect(told.parsed.text).toContain(`/introductions/${orphan.id}`);
      expect(sink.received.length - start).toBe(1);
    });
  },
  { ownDatabase: 'lapse' },
);
