import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { forgeToken } from '../../../test/forge-token';
import { type Client, serveForTests } from '../../../test/http';
import { fixedClock } from '../../core/clock';
import type { Mailer } from '../../core/mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../../core/mail/smtp-sink.test-support';

type User = Client & { accountId: string; email: string };

/** Distinctive private values of one account's rolodex: none may ever reach another account. */
function privatesOf(tag: string) {
  const t = tag.toLowerCase();
  return {
    email: `${t}-contact-secret@private-${t}.test`,
    phone: `+44 20 7946 ${tag === 'ADA' ? '0101' : tag === 'GRACE' ? '0202' : '0303'}`,
    url: `https://private-${t}.example.org/home`,
    note: `PRIVATE-${tag}-NOTE`,
    howWeMet: `PRIVATE-${tag}-HOWWEMET`,
    street: `PRIVATE-${tag}-STREET`,
    custom: `PRIVATE-${tag}-CUSTOM`,
    interaction: `PRIVATE-${tag}-INTERACTION`,
    favour: `PRIVATE-${tag}-FAVOUR`,
    promise: `PRIVATE-${tag}-PROMISE`,
    summary: `PRIVATE-${tag}-SUMMARY`,
    location: `PRIVATE-${tag}-LOCATION`,
    tagName: `private-${t}-tag`,
  };
}
const phoneDigits = (p: string) => p.replace(/\D/g, '').slice(-8);

describe.each(ENGINES)('the network over HTTP: privacy across accounts [%s]', (engine) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  const clock = fixedClock(new Date());
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });
  // The mailer is read when the app is built (after beforeAll), so hand it over lazily.
  const server = serveForTests(engine, {
    app: {
      clock,
      mailer: { send: (m) => mailer.send(m) },
    },
  });

  /** Every response body each account received, to scan at the end. */
  const seen = new Map<string, string[]>();
  function record(u: User, who: string): User {
    const request = u.request.bind(u);
    u.request = async (method, path, body, headers) => {
      const r = await request(method, path, body, headers);
      const list = seen.get(who) ?? [];
      list.push(`${method} ${path} ${r.status} ${JSON.stringify(r.body)}`);
      seen.set(who, list);
      return r;
    };
    return u;
  }
  const mailsTo = (email: string) => sink.to(email);

  /** Verifies u's address through the mailed link; null when signing up through its mailed link did already. */
  async function verify(u: User): Promise<string | null> {
    const asked = await u.post('/api/v1/network/email-verification');
    if (asked.status === 409 && /is already verified/.test(asked.body.error.message)) return null;
    expect(asked.status).toBe(202);
    const text = mailsTo(u.email).at(-1)?.parsed.text ?? '';
    const token = /\/verify-email\/([A-Za-z0-9_-]+)/.exec(text)?.[1] as string;
    const r = await u.post('/api/v1/network/email-verification/confirm', { token });
    expect(r.status).toBe(200);
    return token;
  }

  async function seedPrivates(u: User, tag: string) {
    const p = privatesOf(tag);
    const contact = {
      emails: [{ value: p.email }],
      phones: [{ value: p.phone }],
      urls: [{ value: p.url }, { value: `https://www.linkedin.com/in/${tag.toLowerCase()}-known` }],
      notes: p.note,
      howWeMet: p.howWeMet,
      addresses: [{ street: p.street }],
      customFields: { secret: p.custom },
      organisation: 'Acme',
      title: 'Engineer',
    };
    const findable = await u.post('/api/v1/contacts', {
      ...contact,
      displayName: `${tag} Findable Person`,
      tags: ['speakers', p.tagName],
    });
    const hidden = await u.post('/api/v1/contacts', {
      ...contact,
      displayName: `${tag} Hidden Person`,
      tags: ['speakers'],
    });
    expect(findable.status).toBe(201);
    await u.post('/api/v1/interactions', {
      kind: 'meeting',
      contactIds: [findable.body.id],
      summary: p.interaction,
    });
    await u.post('/api/v1/favours', { contactId: findable.body.id, direction: 'given', what: p.favour });
    await u.post('/api/v1/promises', {
      contactId: findable.body.id,
      direction: 'mine',
      what: p.promise,
      dueOn: '2031-01-01',
    });
    await u.request('PATCH', '/api/v1/profile', {
      headline: `${tag} headline`,
      summary: p.summary,
      location: p.location,
      organisation: `${tag} Org`,
      offers: [`${tag} offer`],
      needs: [`${tag} need`],
    });
    return { findable: findable.body.id as string, hidden: hidden.body.id as string };
  }

  it('inviter, invitee and bystander: each sees only what the rules allow, in every response, mail and log line', async () => {
    const ada = record(await server.user('Ada Lovelace'), 'ada');
    const grace = record(await server.user('Grace Hopper'), 'grace');
    const eve = record(await server.user('Eve Bystander'), 'eve');
    const anon = server.anonymous();
    const tokens: string[] = [];
    for (const u of [ada, grace, eve]) {
      const token = await verify(u);
      if (token) tokens.push(token);
    }
    const adaC = await seedPrivates(ada, 'ADA');
    const graceC = await seedPrivates(grace, 'GRACE');
    await seedPrivates(eve, 'EVE');

    // Ada has Grace in her rolodex: Grace is "on Rapport" for her (verified address); Eve's ids mean nothing to Ada.
    const adaKnowsGrace = await ada.post('/api/v1/contacts', {
      displayName: 'Grace (rolodex)',
      emails: [{ value: grace.email }],
    });
    const onRapport = await ada.get(
      `/api/v1/network/on-rapport?contactIds=${adaKnowsGrace.body.id},${graceC.findable}`,
    );
    expect(onRapport.body.items).toEqual([
      {
        contactId: adaKnowsGrace.body.id,
        account: { id: grace.accountId, name: 'Grace Hopper' },
        match: 'email',
        connection: null,
      },
    ]);

    // Invite in-app; the bystander can neither see nor answer it.
    const inv = await ada.post('/api/v1/network/invites', {
      contactId: adaKnowsGrace.body.id,
      message: 'From the COBOL meetup',
    });
    expect(inv.status).toBe(201);
    const connectionId = inv.body.connection.id as string;
    const missingId = '01900000-0000-7000-8000-000000000000';
    for (const path of [`/api/v1/network/connections/${connectionId}`]) {
      const theirs = await eve.get(path);
      const missing = await eve.get(path.replace(connectionId, missingId));
      expect(theirs.status).toBe(404);
      expect(theirs.body).toEqual(missing.body);
    }
    const eveAccept = await eve.post(`/api/v1/network/connections/${connectionId}/accept`);
    expect(eveAccept.body).toEqual((await eve.post(`/api/v1/network/connections/${missingId}/accept`)).body);
    const incoming = await grace.get('/api/v1/network/connections?state=incoming');
    expect(incoming.body.items).toEqual([
      expect.objectContaining({
        id: connectionId,
        status: 'incoming',
        account: { id: ada.accountId, name: 'Ada Lovelace' },
        email: ada.email,
        emailVerified: true,
        message: 'From the COBOL meetup',
      }),
    ]);
    // Not connected yet: no profile, no messages.
    expect((await grace.get(`/api/v1/network/profiles/${ada.accountId}`)).status).toBe(404);
    expect((await grace.post(`/api/v1/network/messages/${ada.accountId}`, { body: 'hi' })).status).toBe(404);

    expect((await grace.post(`/api/v1/network/connections/${connectionId}/accept`)).status).toBe(200);
    const adaProfile = await grace.get(`/api/v1/network/profiles/${ada.accountId}`);
    expect(adaProfile.body).toEqual({
      accountId: ada.accountId,
      name: 'Ada Lovelace',
      headline: 'ADA headline',
      organisation: 'ADA Org',
      offers: null,
      needs: null,
    });
    await ada.request('PATCH', '/api/v1/profile', { showOffers: true });
    expect((await grace.get(`/api/v1/network/profiles/${ada.accountId}`)).body.offers).toEqual(['ADA offer']);
    for (const path of [
      `/api/v1/network/profiles/${ada.accountId}`,
      `/api/v1/network/messages/${ada.accountId}`,
    ]) {
      const theirs = await eve.get(path);
      expect(theirs.status).toBe(404);
      expect(theirs.body).toEqual((await eve.get(path.replace(ada.accountId, missingId))).body);
    }

    // Messages both ways; the mails carry the message to its recipient only.
    const sent = await ada.post(`/api/v1/network/messages/${grace.accountId}`, { body: 'Coffee next week?' });
    expect(sent.status).toBe(201);
    await grace.post(`/api/v1/network/messages/${ada.accountId}`, { body: 'Gladly' });
    expect((await eve.post(`/api/v1/network/messages/${ada.accountId}`, { body: 'let me in' })).status).toBe(
      404,
    );
    const thread = await grace.get(`/api/v1/network/messages/${ada.accountId}`);
    expect(thread.body.items.map((m: { body: string; fromMe: boolean }) => [m.body, m.fromMe])).toEqual([
      ['Gladly', true],
      ['Coffee next week?', false],
    ]);
    expect((await grace.get('/api/v1/network/messages')).body.items[0]).toMatchObject({
      account: { id: ada.accountId },
      unread: 1,
    });
    expect((await grace.post(`/api/v1/network/messages/${ada.accountId}/read`)).body).toEqual({ marked: 1 });

    // Sharing: one tag findable, tiers and LinkedIn shared; Grace's second-degree search sees only allowed fields.
    const adaTags = (await ada.get('/api/v1/network/sharing')).body.tags as { id: string; name: string }[];
    const privTag = adaTags.find((t) => t.name === privatesOf('ADA').tagName)?.id as string;
    const shared = await ada.request('PUT', '/api/v1/network/sharing/tags', {
      tagIds: [privTag],
      findable: true,
    });
    expect(shared.body.findableCount).toBe(1);
    await ada.request('PATCH', '/api/v1/network/sharing', { shareTier: true, shareLinkedin: true });
    const found = await grace.get('/api/v1/network/search?q=findable');
    expect(found.status).toBe(200);
    expect(found.body.people.map((p: { displayName: string }) => p.displayName)).toEqual([
      'ADA Findable Person',
    ]);
    expect(found.body.people[0].brokers[0].contact).toMatchObject({
      displayName: 'ADA Findable Person',
      organisation: 'Acme',
      title: 'Engineer',
      knownBy: { accountId: ada.accountId, name: 'Ada Lovelace' },
      linkedinUrl: 'https://www.linkedin.com/in/ada-known',
    });
    // The owner reads who saw what; nobody else does.
    const log = await ada.get('/api/v1/network/access-log');
    expect(log.body.items).toEqual([
      expect.objectContaining({
        actor: { id: grace.accountId, name: 'Grace Hopper' },
        event: 'search-hit',
        query: 'findable',
        contact: { id: adaC.findable, displayName: 'ADA Findable Person' },
      }),
    ]);
    expect((await eve.get('/api/v1/network/access-log')).body.items).toEqual([]);
    expect((await grace.get('/api/v1/network/access-log')).body.items).toEqual([]);
    // The bystander, not connected, finds nothing.
    expect((await eve.get('/api/v1/network/search?q=findable')).body.people).toEqual([]);
    // Unsharing takes effect at once.
    await ada.request('PUT', '/api/v1/network/sharing/contacts', {
      contactIds: [adaC.findable],
      share: 'private',
    });
    expect((await grace.get('/api/v1/network/search?q=findable')).body.people).toEqual([]);
    await ada.request('PUT', '/api/v1/network/sharing/contacts', {
      contactIds: [adaC.findable],
      share: 'default',
    });
    expect((await grace.get('/api/v1/network/search?q=findable')).body.people).toHaveLength(1);

    // The network graph: each party draws its own rolodex and its connections; never a connection's contacts.
    type Graph = { nodes: { label: string; kind: string }[] };
    const graphOf = async (u: User) => (await u.get('/api/v1/network/graph')).body as Graph;
    const [adaGraph, graceGraph, eveGraph] = [await graphOf(ada), await graphOf(grace), await graphOf(eve)];
    expect(adaGraph.nodes.map((n) => n.label)).toContain('ADA Findable Person');
    expect(graceGraph.nodes.map((n) => n.label)).toContain('GRACE Findable Person');
    // (A connection's account node may show its profile's organisation, e.g. "ADA Org": connections see that.)
    for (const [g, others] of [
      [adaGraph, ['GRACE', 'EVE']],
      [graceGraph, ['ADA', 'EVE']],
      [eveGraph, ['ADA', 'GRACE']],
    ] as const)
      for (const other of others)
        for (const name of [`${other} Findable Person`, `${other} Hidden Person`])
          expect(JSON.stringify(g)).not.toContain(name);
    expect((await anon.get('/api/v1/network/graph')).status).toBe(401);

    // Removal: effective immediately for both, everywhere.
    expect((await grace.delete(`/api/v1/network/connections/${connectionId}`)).status).toBe(204);
    expect((await ada.get(`/api/v1/network/profiles/${grace.accountId}`)).status).toBe(404);
    expect((await ada.get(`/api/v1/network/messages/${grace.accountId}`)).status).toBe(404);
    expect((await ada.post(`/api/v1/network/messages/${grace.accountId}`, { body: 'hello?' })).status).toBe(
      404,
    );
    expect((await ada.get('/api/v1/network/connections')).body.items).toEqual([]);
    expect((await ada.get('/api/v1/network/messages')).body.items).toEqual([]);
    expect((await grace.get('/api/v1/network/search?q=findable')).body.people).toEqual([]);

    // One-time links: shown to anyone holding them, accepted once, and forged / reused / expired all look the same.
    const link = await ada.post('/api/v1/network/invites', { message: 'Join me' });
    const token = link.body.invite.token as string;
    tokens.push(token);
    expect((await anon.post('/api/v1/network/invites/inspect', { token })).body).toEqual({
      from: { name: 'Ada Lovelace' },
      message: 'Join me',
      expiresAt: link.body.invite.expiresAt,
    });
    expect((await anon.post('/api/v1/network/invites/accept', { token })).status).toBe(401);
    const joined = await eve.post('/api/v1/network/invites/accept', { token: link.body.invite.url });
    expect(joined.body).toMatchObject({ status: 'accepted', account: { id: ada.accountId } });
    const reused = await grace.post('/api/v1/network/invites/accept', { token });
    const forged = await grace.post('/api/v1/network/invites/accept', { token: forgeToken(token) });
    expect(reused.status).toBe(404);
    expect(reused.body).toEqual(forged.body);
    const later = await ada.post('/api/v1/network/invites', {});
    tokens.push(later.body.invite.token);
    clock.advance(15 * 86_400_000);
    const expired = await grace.post('/api/v1/network/invites/accept', { token: later.body.invite.token });
    expect(expired.body).toEqual(forged.body);
    expect(
      (await anon.post('/api/v1/network/invites/inspect', { token: later.body.invite.token })).body,
    ).toEqual(forged.body);
    // Now connected, Eve still sees nothing private of Ada (tier and LinkedIn are what Ada chose to share).
    expect((await eve.get(`/api/v1/network/profiles/${ada.accountId}`)).status).toBe(200);
    expect((await eve.get('/api/v1/network/search?q=findable')).body.people).toHaveLength(1);

    // The scan: another account's private values appear in no response, no mail and no log line. First, the
    // recording works: each account did receive its own private values.
    expect(seen.get('ada')?.join('\n')).toContain(privatesOf('ADA').note);
    expect(seen.get('grace')?.join('\n')).toContain(privatesOf('GRACE').email);
    expect(
      mailsTo(grace.email)
        .map((m) => m.parsed.text)
        .join('\n'),
    ).toContain('Coffee next week?');
    const all = { ada: privatesOf('ADA'), grace: privatesOf('GRACE'), eve: privatesOf('EVE') };
    const forbidden = (owner: keyof typeof all) => [
      ...Object.values(all[owner]).map((v) => v.toLowerCase()),
      phoneDigits(all[owner].phone),
    ];
    for (const [viewer, bodies] of seen) {
      const text = bodies.join('\n').toLowerCase();
      for (const owner of Object.keys(all) as (keyof typeof all)[]) {
        if (owner === viewer) continue;
        for (const value of forbidden(owner))
          expect(text, `${viewer} saw ${owner}'s ${value}`).not.toContain(value);
      }
      // The bystander's sign-in address reaches nobody.
      if (viewer !== 'eve') expect(text).not.toContain(eve.email.toLowerCase());
    }
    const users = { ada, grace, eve };
    for (const [name, u] of Object.entries(users)) {
      const mails = mailsTo(u.email);
      expect(mails.length).toBeGreaterThan(0);
      const text = mails
        .map((m) => `${m.parsed.subject}\n${m.parsed.text}\n${m.parsed.html}`)
        .join('\n')
        .toLowerCase();
      for (const owner of Object.keys(all) as (keyof typeof all)[]) {
        if (owner === name) continue;
        for (const value of forbidden(owner))
          expect(text, `mail to ${name} held ${owner}'s ${value}`).not.toContain(value);
      }
    }
    const logs = server.logs.join('\n').toLowerCase();
    for (const owner of Object.keys(all) as (keyof typeof all)[]) {
      for (const value of forbidden(owner)) expect(logs, `log held ${value}`).not.toContain(value);
    }
    for (const t of tokens) expect(logs).not.toContain(t.toLowerCase());
    for (const u of Object.values(users)) expect(logs).not.toContain(u.email.toLowerCase());
    expect(logs).not.toContain('coffee next week');
  });

  it('bad input is refused with the field named', async () => {
    const ada = await server.user('Ada');
    const bad = await ada.post('/api/v1/network/invites', { email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('email');
    const both = await ada.post('/api/v1/network/invites', { email: 'a@example.test', contactId: 'x' });
    expect(both.body.error.details.issues[0].path).toBe('contactId');
    const long = await ada.post(`/api/v1/network/messages/${ada.accountId}`, { body: 'x'.repeat(5001) });
    expect(long.status).toBe(400);
    expect(long.body.error.details.issues[0].path).toBe('body');
    const none = await ada.get('/api/v1/network/on-rapport?contactIds=');
    expect(none.status).toBe(400);
    expect(none.body.error.details.issues[0].path).toMatch(/^querystring\.contactIds/);
    const share = await ada.request('PUT', '/api/v1/network/sharing/contacts', {
      contactIds: ['x'],
      share: 'public',
    });
    expect(share.body.error.details.issues[0].path).toBe('share');
  });
});
