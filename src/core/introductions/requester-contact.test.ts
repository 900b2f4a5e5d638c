import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { seedConnection } from '../../../test/network';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { getContact } from '../contacts/get-contact';
import { listInteractions } from '../interactions/list-interactions';
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
  type Party,
  SECRET,
} from './intro.test-support';
import { requestIntroduction } from './request-introduction';

const WHY = 'I am looking for a guest speaker on supply chain for March';

describeEngines('introduced: the requester’s own contact for the person', (h) => {
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
  const liveContacts = async (p: Party) =>
    (
      await p.ctx.db
        .selectFrom('contacts')
        .select('id')
        .where('owner_id', '=', p.id)
        .where('deleted_at', 'is', null)
        .execute()
    )
      .map((r) => r.id)
      .sort();
  const interactionContacts = async (p: Party) =>
    (await listInteractions(p.ctx, {})).items.map((i) => i.contacts.map((c) => c.id).sort());

  it('connected to the person meanwhile: the introduction lands on the contact the connection links, nothing overwritten', async () => {
    const w = await introWorld(h, mailer);
    const cole = await w.verified(await w.party('Cole Tran'));
    const coleOfBruno = await findableContact(w.broker, {
      displayName: 'Cole (Bruno’s notes)',
      emails: [{ value: cole.email }],
      phones: [{ value: SECRET.phone }],
    });
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: coleOfBruno.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
    // Before Cole decides, Rita and Cole connect: each has a contact for the other, written by themselves.
    const ritasCole = await createContact(
      w.requester.ctx,
      {
        displayName: 'Cole Tran',
        organisation: 'Heliogen',
        notes: 'Typed by Rita',
        howWeMet: 'A conference',
      },
      'web',
    );
    const colesRita = await createContact(cole.ctx, { displayName: 'Rita R.' }, 'web');
    await seedConnection(w.db, w.requester.id, cole.id, { aContact: ritasCole.id, bContact: colesRita.id });
    const before = await liveContacts(w.requester);

    await decideAsTarget(cole.ctx, intro.id, { decision: 'accept', share: ['email', 'phone'] });

    // The requester: no second Cole; the shared details are added to hers, her own words kept.
    expect(await liveContacts(w.requester)).toEqual(before);
    const seen = await getIntroduction(w.requester.ctx, intro.id);
    expect(seen).toMatchObject({ state: 'introduced', target: { contactId: ritasCole.id } });
    const contact = await getContact(w.requester.ctx, ritasCole.id);
    expect(contact).toMatchObject({
      displayName: 'Cole Tran',
      organisation: { name: 'Heliogen' },
      notes: 'Typed by Rita',
      howWeMet: 'A conference',
      source: 'web',
    });
    expect(contact.emails.map((e) => e.value)).toEqual([cole.email]);
    expect(contact.phones.map((p) => p.value)).toEqual([SECRET.phone]);
    expect(await interactionContacts(w.requester)).toEqual([[ritasCole.id, w.brokerOfRequester.id].sort()]);
    // Cole's side: on his own contact for Rita, as before. Bruno's: on his contacts for both.
    expect(await interactionContacts(cole)).toEqual([[colesRita.id]]);
    expect(await interactionContacts(w.broker)).toEqual([[coleOfBruno.id, w.requesterOfBroker.id].sort()]);
    expectNoPrivate([seen, contact], [SECRET.phone]);
  });

  it('a contact with the address the person shares: details added beside its own, an empty how-we-met filled', async () => {
    const w = await introWorld(h, mailer);
    // An older contact in the trash holds the address too: only a live one is matched.
    const trashed = await createContact(
      w.requester.ctx,
      { displayName: 'Old Tara', emails: [{ value: SECRET.email }] },
      'web',
    );
    await deleteContact(w.requester.ctx, trashed.id);
    const mine = await createContact(
      w.requester.ctx,
      {
        displayName: 'T. Target',
        emails: [{ value: 'tara@work.example' }, { value: SECRET.email.toUpperCase() }],
        phones: [{ value: '+44 20 7946 0000' }],
        notes: 'Typed by Rita',
      },
      'web',
    );
    const before = await liveContacts(w.requester);
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
    const mail = sink.to(SECRET.email, start)[0];
    await decideByLink({ ...h.ctx(), clock: w.clock, mailer }, linkToken(mail as NonNullable<typeof mail>), {
      decision: 'accept',
      share: ['email', 'phone', 'linkedin'],
    });

    expect(await liveContacts(w.requester)).toEqual(before);
    expect((await getIntroduction(w.requester.ctx, intro.id)).target.contactId).toBe(mine.id);
    const contact = await getContact(w.requester.ctx, mine.id);
    expect(contact).toMatchObject({
      displayName: 'T. Target',
      notes: 'Typed by Rita',
      howWeMet: 'Introduced by Bruno Broker',
      organisation: null,
      linkedinUrl: SECRET.linkedin,
    });
    // The address she had already (in another case) is not repeated; the phone and profile come after her own.
    expect(contact.emails.map((e) => e.value)).toEqual(['tara@work.example', SECRET.email.toUpperCase()]);
    expect(contact.phones.map((p) => p.value)).toEqual(['+44 20 7946 0000', SECRET.phone]);
    expect(contact.urls.map((u) => u.value)).toEqual([SECRET.linkedin]);
    const trashedChannels = await w.db
      .selectFrom('contact_channels')
      .select('value')
      .where('contact_id', '=', trashed.id)
      .execute();
    expect(trashedChannels.map((c) => c.value)).toEqual([SECRET.email]);
    // Only what was shared arrived: the broker's other facts about Tara did not.
    expectNoPrivate([contact], [SECRET.email, SECRET.phone, SECRET.linkedin]);
  });

  it('no contact of hers matches: a new one, as before', async () => {
    const w = await introWorld(h, mailer);
    await createContact(
      w.requester.ctx,
      { displayName: 'Tara Target', emails: [{ value: 'other@example.org' }] },
      'web',
    );
    const before = await liveContacts(w.requester);
    const intro = await requestIntroduction(w.requester.ctx, {
      brokerId: w.broker.id,
      contactId: w.target.id,
      why: WHY,
    });
    await decideAsBroker(w.broker.ctx, intro.id, { decision: 'accept' });
    const mail = sink.to(SECRET.email, start)[0];
    await decideByLink({ ...h.ctx(), clock: w.clock, mailer }, linkToken(mail as NonNullable<typeof mail>), {
      decision: 'accept',
      share: ['email'],
    });
    const id = (await getIntroduction(w.requester.ctx, intro.id)).target.contactId as string;
    expect(before).not.toContain(id);
    expect(await liveContacts(w.requester)).toEqual([...before, id].sort());
    expect(await getContact(w.requester.ctx, id)).toMatchObject({
      displayName: 'Tara Target',
      source: 'introduction',
      howWeMet: 'Introduced by Bruno Broker',
    });
  });
});
