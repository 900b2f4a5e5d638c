import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { removeConnection } from '../../../test/network';
import { getToday } from '../agenda/get-today';
import { deleteContact } from '../contacts/delete-contact';
import { recordInteraction } from '../interactions/record-interaction';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { sendDirectMessage } from '../network/send-direct-message';
import { decideAsBroker } from './decide-as-broker';
import { decideAsTarget } from './decide-as-target';
import { findableContact, introWorld, type Party } from './intro.test-support';
import { requestIntroduction } from './request-introduction';

const WHY = 'I am looking for a guest speaker on supply chain for March';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeEngines('Today: thanking the broker', (h) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });

  /** Today's items of a party about introductions, as keys. */
  const keys = async (p: Party) =>
    (await getToday(p.ctx, { limit: 50 })).items
      .map((i) => i.key)
      .filter((k) => /^(intro|thank-broker|intro-outcome):/.test(k));

  type World = Awaited<ReturnType<typeof introWorld>>;

  /** The broker introduces the requester to a new person with an account (deciding in the app): its id. */
  async function introduce(w: World, name: string): Promise<string> {
    const person = await w.verified(await w.party(name));
    const contact = await findableContact(w.broker, { displayName: name, emails: [{ value: person.email }] });
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: contact.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
    await decideAsTarget(person.ctx, intro.id, { decision: 'accept', share: ['email'] });
    return intro.id;
  }

  it('goes once the requester logs reaching out to the broker after the introduction, not before nor for an old exchange', async () => {
    const w = await introWorld(h, mailer);
    // Reaching out before the introduction thanks for nothing yet.
    await recordInteraction(
      w.requester.ctx,
      { kind: 'message', direction: 'outbound', contactIds: [w.brokerOfRequester.id] },
      'cli',
    );
    w.clock.advance(HOUR);
    const id = await introduce(w, 'Tom Target');
    expect(await keys(w.requester)).toContain(`thank-broker:${id}`);
    w.clock.advance(HOUR);
    // The broker writing to me is not my thank-you; nor is an exchange from last month entered now.
    await recordInteraction(
      w.requester.ctx,
      { kind: 'message', direction: 'inbound', contactIds: [w.brokerOfRequester.id] },
      'cli',
    );
    await recordInteraction(
      w.requester.ctx,
      {
        kind: 'email',
        direction: 'outbound',
        contactIds: [w.brokerOfRequester.id],
        occurredAt: new Date(w.clock.now().getTime() - 30 * DAY).toISOString(),
      },
      'cli',
    );
    expect(await keys(w.requester)).toContain(`thank-broker:${id}`);

    // `rapport log "Bruno Broker" message --out`, as Today suggests: the item goes (Today, feed and API alike).
    await recordInteraction(
      w.requester.ctx,
      { kind: 'message', direction: 'outbound', contactIds: [w.brokerOfRequester.id] },
      'cli',
    );
    expect(await keys(w.requester)).not.toContain(`thank-broker:${id}`);
    // The outcome reminder is another matter: it still comes a week on.
    w.clock.advance(7 * DAY);
    expect(await keys(w.requester)).toEqual([`intro-outcome:${id}`]);
    // Nobody else ever had it.
    expect(await keys(w.broker)).toEqual([]);
    expect(await keys(w.bystander)).toEqual([]);
  });

  it('goes once the requester sends the broker a direct message ("Write … a thank-you"), for every introduction by them', async () => {
    const w = await introWorld(h, mailer);
    const ids = [await introduce(w, 'Tom Target'), await introduce(w, 'Tia Target')];
    expect(await keys(w.requester)).toEqual(expect.arrayContaining(ids.map((id) => `thank-broker:${id}`)));
    w.clock.advance(HOUR);
    await sendDirectMessage(w.requester.ctx, {
      toAccountId: w.broker.id,
      body: 'Thank you for introducing me to Tom!',
    });
    expect((await keys(w.requester)).filter((k) => k.startsWith('thank-broker:'))).toEqual([]);
    // The broker's side: a message came in, and no reminder of any kind.
    expect(await keys(w.broker)).toEqual([]);
  });

  it('a message alone is enough when the contact for the broker is in the trash', async () => {
    const w = await introWorld(h, mailer);
    const id = await introduce(w, 'Tom Target');
    await deleteContact(w.requester.ctx, w.brokerOfRequester.id);
    expect(await keys(w.requester)).toContain(`thank-broker:${id}`);
    await sendDirectMessage(w.requester.ctx, { toAccountId: w.broker.id, body: 'Thanks a lot!' });
    expect(await keys(w.requester)).not.toContain(`thank-broker:${id}`);
  });

  it('does not outlive the connection with the broker', async () => {
    const w = await introWorld(h, mailer);
    const id = await introduce(w, 'Tom Target');
    expect(await keys(w.requester)).toContain(`thank-broker:${id}`);
    await removeConnection(w.db, w.requester.id, w.broker.id);
    w.clock.advance(7 * DAY);
    // No thank-you to someone one cannot write to here any more; how it went is still worth noting.
    expect(await keys(w.requester)).toEqual([`intro-outcome:${id}`]);
    expect(await keys(w.broker)).toEqual([]);
  });
});
