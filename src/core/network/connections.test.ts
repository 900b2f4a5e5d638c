import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { forgeToken } from '../../../test/forge-token';
import { freePort } from '../../../test/free-port';
import { refused } from '../../../test/refused';
import { confirmEmailVerification } from '../accounts/confirm-email-verification';
import { deleteAccount } from '../accounts/delete-account';
import { markEmailVerified } from '../accounts/mark-email-verified';
import { requestEmailVerification, VERIFICATIONS_PER_DAY } from '../accounts/request-email-verification';
import { getToday } from '../agenda/get-today';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import type { Ctx } from '../context';
import { listInteractions } from '../interactions/list-interactions';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { listOutreachQueue } from '../outreach/list-outreach-queue';
import { acceptConnection } from './accept-connection';
import { acceptInviteLink } from './accept-invite-link';
import { contactsOnRapport } from './contacts-on-rapport';
import { declineConnection } from './decline-connection';
import { getConnectionProfile } from './get-connection-profile';
import { inspectInvite } from './inspect-invite';
import { inviteToConnect } from './invite-to-connect';
import { getConnection, listConnections } from './list-connections';
import { listInvites } from './list-invites';
import { removeConnection } from './remove-connection';
import { revokeInvite } from './revoke-invite';
import { sendDirectMessage } from './send-direct-message';

const BASE = 'https://rapport.example.test';

describeEngines('connections between accounts', (h: Harness) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });
  const mailTo = (email: string) => sink.to(email);

  /** A fresh account whose context mails through the sink; verified unless asked otherwise. */
  async function person(name: string, opts: { verified?: boolean } = {}) {
    const a = await h.account(name);
    const ctx = { ...a.ctx, mailer, settings: { ...a.ctx.settings, publicUrl: BASE } } as Ctx & {
      clock: typeof a.ctx.clock;
    };
    if (opts.verified ?? true) await markEmailVerified(ctx, a.email);
    return { ...a, ctx };
  }

  it('verifies an address only with the mailed link, signed in as that account, once, before it expires', async () => {
    const ada = await person('Ada', { verified: false });
    const eve = await person('Eve');
    const sent = await requestEmailVerification(ada.ctx);
    expect(sent.sentTo).toBe(ada.email);
    const mail = mailTo(ada.email).at(-1);
    const link = /https:\/\/rapport\.example\.test\/verify-email\/([A-Za-z0-9_-]+)/.exec(
      mail?.parsed.text ?? '',
    );
    expect(link).not.toBeNull();
    const token = link?.[1] as string;
    // Someone else holding the link (a mail scanner, the address's owner when it is not the account's) cannot use it.
    await refused(confirmEmailVerification(eve.ctx, { token }), 'not_found');
    await refused(confirmEmailVerification(ada.ctx, { token: `${token}x` }), 'not_found');
    const ok = await confirmEmailVerification(ada.ctx, { token: `${BASE}/verify-email/${token}` });
    expect(ok.emailVerifiedAt).toBe('2026-11-25T09:00:00.000Z');
    await refused(confirmEmailVerification(ada.ctx, { token }), 'not_found');
    await refused(requestEmailVerification(ada.ctx), 'conflict', /already verified/);

    const bob = await person('Bob', { verified: false });
    await requestEmailVerification(bob.ctx);
    const bobToken = /verify-email\/([A-Za-z0-9_-]+)/.exec(mailTo(bob.email).at(-1)?.parsed.text ?? '')?.[1];
    bob.ctx.clock.set(new Date('2026-11-28T09:00:00.000Z'));
    await refused(confirmEmailVerification(bob.ctx, { token: bobToken as string }), 'not_found');
    await refused(requestEmailVerification({ ...bob.ctx, mailer: null }), 'conflict', /SMTP_URL/);
  });

  it('does not count a verification link the mail server never took against the daily limit', async () => {
    const bob = await person('Bob', { verified: false });
    // A real SMTP client pointed at a port nobody listens on: the connection is refused.
    const closed = await freePort();
    const down = { ...bob.ctx, mailer: smtpTestMailer(closed) };
    for (let i = 0; i < VERIFICATIONS_PER_DAY + 1; i++)
      await refused(requestEmailVerification(down), 'internal', /mail server did not accept/);
    expect((await requestEmailVerification(bob.ctx)).sentTo).toBe(bob.email);
    expect(mailTo(bob.email)).toHaveLength(1);
    // The links that did go out count: past the limit, the refusal says when the first leaves the day.
    for (let i = 1; i < VERIFICATIONS_PER_DAY; i++) await requestEmailVerification(bob.ctx);
    const spent = await refused(
      requestEmailVerification(bob.ctx),
      'rate_limited',
      /verification e-mails a day/,
    );
    expect(spent.details.retryAt).toBe('2026-11-26T09:00:00.001Z');
  });

  it('invites a verified account in-app; accepting links a contact on each side and tells the inviter', async () => {
    const ada = await person('Ada Lovelace');
    const grace = await person('Grace Hopper');
    // Ada already has Grace in her rolodex, under her sign-in address.
    const adaKnowsGrace = await createContact(
      ada.ctx,
      { displayName: 'Grace H.', emails: [{ value: grace.email.toUpperCase() }] },
      'web',
    );
    const invited = await inviteToConnect(ada.ctx, {
      email: grace.email,
      message: 'Met at the COBOL meetup',
    });
    expect(invited.invite).toBeNull();
    expect(invited.connection).toMatchObject({
      status: 'outgoing',
      account: { id: grace.id, name: 'Grace Hopper' },
      email: null,
      message: 'Met at the COBOL meetup',
    });
    const id = invited.connection?.id as string;
    const request = mailTo(grace.email).at(-1);
    expect(request?.parsed.subject).toBe('Ada Lovelace wants to connect with you on Rapport');
    expect(request?.parsed.text).toContain('Met at the COBOL meetup');

    const incoming = await listConnections(grace.ctx, { state: 'incoming' });
    expect(incoming.items).toEqual([
      expect.objectContaining({
        id,
        status: 'incoming',
        email: ada.email,
        emailVerified: true,
        headline: null,
      }),
    ]);
    expect((await listConnections(grace.ctx, { state: 'accepted' })).items).toEqual([]);
    // Only the one asked decides.
    await refused(acceptConnection(ada.ctx, id), 'conflict');
    const bystander = await person('Bystander');
    await refused(acceptConnection(bystander.ctx, id), 'not_found');
    await refused(getConnection(bystander.ctx, id), 'not_found');

    const accepted = await acceptConnection(grace.ctx, id);
    expect(accepted.status).toBe('accepted');
    expect(mailTo(ada.email).at(-1)?.parsed.subject).toBe('Grace Hopper accepted your invitation on Rapport');
    const adaSide = await getConnection(ada.ctx, id);
    expect(adaSide.contactId).toBe(adaKnowsGrace.id);
    // Grace had no contact for Ada: one was made, from what Ada's profile shows connections.
    const graceSide = await getConnection(grace.ctx, id);
    const made = await getContact(grace.ctx, graceSide.contactId as string);
    expect(made).toMatchObject({ displayName: 'Ada Lovelace', source: 'rapport', emails: [] });
    // A new connection like any other: each side's contact waits for a personal message, connected today.
    for (const [who, contactId] of [
      [ada, adaKnowsGrace.id],
      [grace, made.id],
    ] as const) {
      const queue = await listOutreachQueue(who.ctx);
      expect(queue.items.map((i) => [i.contact.id, i.reason, i.connectedOn])).toEqual([
        [contactId, 'new-connection', '2026-11-25'],
      ]);
    }
    await refused(inviteToConnect(ada.ctx, { email: grace.email }), 'conflict', /already connected/);
  });

  it('mails a one-time link to an address without a verified account; the link connects whoever signs in with it', async () => {
    const ada = await person('Ada');
    const imposter = await person('Not Linus', { verified: false });
    const r = await inviteToConnect(ada.ctx, { email: imposter.email });
    // An unverified sign-up with the address is not trusted: the mailbox's owner gets a link instead.
    expect(r.connection).toBeNull();
    expect(r.invite).toMatchObject({ email: imposter.email, status: 'open', emailed: true });
    expect(r.invite?.url).toBe(`${BASE}/connect/${r.invite?.token}`);
    const mail = mailTo(imposter.email).at(-1);
    expect(mail?.parsed.text).toContain(r.invite?.url);
    // A second link to the same address (a reminder) goes with the first one's use.
    const again = await inviteToConnect(ada.ctx, { email: imposter.email });
    const linus = await person('Linus');
    const token = r.invite?.token as string;
    expect(await inspectInvite(h.ctx(), { token })).toEqual({
      from: { name: 'Ada' },
      message: null,
      expiresAt: '2026-12-09T09:00:00.000Z',
    });
    const c = await acceptInviteLink(linus.ctx, { token: r.invite?.url as string });
    expect(c).toMatchObject({ status: 'accepted', account: { id: ada.id } });
    // Single use: nobody else, not even the same account, gets in with it again.
    await refused(acceptInviteLink(imposter.ctx, { token }), 'not_found', /does not work/);
    await refused(inspectInvite(h.ctx(), { token }), 'not_found');
    await refused(acceptInviteLink(imposter.ctx, { token: again.invite?.token as string }), 'not_found');
    const invites = await listInvites(ada.ctx);
    expect(invites.find((i) => i.id === r.invite?.id)).toMatchObject({
      status: 'used',
      usedBy: { id: linus.id, name: 'Linus' },
    });
    expect(invites.find((i) => i.id === again.invite?.id)?.status).toBe('revoked');
  });

  it('a link used by the account at the address it was sent to links the contact it was meant for', async () => {
    const ada = await person('Ada');
    const linus = await person('Linus', { verified: false });
    const mine = await createContact(
      ada.ctx,
      { displayName: 'Linus T.', emails: [{ value: linus.email }] },
      'web',
    );
    const sent = await inviteToConnect(ada.ctx, { email: linus.email });
    await acceptInviteLink(linus.ctx, { token: sent.invite?.token as string });
    expect((await listConnections(ada.ctx, { state: 'accepted' })).items[0]?.contactId).toBe(mine.id);
    expect((await listContacts(ada.ctx, { limit: 10 })).items.map((c) => c.displayName)).toEqual([
      'Linus T.',
    ]);

    // Forwarded to an account at another address: a new contact, not the one the link was meant for.
    const grace = await person('Grace');
    const hers = await createContact(
      grace.ctx,
      { displayName: 'Bob', emails: [{ value: 'bob@example.test' }] },
      'web',
    );
    const other = await inviteToConnect(grace.ctx, { email: 'bob@example.test' });
    await acceptInviteLink(ada.ctx, { token: other.invite?.token as string });
    const link = (await listConnections(grace.ctx, { state: 'accepted' })).items[0]?.contactId;
    expect(link).not.toBe(hers.id);
    expect(link).toBeTruthy();
  });

  it('refuses forged, expired, withdrawn and own links with one answer', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    const link = await inviteToConnect(ada.ctx, {});
    expect(link.invite).toMatchObject({ email: null, emailed: false });
    const token = link.invite?.token as string;
    await refused(acceptInviteLink(ada.ctx, { token }), 'validation', /your own/);
    const forged = await refused(acceptInviteLink(bob.ctx, { token: forgeToken(token) }), 'not_found');
    await revokeInvite(ada.ctx, link.invite?.id as string);
    const withdrawn = await refused(acceptInviteLink(bob.ctx, { token }), 'not_found');
    expect(withdrawn.message).toBe(forged.message);
    const later = await inviteToConnect(ada.ctx, {});
    bob.ctx.clock.set(new Date('2026-12-09T09:00:01.000Z'));
    const expired = await refused(
      acceptInviteLink(bob.ctx, { token: later.invite?.token as string }),
      'not_found',
    );
    expect(expired.message).toBe(forged.message);
    await refused(revokeInvite(bob.ctx, later.invite?.id as string), 'not_found');
    expect((await listConnections(bob.ctx, { state: 'accepted' })).items).toEqual([]);
  });

  it('a decline is final for 90 days for the inviter; the one who declined may still invite', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    const r = await inviteToConnect(ada.ctx, { email: bob.email });
    const id = r.connection?.id as string;
    await declineConnection(bob.ctx, id);
    expect((await listConnections(ada.ctx, { state: 'outgoing' })).items[0]).toMatchObject({
      id,
      status: 'declined',
    });
    expect((await listConnections(bob.ctx, { state: 'incoming' })).items).toEqual([]);
    await refused(getConnection(bob.ctx, id), 'not_found');
    await refused(acceptConnection(bob.ctx, id), 'not_found');
    await refused(getConnectionProfile(ada.ctx, bob.id), 'not_found');
    await refused(sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: 'hi?' }), 'not_found');
    await refused(inviteToConnect(ada.ctx, { email: bob.email }), 'conflict', /ask again from 2027-02-23/);
    ada.ctx.clock.set(new Date('2027-02-24T09:00:00.000Z'));
    const again = await inviteToConnect(ada.ctx, { email: bob.email });
    expect(again.connection).toMatchObject({ id, status: 'outgoing' });
    // Bob changed his mind meanwhile: inviting back accepts.
    const back = await inviteToConnect(bob.ctx, { email: ada.email });
    expect(back.connection).toMatchObject({ id, status: 'accepted' });
  });

  it('removing a connection ends everything at once for both sides', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    const id = (await inviteToConnect(ada.ctx, { email: bob.email })).connection?.id as string;
    await acceptConnection(bob.ctx, id);
    await sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: 'Hello Bob' });
    expect((await getConnectionProfile(bob.ctx, ada.id)).name).toBe('Ada');
    await removeConnection(bob.ctx, id);
    await refused(getConnection(ada.ctx, id), 'not_found');
    await refused(getConnectionProfile(bob.ctx, ada.id), 'not_found');
    await refused(getConnectionProfile(ada.ctx, bob.id), 'not_found');
    await refused(sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: 'still there?' }), 'not_found');
    const left = await h
      .ctx()
      .db.selectFrom('direct_messages')
      .select('id')
      .where('connection_id', '=', id)
      .execute();
    expect(left).toEqual([]);
    // Each side keeps its own record that they wrote, without the text.
    const adaContact = (await listInteractions(ada.ctx, {})).items;
    expect(adaContact.map((i) => [i.kind, i.direction, i.summary])).toEqual([
      ['message', 'outbound', 'Rapport message'],
    ]);
  });

  it('a connection request waits on the receiver’s Today, with introductions to decide, until it is answered', async () => {
    const ada = await person('Ada Lovelace');
    const grace = await person('Grace Hopper');
    const cal = await person('Cal Caller');
    const dev = await person('Dev Devlin');
    // Grace already has a new connection to write to: a request waits on her, so it comes first.
    const fromDev = (await inviteToConnect(dev.ctx, { email: grace.email })).connection?.id as string;
    await acceptConnection(grace.ctx, fromDev);
    const id = (await inviteToConnect(ada.ctx, { email: grace.email })).connection?.id as string;
    const fromCal = (await inviteToConnect(cal.ctx, { email: grace.email })).connection?.id as string;
    const requests = async (p: { ctx: Ctx }) =>
      (await getToday(p.ctx, { limit: 50 })).items.filter((i) => i.kind === 'connection-request');

    const today = (await getToday(grace.ctx, { limit: 50 })).items;
    expect(today.map((i) => i.kind)).toEqual(['connection-request', 'connection-request', 'new-connection']);
    expect(today[0]).toMatchObject({
      key: expect.stringMatching(/^connection-request:/),
      title: expect.stringMatching(/^(Ada Lovelace|Cal Caller) asks to connect$/),
      reason: 'waiting on you since 2026-11-25',
      contact: null,
      action: { kind: 'decide-connection', label: 'Accept or decline' },
    });
    expect(today.map((i) => i.key)).toEqual(expect.arrayContaining([`connection-request:${id}`]));
    // Only the one asked: not the ones asking, nor anyone else.
    for (const p of [ada, cal, dev]) expect(await requests(p)).toEqual([]);

    await acceptConnection(grace.ctx, id);
    await declineConnection(grace.ctx, fromCal);
    expect(await requests(grace)).toEqual([]);
    // Withdrawn by the one who asked: gone too.
    const fromBob = await person('Bob Builder');
    const bobs = (await inviteToConnect(fromBob.ctx, { email: grace.email })).connection?.id as string;
    expect((await requests(grace)).map((i) => i.title)).toEqual(['Bob Builder asks to connect']);
    await removeConnection(fromBob.ctx, bobs);
    expect(await requests(grace)).toEqual([]);
  });

  it('ending a connection takes "write to your new connection" off both sides’ queue and Today, and no one else’s', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    const cal = await person('Cal');
    const eve = await person('Eve');
    const connect = async (from: typeof ada, to: typeof ada) => {
      const id = (await inviteToConnect(from.ctx, { email: to.email })).connection?.id as string;
      await acceptConnection(to.ctx, id);
      return id;
    };
    // Ada already had Bob queued as a LinkedIn connection: that item is not the Rapport connection's to end.
    await createContact(
      ada.ctx,
      { displayName: 'Bob (LinkedIn)', connectedOn: '2026-11-20', emails: [{ value: bob.email }] },
      'web',
    );
    const withBob = await connect(ada, bob);
    const withCal = await connect(ada, cal);
    await connect(eve, bob);
    const queued = async (p: typeof ada) =>
      (await listOutreachQueue(p.ctx, { view: 'queued' })).items.map((i) => i.contact.displayName).sort();
    const writeTo = async (p: typeof ada) =>
      (await getToday(p.ctx, { limit: 50 })).items
        .filter((i) => i.kind === 'new-connection')
        .map((i) => i.title);
    expect(await queued(ada)).toEqual(['Bob (LinkedIn)', 'Cal']);
    expect(await queued(bob)).toEqual(['Ada', 'Eve']);

    // A stranger cannot end it.
    await refused(removeConnection(cal.ctx, withBob), 'not_found');
    expect(await queued(bob)).toEqual(['Ada', 'Eve']);

    await removeConnection(bob.ctx, withBob);
    expect(await queued(ada)).toEqual(['Bob (LinkedIn)', 'Cal']);
    expect(await queued(bob)).toEqual(['Eve']);
    expect(await writeTo(bob)).toEqual(['Write to Eve']);
    expect(await queued(cal)).toEqual(['Ada']);
    // Left as dismissed: the owner may still put it back and write another way.
    const dismissed = (await listOutreachQueue(bob.ctx, { view: 'dismissed' })).items;
    expect(dismissed.map((i) => [i.contact.displayName, i.state])).toEqual([['Ada', 'dismissed']]);

    // An account deleted: the same for everyone it was connected to.
    await deleteAccount({ ...eve.ctx }, { password: 'a long password' });
    expect(await queued(bob)).toEqual([]);
    expect(await writeTo(bob)).toEqual([]);
    expect(await queued(ada)).toEqual(['Bob (LinkedIn)', 'Cal']);
    // The one who asked removing it: both sides too.
    await removeConnection(ada.ctx, withCal);
    expect(await queued(ada)).toEqual(['Bob (LinkedIn)']);
    expect(await queued(cal)).toEqual([]);
  });

  it('withdraws a pending request, and removing an incoming one declines it', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    const first = (await inviteToConnect(ada.ctx, { email: bob.email })).connection?.id as string;
    await removeConnection(ada.ctx, first);
    expect((await listConnections(bob.ctx, { state: 'incoming' })).items).toEqual([]);
    const second = (await inviteToConnect(ada.ctx, { email: bob.email })).connection?.id as string;
    await removeConnection(bob.ctx, second);
    expect((await listConnections(ada.ctx, { state: 'outgoing' })).items[0]?.status).toBe('declined');
  });

  it('caps invitations: 50 waiting at once, 25 a day', async () => {
    const ada = await person('Ada');
    for (let i = 0; i < 25; i++) await inviteToConnect(ada.ctx, {});
    const daily = await refused(inviteToConnect(ada.ctx, {}), 'rate_limited', /25 invitations a day/);
    expect(daily.details.retryAt).toBe('2026-11-26T09:00:00.001Z');
    ada.ctx.clock.set(new Date('2026-11-26T09:00:01.000Z'));
    for (let i = 0; i < 25; i++) await inviteToConnect(ada.ctx, {});
    ada.ctx.clock.set(new Date('2026-11-27T09:00:02.000Z'));
    const waiting = await refused(
      inviteToConnect(ada.ctx, { email: 'someone@example.test' }),
      'rate_limited',
      /50 invitations waiting/,
    );
    // Nobody answers: the first link frees a place when it expires, 14 days after it was made.
    expect(waiting.details.retryAt).toBe('2026-12-09T09:00:00.000Z');
    const open = await listInvites(ada.ctx);
    await revokeInvite(ada.ctx, open[0]?.id as string);
    expect((await inviteToConnect(ada.ctx, {})).invite?.status).toBe('open');
  });

  it('shows a contact as on Rapport only by a verified address or an unambiguous own LinkedIn profile', async () => {
    const me = await person('Me');
    const verified = await person('Verified');
    const unverified = await person('Unverified', { verified: false });
    const li = await person('Li');
    const twinA = await person('Twin A');
    const twinB = await person('Twin B');
    const url = (slug: string) => `https://www.linkedin.com/in/${slug}`;
    const db = h.ctx().db;
    const setLinkedin = async (accountId: string, slug: string) =>
      db
        .insertInto('account_profiles')
        .values({
          account_id: accountId,
          headline: null,
          summary: null,
          industry: null,
          location: null,
          linkedin_url: url(slug),
          websites: '[]',
          positions: '[]',
          offers: '[]',
          needs: '[]',
          updated_at: '2026-11-25T09:00:00.000Z',
          organisation: null,
          show_offers: 0,
          show_needs: 0,
        })
        .execute();
    const slug = `li-${li.id.slice(-8)}`;
    const twin = `twin-${twinA.id.slice(-8)}`;
    await setLinkedin(li.id, slug);
    await setLinkedin(twinA.id, twin);
    await setLinkedin(twinB.id, twin);
    const c1 = await createContact(me.ctx, { displayName: 'V', emails: [{ value: verified.email }] }, 'web');
    const c2 = await createContact(
      me.ctx,
      { displayName: 'U', emails: [{ value: unverified.email }] },
      'web',
    );
    const c3 = await createContact(
      me.ctx,
      { displayName: 'L', urls: [{ value: `linkedin.com/in/${slug}/` }] },
      'web',
    );
    const c4 = await createContact(me.ctx, { displayName: 'T', urls: [{ value: url(twin) }] }, 'web');
    const c5 = await createContact(me.ctx, { displayName: 'Myself', emails: [{ value: me.email }] }, 'web');
    const other = await person('Other');
    const theirs = await createContact(
      other.ctx,
      { displayName: 'X', emails: [{ value: verified.email }] },
      'web',
    );
    const r = await contactsOnRapport(me.ctx, {
      contactIds: [c1, c2, c3, c4, c5, theirs].map((c) => c.id).join(','),
    });
    expect(r.items).toEqual([
      { contactId: c1.id, account: { id: verified.id, name: 'Verified' }, match: 'email', connection: null },
      { contactId: c3.id, account: { id: li.id, name: 'Li' }, match: 'linkedin', connection: null },
    ]);
    // Inviting the contact reaches the matched account in-app and links my side to that contact.
    const inv = await inviteToConnect(me.ctx, { contactId: c3.id });
    expect(inv.connection).toMatchObject({ status: 'outgoing', account: { id: li.id } });
    const after = await contactsOnRapport(me.ctx, { contactIds: c3.id });
    expect(after.items[0]?.connection).toEqual({ id: inv.connection?.id, status: 'outgoing' });
    await acceptConnection(li.ctx, inv.connection?.id as string);
    expect((await getConnection(me.ctx, inv.connection?.id as string)).contactId).toBe(c3.id);
    // A contact not on Rapport is invited at its address; without one, a link is the way.
    const unv = await inviteToConnect(me.ctx, { contactId: c2.id });
    expect(unv.invite?.email).toBe(unverified.email);
    const none = await createContact(me.ctx, { displayName: 'No address' }, 'web');
    await refused(inviteToConnect(me.ctx, { contactId: none.id }), 'validation', /invite with a link/);
    await refused(inviteToConnect(me.ctx, { contactId: theirs.id }), 'not_found');
  });
});
