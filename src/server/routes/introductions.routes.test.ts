import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { forgeToken } from '../../../test/forge-token';
import { serveForTests, type TestServer } from '../../../test/http';
import { connectedUsers, markEmailVerified } from '../../../test/network';
import { fixedClock } from '../../core/clock';
import { expectNoPrivate, linkToken, mailText, SECRET } from '../../core/introductions/intro.test-support';
import type { Mailer } from '../../core/mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../../core/mail/smtp-sink.test-support';

const WHY = 'I am looking for a guest speaker on supply chain for March';

describe.each(ENGINES)('introductions and asks over HTTP [%s]', (engine) => {
  let sink: SmtpSink;
  // The server is built before the sink listens; its mailer finds the sink when it sends.
  const mailer: Mailer = { send: (m) => smtpTestMailer(sink.port).send(m) };
  const clock = fixedClock('2026-11-25T09:00:00.000Z');
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });
  const server = serveForTests(engine, {
    app: { mailer, clock, feedLimit: { max: 1000, timeWindow: 60_000 } },
  });
  let start = 0;
  beforeEach(() => {
    start = sink.received.length;
    clock.set('2026-11-25T09:00:00.000Z');
  });
  const mailTo = (address: string) => sink.to(address, start);

  async function world(s: TestServer) {
    const db = s.handle().db;
    const [requester, broker] = await connectedUsers(s, 'Rita Requester', 'Bruno Broker');
    const bystander = await s.user('Bea Bystander');
    const target = await broker.post('/api/v1/contacts', {
      displayName: 'Tara Target',
      organisation: 'Acme Logistics',
      emails: [{ value: SECRET.email }],
      phones: [{ value: SECRET.phone }],
      urls: [{ value: SECRET.linkedin }, { value: SECRET.blog }],
      notes: SECRET.notes,
      howWeMet: SECRET.howWeMet,
    });
    await db.updateTable('contacts').set({ share: 'findable' }).where('id', '=', target.body.id).execute();
    return { requester, broker, bystander, targetId: target.body.id as string };
  }

  const form = (path: string, body: string) =>
    fetch(`${server.base()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });

  it('the whole double opt-in over HTTP, with the person answering on the signed link page', async () => {
    const w = await world(server);
    const seen: unknown[] = [];
    const asRequester = async (p: Promise<{ status: number; body: unknown }>) => {
      const r = await p;
      seen.push(r.body);
      return r;
    };
    const created = await asRequester(
      w.requester.post('/api/v1/introductions', {
        brokerId: w.broker.accountId,
        contactId: w.targetId,
        why: WHY,
      }),
    );
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;

    const inbox = await w.broker.get('/api/v1/introductions?role=broker&status=open');
    expect(inbox.body.items.map((i: { id: string; role: string }) => [i.id, i.role])).toEqual([
      [id, 'broker'],
    ]);
    expect((await w.broker.get('/api/v1/introductions?role=requester')).body.items).toEqual([]);
    const accepted = await w.broker.post(`/api/v1/introductions/${id}/broker-decision`, {
      decision: 'accept',
      message: 'Worth a coffee',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('awaiting-target');

    const [ask] = mailTo(SECRET.email);
    const token = linkToken(ask as NonNullable<typeof ask>);
    const page = await fetch(`${server.base()}/intro/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('set-cookie')).toBeNull();
    const html = await page.text();
    expect(html).toContain('<h1 style="font-size:1.4em">An introduction to Rita Requester</h1>');
    expect(html).toContain('Rita Requester asked Bruno Broker for an introduction to you. Why:');
    // Before deciding, the person knows who hears of a no.
    expect(html).toContain(
      'If you decline, Rita Requester only learns that it is not happening; Bruno Broker, who asked you, hears that you said no.',
    );
    expect(html).toContain(WHY);
    expect(html).toContain('Worth a coffee');
    expect(html).toContain('<form method="post">');
    expect(html).toContain(
      `<input type="checkbox" name="share" value="email"> my e-mail address (${SECRET.email})`,
    );
    expect(html).toContain('my phone number (••• 0123)');
    expect(html).not.toContain(SECRET.phone);
    expect(html).not.toContain(SECRET.notes);
    expect(html).not.toContain(SECRET.blog);
    // GET changed nothing (mail scanners follow links).
    expect((await w.broker.get(`/api/v1/introductions/${id}`)).body.state).toBe('awaiting-target');
    expect((await w.requester.get(`/api/v1/introductions/${id}`)).body.state).toBe('requested');
    // A form without a decision asks again.
    expect((await form(`/intro/${token}`, 'share=email')).status).toBe(400);

    const done = await form(`/intro/${token}`, 'share=email&share=linkedin&share=notes&decision=accept');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You are introduced');
    const intro = await asRequester(w.requester.get(`/api/v1/introductions/${id}`));
    expect(intro.body).toMatchObject({
      state: 'introduced',
      shared: { email: SECRET.email, phone: null, linkedinUrl: SECRET.linkedin },
    });
    const contact = await asRequester(
      w.requester.get(
        `/api/v1/contacts/${(intro.body as { target: { contactId: string } }).target.contactId}`,
      ),
    );
    expect(contact.body).toMatchObject({
      displayName: 'Tara Target',
      howWeMet: 'Introduced by Bruno Broker',
      phones: [],
    });

    // Spent: every bad link gets the same 404 page, for GET and POST alike.
    const gone = await fetch(`${server.base()}/intro/${token}`);
    expect(gone.status).toBe(404);
    const goneBody = await gone.text();
    expect(goneBody).toContain('This link is no longer valid');
    for (const bad of [token, 'A'.repeat(43), forgeToken(token), 'short']) {
      const g = await fetch(`${server.base()}/intro/${bad}`);
      expect([g.status, await g.text()]).toEqual([404, goneBody]);
      const p = await form(`/intro/${bad}`, 'decision=accept&share=email');
      expect([p.status, await p.text()]).toEqual([404, goneBody]);
    }

    // The requester's whole view (API, Today, mail) never held anything unshared; the logs never held the secret.
    seen.push(
      (await w.requester.get('/api/v1/introductions')).body,
      (await w.requester.get('/api/v1/today')).body,
    );
    seen.push(...mailTo(w.requester.email).map(mailText));
    expectNoPrivate(seen, [SECRET.email, SECRET.linkedin]);
    expect(server.logs.join('')).not.toContain(token);
    expectNoPrivate(server.logs);
    // The bystander: nothing at all.
    expect((await w.bystander.get('/api/v1/introductions')).body.items).toEqual([]);
    const foreign = await w.bystander.get(`/api/v1/introductions/${id}`);
    const missing = await w.bystander.get('/api/v1/introductions/01900000-0000-7000-8000-000000000000');
    expect([foreign.status, foreign.body]).toEqual([404, missing.body]);
  });

  it('a declined request with a private reason: the requester gets only "declined", in every response', async () => {
    const w = await world(server);
    const reason = 'PRIVATE-REASON-x7q';
    const created = await w.requester.post('/api/v1/introductions', {
      brokerId: w.broker.accountId,
      contactId: w.targetId,
      why: WHY,
    });
    const id = created.body.id;
    const d = await w.broker.post(`/api/v1/introductions/${id}/broker-decision`, {
      decision: 'decline',
      reason,
    });
    expect(d.body).toMatchObject({ state: 'broker-declined', privateReason: reason });
    const views = [
      await w.requester.get(`/api/v1/introductions/${id}`),
      await w.requester.get('/api/v1/introductions'),
      await w.requester.get('/api/v1/today'),
      await w.requester.post(`/api/v1/introductions/${id}/withdraw`),
      await w.requester.patch(`/api/v1/introductions/${id}`, { outcome: 'x' }),
    ];
    expect(views[0]?.body.state).toBe('declined');
    expect(views.slice(3).map((v) => v.status)).toEqual([409, 409]);
    const text = JSON.stringify(views.map((v) => v.body));
    expect(text).not.toContain(reason);
    expect(text).not.toContain('broker-declined');
    expect(text).not.toContain(w.targetId);
    expectNoPrivate(views.map((v) => v.body));
    expect(server.logs.join('')).not.toContain(reason);
  });

  it('a person with an account answers in the app; quotas and refusals answer with clear statuses', async () => {
    const w = await world(server);
    const tom = await server.user('Tom Target');
    await markEmailVerified(server.handle().db, tom.accountId);
    const tomContact = await w.broker.post('/api/v1/contacts', {
      displayName: 'Tom',
      emails: [{ value: tom.email }],
    });
    await server
      .handle()
      .db.updateTable('contacts')
      .set({ share: 'findable' })
      .where('id', '=', tomContact.body.id)
      .execute();
    const id = (
      await w.requester.post('/api/v1/introductions', {
        brokerId: w.broker.accountId,
        contactId: tomContact.body.id,
        why: WHY,
      })
    ).body.id;
    expect((await tom.get(`/api/v1/introductions/${id}`)).status).toBe(404);
    await w.broker.post(`/api/v1/introductions/${id}/broker-decision`, { decision: 'accept' });
    const inbox = await tom.get('/api/v1/introductions?role=target');
    expect(inbox.body.items[0]).toMatchObject({
      id,
      role: 'target',
      shareOptions: [{ kind: 'email', value: tom.email }],
    });
    const bad = await tom.post(`/api/v1/introductions/${id}/target-decision`, { decision: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('decision');
    const ok = await tom.post(`/api/v1/introductions/${id}/target-decision`, {
      decision: 'accept',
      share: ['email'],
    });
    expect(ok.body).toMatchObject({ state: 'introduced', shared: { email: tom.email } });
    // Tom's inbox also holds the link that made his account (sign-up confirmed by e-mail, ADR 4).
    const subjects = mailTo(tom.email).map((m) => m.parsed.subject);
    expect(subjects.filter((s) => s !== 'Confirm your new Rapport account')).toEqual([
      'Bruno Broker would like to introduce you to Rita Requester',
      'Introduction: Rita Requester ↔ Tom (by Bruno Broker)',
    ]);

    // The same person again: 409 while open or declined; a sixth request in a week: 429 with the reason.
    const again = await w.requester.post('/api/v1/introductions', {
      brokerId: w.broker.accountId,
      contactId: w.targetId,
      why: WHY,
    });
    expect(again.status).toBe(201);
    const dup = await w.requester.post('/api/v1/introductions', {
      brokerId: w.broker.accountId,
      contactId: w.targetId,
      why: WHY,
    });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'conflict']);
    for (let i = 0; i < 3; i++) {
      const c = await w.broker.post('/api/v1/contacts', { displayName: `Person ${i}` });
      await server
        .handle()
        .db.updateTable('contacts')
        .set({ share: 'findable' })
        .where('id', '=', c.body.id)
        .execute();
      expect(
        (
          await w.requester.post('/api/v1/introductions', {
            brokerId: w.broker.accountId,
            contactId: c.body.id,
            why: WHY,
          })
        ).status,
      ).toBe(201);
    }
    const over = await w.requester.post('/api/v1/introductions', {
      brokerId: w.broker.accountId,
      contactId: w.targetId,
      why: WHY,
    });
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({
      code: 'rate_limited',
      message: 'at most 5 introduction requests in 7 days: you can ask again from 2026-12-02 09:00 UTC',
    });
    // A non-connection asking about the broker's findable contact: 404, like an unknown contact.
    const stranger = await w.bystander.post('/api/v1/introductions', {
      brokerId: w.broker.accountId,
      contactId: w.targetId,
      why: WHY,
    });
    const unknown = await w.bystander.post('/api/v1/introductions', {
      brokerId: w.broker.accountId,
      contactId: '01900000-0000-7000-8000-000000000000',
      why: WHY,
    });
    expect([stranger.status, stranger.body]).toEqual([404, unknown.body]);
  });

  it('asks over HTTP: a connection answers, a stranger gets 404, closing thanks', async () => {
    const w = await world(server);
    const ask = await w.requester.post('/api/v1/asks', { title: 'A venue for 40 people in Leeds' });
    expect(ask.status).toBe(201);
    const board = await w.broker.get('/api/v1/asks');
    expect(board.body.items.map((a: { id: string }) => a.id)).toEqual([ask.body.id]);
    expect((await w.bystander.get('/api/v1/asks')).body.items).toEqual([]);
    const foreign = await w.bystander.get(`/api/v1/asks/${ask.body.id}`);
    const missing = await w.bystander.get('/api/v1/asks/01900000-0000-7000-8000-000000000000');
    expect([foreign.status, foreign.body]).toEqual([404, missing.body]);
    const answered = await w.broker.post(`/api/v1/asks/${ask.body.id}/answers`, {
      kind: 'help',
      note: 'Our office',
    });
    expect(answered.status).toBe(201);
    const offer = await w.broker.post(`/api/v1/asks/${ask.body.id}/answers`, {
      kind: 'introduce',
      contactId: w.targetId,
    });
    expect(offer.status).toBe(201);
    expect(mailTo(SECRET.email)).toHaveLength(1);
    const mine = await w.requester.get('/api/v1/asks?from=mine');
    const answers = mine.body.items[0].answers;
    expect(answers.map((a: { kind: string }) => a.kind)).toEqual(['help', 'introduce']);
    expectNoPrivate([mine.body]);
    const closed = await w.requester.post(`/api/v1/asks/${ask.body.id}/close`, {
      thank: [answers[0].id],
      thanks: 'Perfect, thank you',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ ask: { state: 'closed' }, favoursSkipped: [] });
    expect((await w.requester.get('/api/v1/favours')).body.items[0]).toMatchObject({
      direction: 'received',
      source: 'ask',
    });
    expect((await w.requester.delete(`/api/v1/asks/${ask.body.id}`)).status).toBe(204);
  });

  it("lists introductions and asks a page at a time; a bad cursor is a 400 naming it; another's cursor shows nothing", async () => {
    const w = await world(server);
    const db = server.handle().db;
    const targets = [w.targetId];
    for (const name of ['Una Other', 'Vic Other']) {
      const c = await w.broker.post('/api/v1/contacts', { displayName: name });
      await db.updateTable('contacts').set({ share: 'findable' }).where('id', '=', c.body.id).execute();
      targets.push(c.body.id);
    }
    // All made in the same instant (the clock stands still): the id alone orders them.
    for (const contactId of targets) {
      const r = await w.requester.post('/api/v1/introductions', {
        brokerId: w.broker.accountId,
        contactId,
        why: WHY,
      });
      expect(r.status).toBe(201);
    }
    for (const title of ['A venue in Leeds', 'A printer', 'A translator']) {
      expect((await w.requester.post('/api/v1/asks', { title })).status).toBe(201);
    }
    const ids = (items: { id: string }[]) => items.map((i) => i.id);
    const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;
    /** Every page of a list, two at a time: the ids read, and the cursor after the first page. */
    const walk = async (path: string) => {
      const read: string[] = [];
      let cursor: string | null = null;
      let firstCursor: string | null = null;
      do {
        const query: string = `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const r: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
          await w.requester.get(withQuery(path, query));
        expect(r.status).toBe(200);
        read.push(...ids(r.body.items));
        cursor = r.body.nextCursor;
        firstCursor ??= cursor;
      } while (cursor);
      return { read, firstCursor };
    };
    for (const path of ['/api/v1/introductions', '/api/v1/asks?from=mine']) {
      const all = (await w.requester.get(path)).body;
      expect(all.items).toHaveLength(3);
      expect(all.nextCursor).toBeNull();
      const { read, firstCursor } = await walk(path);
      expect(read).toEqual(ids(all.items));
      expect(firstCursor).toEqual(expect.any(String));
      // The requester's cursor in someone else's hands reads only their own (none).
      const theirs = await w.bystander.get(
        withQuery(path, `cursor=${encodeURIComponent(String(firstCursor))}`),
      );
      expect([theirs.status, theirs.body]).toEqual([200, { items: [], nextCursor: null }]);
    }
    const board = (await w.broker.get('/api/v1/asks?limit=2')).body;
    expect(board.items).toHaveLength(2);
    const next = encodeURIComponent(board.nextCursor);
    const rest = (await w.broker.get(`/api/v1/asks?limit=2&cursor=${next}`)).body;
    expect(rest.nextCursor).toBeNull();
    expect([...ids(board.items), ...ids(rest.items)]).toEqual(
      ids((await w.broker.get('/api/v1/asks')).body.items),
    );
    expect((await w.bystander.get(`/api/v1/asks?cursor=${next}`)).body).toEqual({
      items: [],
      nextCursor: null,
    });

    for (const path of ['/api/v1/introductions', '/api/v1/asks', '/api/v1/asks?from=mine']) {
      for (const [query, field] of [
        // A cursor is only checked by the use case, so it names the field alone.
        ['cursor=nonsense', 'cursor'],
        [`cursor=${Buffer.from('{"at":"2026"}').toString('base64url')}`, 'cursor'],
        ['limit=0', 'querystring.limit'],
      ] as const) {
        const r = await w.requester.get(withQuery(path, query));
        expect([r.status, r.body.error.code, r.body.error.details.issues[0].path]).toEqual([
          400,
          'validation',
          field,
        ]);
      }
    }
  });
});

describe('the signed link page is rate-limited per address', () => {
  const server = serveForTests('sqlite', { app: { feedLimit: { max: 3, timeWindow: 60_000 } } });
  it('answers 429 past the limit, whatever the token', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await fetch(`${server.base()}/intro/${'A'.repeat(43)}`)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});
