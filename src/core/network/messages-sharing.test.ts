import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { refused } from '../../../test/refused';
import { markEmailVerified } from '../accounts/mark-email-verified';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { getContact } from '../contacts/get-contact';
import type { Ctx } from '../context';
import { mergeContacts } from '../duplicates/merge-contacts';
import { undoMerge } from '../duplicates/undo-merge';
import { listInteractions } from '../interactions/list-interactions';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { updateProfile } from '../profile/update-profile';
import { getRelationship } from '../relationships/get-relationship';
import { listTags } from '../tags/list-tags';
import { acceptConnection } from './accept-connection';
import { logAccess } from './access-log.queries';
import { getConnectionProfile, getNetworkMe } from './get-connection-profile';
import { getContactSharing } from './get-contact-sharing';
import { getSharing } from './get-sharing';
import { inviteToConnect } from './invite-to-connect';
import { listAccessLog } from './list-access-log';
import { getConnection } from './list-connections';
import { sharedContactsOf } from './present-shared-contact';
import { listThreads, markThreadReadBy, readThread } from './read-messages';
import { MESSAGES_PER_HOUR, sendDirectMessage } from './send-direct-message';
import { setContactSharing, setTagSharing, updateSharingSettings } from './update-sharing';

describeEngines('messages, profiles, sharing and the access log', (h: Harness) => {
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

  async function person(name: string) {
    const a = await h.account(name);
    const ctx = { ...a.ctx, mailer } as Ctx & { clock: typeof a.ctx.clock };
    await markEmailVerified(ctx, a.email);
    return { ...a, ctx };
  }
  async function connected(a: Awaited<ReturnType<typeof person>>, b: Awaited<ReturnType<typeof person>>) {
    const r = await inviteToConnect(a.ctx, { email: b.email });
    return acceptConnection(b.ctx, r.connection?.id as string);
  }

  it('one thread per pair: messages, unread counts, read marks, paging, and an interaction on each side', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    const c = await connected(ada, bob);
    const sent = await sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: '  Lunch on Friday?  ' });
    expect(sent).toMatchObject({
      fromMe: true,
      sender: { id: ada.id, name: 'Ada' },
      body: 'Lunch on Friday?',
    });
    ada.ctx.clock.set(new Date('2026-11-25T09:01:00.000Z'));
    await sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: 'Or Monday.' });
    // One mail for the run of unread messages, not one per message.
    const mails = mailTo(bob.email).filter((m) => m.parsed.subject === 'New message from Ada on Rapport');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.parsed.text).toContain('Lunch on Friday?');
    expect(mails[0]?.parsed.text).toContain(`/network/messages/${ada.id}`);

    const threads = await listThreads(bob.ctx);
    expect(threads.items).toEqual([
      {
        connectionId: c.id,
        account: { id: ada.id, name: 'Ada' },
        lastMessage: { preview: 'Or Monday.', fromMe: false, createdAt: '2026-11-25T09:01:00.000Z' },
        unread: 2,
      },
    ]);
    expect((await getNetworkMe(bob.ctx)).counts).toEqual({
      connections: 1,
      incoming: 0,
      outgoing: 0,
      unreadMessages: 2,
    });
    const first = await readThread(bob.ctx, ada.id, { limit: 1 });
    expect(first.items.map((m) => [m.body, m.fromMe])).toEqual([['Or Monday.', false]]);
    const second = await readThread(bob.ctx, ada.id, { limit: 1, cursor: first.nextCursor as string });
    expect(second.items.map((m) => m.body)).toEqual(['Lunch on Friday?']);
    expect(second.nextCursor).toBeNull();
    expect(await markThreadReadBy(bob.ctx, ada.id)).toEqual({ marked: 2 });
    expect((await listThreads(bob.ctx)).items[0]?.unread).toBe(0);
    expect((await readThread(ada.ctx, bob.id, {})).items[0]?.readAt).toBe('2026-11-25T09:00:00.000Z');

    // Each side: the message is an interaction with the contact that stands for the other.
    const adaContact = (await getConnection(ada.ctx, c.id)).contactId as string;
    const bobContact = (await getConnection(bob.ctx, c.id)).contactId as string;
    const adaLog = await listInteractions(ada.ctx, { contact: adaContact });
    expect(adaLog.items.map((i) => [i.kind, i.direction, i.source])).toEqual([
      ['message', 'outbound', 'rapport'],
      ['message', 'outbound', 'rapport'],
    ]);
    const bobLog = await listInteractions(bob.ctx, { contact: bobContact });
    expect(bobLog.items.map((i) => [i.kind, i.direction])).toEqual([
      ['message', 'inbound'],
      ['message', 'inbound'],
    ]);
    expect(bobLog.items.every((i) => i.summary === 'Rapport message')).toBe(true);
    expect((await getRelationship(bob.ctx, bobContact)).lastContactAt).toBe('2026-11-25T09:01:00.000Z');
    // The reply notifies Ada (her first unread).
    await sendDirectMessage(bob.ctx, { toAccountId: ada.id, body: 'Friday works' });
    expect(mailTo(ada.email).at(-1)?.parsed.subject).toBe('New message from Bob on Rapport');
  });

  it('refuses messages to strangers, to oneself, empty or too long ones, and bursts', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    const stranger = await person('Stranger');
    await connected(ada, bob);
    await refused(sendDirectMessage(ada.ctx, { toAccountId: stranger.id, body: 'hi' }), 'not_found');
    await refused(sendDirectMessage(ada.ctx, { toAccountId: 'no-such-account', body: 'hi' }), 'not_found');
    await refused(readThread(stranger.ctx, ada.id, {}), 'not_found');
    await refused(markThreadReadBy(stranger.ctx, ada.id), 'not_found');
    await refused(
      sendDirectMessage(ada.ctx, { toAccountId: ada.id, body: 'me' }),
      'validation',
      /toAccountId/,
    );
    await refused(sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: '   ' }), 'validation', /^body/);
    await refused(
      sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: 'x'.repeat(5001) }),
      'validation',
      /^body/,
    );
    for (let i = 0; i < MESSAGES_PER_HOUR; i++)
      await sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: `m${i}` });
    const spent = await refused(
      sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: 'one more' }),
      'rate_limited',
      /^at most 60 messages an hour; you can send again from 2026-11-25 10:01 UTC$/,
    );
    // Sent at 09:00, they count while at most an hour old: sending frees up just past 10:00.
    expect(spent.details.retryAt).toBe('2026-11-25T10:00:00.001Z');
    ada.ctx.clock.set(new Date('2026-11-25T10:00:00.000Z'));
    await refused(sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: 'not yet' }), 'rate_limited');
    ada.ctx.clock.set(new Date('2026-11-25T10:00:00.001Z'));
    await sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: 'an hour later' });
  });

  it('a message reaches a trashed linked contact nowhere, but is still delivered', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    const c = await connected(ada, bob);
    const bobContact = (await getConnection(bob.ctx, c.id)).contactId as string;
    await deleteContact(bob.ctx, bobContact);
    await sendDirectMessage(ada.ctx, { toAccountId: bob.id, body: 'Still there?' });
    expect((await readThread(bob.ctx, ada.id, {})).items).toHaveLength(1);
    const bobLog = await listInteractions(bob.ctx, {});
    expect(bobLog.items).toEqual([]);
  });

  it('shows a profile to connections only, with offers and needs only when chosen', async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    const stranger = await person('Stranger');
    await updateProfile(ada.ctx, {
      headline: 'Compilers',
      summary: 'PRIVATE SUMMARY',
      location: 'PRIVATE LOCATION',
      offers: ['Code reviews'],
      needs: ['A co-author'],
      organisation: 'Analytical Engines',
    });
    await connected(ada, bob);
    expect(await getConnectionProfile(bob.ctx, ada.id)).toEqual({
      accountId: ada.id,
      name: 'Ada',
      headline: 'Compilers',
      organisation: 'Analytical Engines',
      offers: null,
      needs: null,
    });
    await updateProfile(ada.ctx, { showOffers: true });
    expect(await getConnectionProfile(bob.ctx, ada.id)).toMatchObject({
      offers: ['Code reviews'],
      needs: null,
    });
    await updateProfile(ada.ctx, { showNeeds: true, showOffers: false });
    expect(await getConnectionProfile(bob.ctx, ada.id)).toMatchObject({
      offers: null,
      needs: ['A co-author'],
    });
    await refused(getConnectionProfile(stranger.ctx, ada.id), 'not_found', /^profile not found$/);
    await refused(getConnectionProfile(stranger.ctx, 'no-such-account'), 'not_found', /^profile not found$/);
    expect((await getNetworkMe(ada.ctx)).profile).toEqual(await getConnectionProfile(bob.ctx, ada.id));
  });

  it('a merge never makes a private person findable; undo gives each record its choice back', async () => {
    const me = await person('Me');
    const friend = await person('Friend');
    await connected(me, friend);
    const keep = await createContact(me.ctx, { displayName: 'Ada Lovelace' }, 'web');
    const gone = await createContact(me.ctx, { displayName: 'Ada L', tags: ['speakers'] }, 'web');
    const speakers = (await listTags(me.ctx)).find((t) => t.name === 'speakers');
    await setTagSharing(me.ctx, { tagIds: [speakers?.id as string], findable: true });
    await setContactSharing(me.ctx, { contactIds: [gone.id], share: 'private' });
    const shared = async () => [
      ...(await sharedContactsOf(h.ctx().db, new Map([[me.id, [keep.id]]]), me.ctx.clock.now())).keys(),
    ];
    const { mergeId } = await mergeContacts(me.ctx, keep.id, gone.id);
    // The kept record now carries the findable tag, and still nobody can find Ada.
    expect((await getContact(me.ctx, keep.id)).tags).toEqual(['speakers']);
    expect(await shared()).toEqual([]);
    const sharing = async () =>
      (await getContactSharing(me.ctx, { contactIds: [keep.id, gone.id] })).items.map((s) => [
        s.contactId,
        s.share,
      ]);
    expect(await sharing()).toEqual([[keep.id, 'private']]);
    await undoMerge(me.ctx, mergeId);
    expect(await sharing()).toEqual([
      [keep.id, 'default'],
      [gone.id, 'private'],
    ]);
    expect(await shared()).toEqual([]); // Ada has no findable tag of her own
  });

  it('shares nothing by default, then exactly what tags and contacts say; private wins; effective at once', async () => {
    const me = await person('Me');
    const friend = await person('Friend');
    await connected(me, friend);
    const ada = await createContact(
      me.ctx,
      { displayName: 'Ada', organisation: 'Acme', tags: ['speakers'] },
      'web',
    );
    const bob = await createContact(me.ctx, { displayName: 'Bob', tags: ['speakers', 'family'] }, 'web');
    const cy = await createContact(me.ctx, { displayName: 'Cy' }, 'web');
    const shared = () =>
      sharedContactsOf(h.ctx().db, new Map([[me.id, [ada.id, bob.id, cy.id]]]), me.ctx.clock.now());
    let overview = await getSharing(me.ctx);
    expect(overview.findableCount).toBe(0);
    expect(overview.settings).toEqual({ shareTier: false, shareLinkedin: false });
    expect(overview.tags.map((t) => [t.name, t.findable, t.contactCount])).toEqual([
      ['family', false, 1],
      ['speakers', false, 2],
    ]);
    expect((await shared()).size).toBe(0);

    const speakers = (await listTags(me.ctx)).find((t) => t.name === 'speakers');
    overview = await setTagSharing(me.ctx, { tagIds: [speakers?.id as string], findable: true });
    expect(overview.findableCount).toBe(2);
    expect([...(await shared()).keys()].sort()).toEqual([ada.id, bob.id].sort());

    overview = await setContactSharing(me.ctx, { contactIds: [bob.id], share: 'private' });
    overview = await setContactSharing(me.ctx, { contactIds: [cy.id], share: 'findable' });
    expect(overview.findableCount).toBe(2);
    expect(overview.contacts).toEqual({
      findable: { total: 1, items: [{ id: cy.id, displayName: 'Cy' }] },
      private: { total: 1, items: [{ id: bob.id, displayName: 'Bob' }] },
    });
    expect([...(await shared()).keys()].sort()).toEqual([ada.id, cy.id].sort());
    expect((await getContactSharing(me.ctx, { contactIds: `${ada.id},${bob.id},${cy.id}` })).items).toEqual([
      { contactId: ada.id, share: 'default', findable: true, findableTags: ['speakers'] },
      { contactId: bob.id, share: 'private', findable: false, findableTags: ['speakers'] },
      { contactId: cy.id, share: 'findable', findable: true, findableTags: [] },
    ]);

    overview = await setContactSharing(me.ctx, { contactIds: [bob.id, cy.id], share: 'default' });
    expect(overview.findableCount).toBe(2);
    expect([...(await shared()).keys()].sort()).toEqual([ada.id, bob.id].sort());
    overview = await setTagSharing(me.ctx, { tagIds: [speakers?.id as string], findable: false });
    expect(overview.findableCount).toBe(0);
    expect((await shared()).size).toBe(0);

    overview = await updateSharingSettings(me.ctx, { shareTier: true });
    expect(overview.settings).toEqual({ shareTier: true, shareLinkedin: false });
    overview = await updateSharingSettings(me.ctx, { shareLinkedin: true });
    expect(overview.settings).toEqual({ shareTier: true, shareLinkedin: true });

    // Someone else's ids are refused by field, like unknown ones.
    const other = await createContact(friend.ctx, { displayName: 'Theirs', tags: ['x'] }, 'web');
    await refused(
      setContactSharing(me.ctx, { contactIds: [cy.id, other.id], share: 'findable' }),
      'validation',
      /^contactIds\.1/,
    );
    const theirTag = (await listTags(friend.ctx))[0]?.id as string;
    await refused(setTagSharing(me.ctx, { tagIds: [theirTag], findable: true }), 'validation', /^tagIds\.0/);
    expect((await getContactSharing(me.ctx, { contactIds: other.id })).items).toEqual([]);
    expect((await getSharing(friend.ctx)).findableCount).toBe(0);
  });

  it("lists the owner's access log, newest first and paged, and nobody else's", async () => {
    const me = await person('Me');
    const searcher = await person('Searcher');
    const ada = await createContact(me.ctx, { displayName: 'Ada' }, 'web');
    await logAccess(h.ctx().db, [
      {
        id: me.ctx.ids.next(),
        owner_id: me.id,
        actor_id: searcher.id,
        event: 'search-hit',
        query: 'acme',
        contact_id: ada.id,
        created_at: '2026-11-25T08:00:00.000Z',
      },
      {
        id: me.ctx.ids.next(),
        owner_id: me.id,
        actor_id: searcher.id,
        event: 'path',
        query: 'Ada',
        contact_id: ada.id,
        created_at: '2026-11-25T08:30:00.000Z',
      },
    ]);
    const page = await listAccessLog(me.ctx, { limit: 1 });
    expect(page.items).toEqual([
      {
        id: expect.any(String),
        at: '2026-11-25T08:30:00.000Z',
        actor: { id: searcher.id, name: 'Searcher' },
        event: 'path',
        query: 'Ada',
        contact: { id: ada.id, displayName: 'Ada' },
        introductionId: null,
      },
    ]);
    const next = await listAccessLog(me.ctx, { limit: 1, cursor: page.nextCursor as string });
    expect(next.items.map((e) => [e.event, e.query])).toEqual([['search-hit', 'acme']]);
    expect(next.nextCursor).toBeNull();
    expect((await listAccessLog(searcher.ctx, {})).items).toEqual([]);
  });
});
