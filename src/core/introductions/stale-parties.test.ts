import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { deleteAccountAsOperator } from '../accounts/delete-account';
import { getToday } from '../agenda/get-today';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { listAccessLog } from '../network/list-access-log';
import { decideAsBroker } from './decide-as-broker';
import { getIntroduction } from './get-introduction';
import { findableContact, introWorld } from './intro.test-support';
import { listIntroductions } from './list-introductions';
import { requestIntroduction } from './request-introduction';

const WHY = 'I am looking for a guest speaker on supply chain for March';

describeEngines('introductions when a party goes away', (h) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });

  it('the person asked deletes their account while it waits on them: it ends for requester and broker at once', async () => {
    const w = await introWorld(h, mailer);
    const target = await w.verified(await w.party('Tom Target'));
    const tom = await findableContact(w.broker, { displayName: 'Tom', emails: [{ value: target.email }] });
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: tom.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
    expect(await getIntroduction(w.broker.ctx, intro.id)).toMatchObject({ state: 'awaiting-target' });

    w.clock.advance(3600_000);
    await deleteAccountAsOperator({ ...h.ctx(), clock: w.clock }, target.email, { confirmed: true });

    // Nobody is left to answer: not "requested" for two more weeks, but over, for both.
    const closedAt = w.clock.now().toISOString();
    expect(await getIntroduction(w.requester.ctx, intro.id)).toMatchObject({ state: 'expired', closedAt });
    expect(await getIntroduction(w.broker.ctx, intro.id)).toMatchObject({ state: 'expired', closedAt });
    expect((await listIntroductions(w.requester.ctx, { status: 'open' })).items).toEqual([]);
    expect((await listIntroductions(w.broker.ctx, { status: 'open' })).items).toEqual([]);
    const waiting = (await getToday(w.broker.ctx, { limit: 50 })).items.filter((i) =>
      i.key.startsWith('intro'),
    );
    expect(waiting).toEqual([]);
  });

  it('the requester deletes their account: the broker keeps the log line, with no link to the gone request (ADR 29)', async () => {
    const w = await introWorld(h, mailer);
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    const before = (await listAccessLog(w.broker.ctx, {})).items;
    expect(before.map((e) => [e.event, e.introductionId])).toEqual([['intro-request', intro.id]]);
    await deleteAccountAsOperator({ ...h.ctx(), clock: w.clock }, w.requester.email, { confirmed: true });
    await expect(getIntroduction(w.broker.ctx, intro.id)).rejects.toMatchObject({ code: 'not_found' });
    // The same answer on both engines: the line stays (it is the broker's record), the link to a 404 does not.
    const after = (await listAccessLog(w.broker.ctx, {})).items;
    expect(after.map((e) => [e.event, e.actor, e.introductionId])).toEqual([['intro-request', null, null]]);
  });
});
