import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { Client, serveForTests } from '../../../test/http';
import { DAY_MS, fixedClock } from '../../core/clock';

describe.each(ENGINES)('accounts and sessions over HTTP [%s]', (engine) => {
  const clock = fixedClock('2026-11-25T09:00:00.000Z');
  const server = serveForTests(engine, { app: { clock } });

  it('signs up, reads the session, logs out and in again', async () => {
    const u = await server.user('Ada Lovelace');
    const cookie = u.cookies.get('rapport_session');
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await u.get('/api/v1/auth/session');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ account: { name: 'Ada Lovelace', email: u.email }, via: 'session' });
    expect(me.body.csrfToken).toBe(u.csrf);

    expect((await u.post('/api/v1/auth/logout')).status).toBe(204);
    expect(u.cookies.has('rapport_session')).toBe(false);
    // The old token is dead on the server too, not just forgotten by the browser.
    const replay = new Client(server.base());
    replay.cookies.set('rapport_session', cookie as string);
    expect((await replay.get('/api/v1/auth/session')).status).toBe(401);

    const back = await u.post('/api/v1/auth/login', { email: u.email.toUpperCase(), password: u.password });
    expect(back.status).toBe(200);
    expect((await u.get('/api/v1/contacts')).status).toBe(200);
  });

  it('sets HttpOnly, SameSite=Lax session cookies', async () => {
    const c = server.anonymous();
    const r = await c.post('/api/v1/auth/signup', {
      email: `cookie-${Date.now()}@example.test`,
      password: 'long enough',
      name: 'C',
    });
    const cookies = r.headers.getSetCookie();
    const session = cookies.find((x) => x.startsWith('rapport_session='));
    const csrf = cookies.find((x) => x.startsWith('rapport_csrf='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Path=\//);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(session).not.toMatch(/Secure/);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const u = await server.user();
    const wrong = await server
      .anonymous()
      .post('/api/v1/auth/login', { email: u.email, password: 'not the password' });
    const unknown = await server
      .anonymous()
      .post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'whatever1' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('refuses a second account with the same email, whatever its case, without saying the address has one', async () => {
    const u = await server.user();
    const r = await server.anonymous().post('/api/v1/auth/signup', {
      email: ` ${u.email.toUpperCase()} `,
      password: 'long enough',
      name: 'X',
    });
    expect(r.status).toBe(409);
    // ADR 4, amendment "sign-up does not name accounts": no field is pointed at, no session is given.
    expect(r.body).toEqual({
      error: {
        code: 'conflict',
        message:
          'could not create an account with these details; if you already have an account here, sign in instead',
        details: { reason: 'signup_refused' },
      },
    });
    expect(r.headers.getSetCookie()).toEqual([]);
  });

  it('names each bad sign-up field', async () => {
    const r = await server
      .anonymous()
      .post('/api/v1/auth/signup', { email: 'not-an-email', password: 'short', name: '', admin: true });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation');
    const paths = r.body.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['admin', 'email', 'name', 'password']);
  });

  it('needs the CSRF token for cookie-authenticated writes, but not for bearer tokens', async () => {
    const u = await server.user();
    u.sendCsrf = false;
    const r = await u.post('/api/v1/contacts', { displayName: 'Forged' });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/X-CSRF-Token/);
    expect(
      (await u.request('POST', '/api/v1/contacts', { displayName: 'Forged' }, { 'x-csrf-token': 'guess' }))
        .status,
    ).toBe(403);
    u.sendCsrf = true;
    expect((await u.get('/api/v1/contacts')).body.items).toEqual([]);
    const t = await server.tokenUser();
    expect((await t.post('/api/v1/contacts', { displayName: 'Scripted' })).status).toBe(201);
  });

  it('expires sessions after their lifetime', async () => {
    const u = await server.user();
    clock.advance(29 * DAY_MS);
    expect((await u.get('/api/v1/auth/session')).status).toBe(200);
    clock.advance(2 * DAY_MS);
    const r = await u.get('/api/v1/auth/session');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
    clock.set('2026-11-25T09:00:00.000Z');
  });

  it('changing the password signs out every other session and keeps this one working', async () => {
    const u = await server.user();
    const other = new Client(server.base());
    await other.post('/api/v1/auth/login', { email: u.email, password: u.password });
    expect((await other.get('/api/v1/auth/session')).status).toBe(200);

    const wrong = await u.post('/api/v1/auth/password', {
      currentPassword: 'nope',
      newPassword: 'a brand new password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.issues).toEqual([{ path: 'currentPassword', message: 'is wrong' }]);

    const ok = await u.post('/api/v1/auth/password', {
      currentPassword: u.password,
      newPassword: 'a brand new password',
    });
    expect(ok.status).toBe(200);
    expect((await other.get('/api/v1/auth/session')).status).toBe(401);
    expect((await u.get('/api/v1/auth/session')).status).toBe(200);
    expect((await u.post('/api/v1/contacts', { displayName: 'Still here' })).status).toBe(201);
    expect(
      (await server.anonymous().post('/api/v1/auth/login', { email: u.email, password: u.password })).status,
    ).toBe(401);
    expect(
      (
        await server
          .anonymous()
          .post('/api/v1/auth/login', { email: u.email, password: 'a brand new password' })
      ).status,
    ).toBe(200);
  });

  it('deletes my account with my password: its session and API tokens stop working at once', async () => {
    const u = await server.user('Leaving Person');
    await u.post('/api/v1/contacts', { displayName: 'Someone I knew' });
    const token = (await u.post('/api/v1/tokens', { name: 'script' })).body.token as string;
    const script = new Client(server.base());
    script.bearer = token;
    const session = u.cookies.get('rapport_session') as string;

    expect(
      (await server.anonymous().request('DELETE', '/api/v1/account', { password: u.password })).status,
    ).toBe(401);
    u.sendCsrf = false;
    expect((await u.request('DELETE', '/api/v1/account', { password: u.password })).status).toBe(403);
    u.sendCsrf = true;
    const wrong = await u.request('DELETE', '/api/v1/account', { password: 'not the password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.issues).toEqual([{ path: 'password', message: 'is wrong' }]);
    expect((await script.get('/api/v1/contacts')).body.items).toHaveLength(1);

    const gone = await u.request('DELETE', '/api/v1/account', { password: u.password });
    expect(gone.status).toBe(204);
    expect(gone.headers.getSetCookie().some((c) => /^rapport_session=;/.test(c))).toBe(true);
    const replay = new Client(server.base());
    replay.cookies.set('rapport_session', session);
    expect((await replay.get('/api/v1/auth/session')).status).toBe(401);
    expect((await script.get('/api/v1/contacts')).status).toBe(401);
    const again = await server
      .anonymous()
      .post('/api/v1/auth/login', { email: u.email, password: u.password });
    expect(again.status).toBe(401);
  });

  it('API tokens: created once, listed without secret, revoked for good', async () => {
    const u = await server.user();
    const created = await u.post('/api/v1/tokens', { name: 'laptop script', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^rpt_[A-Za-z0-9_-]{43}$/);
    const list = await u.get('/api/v1/tokens');
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: created.body.id,
        name: 'laptop script',
        prefix: created.body.token.slice(0, 10),
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    const script = new Client(server.base());
    script.bearer = created.body.token;
    expect((await script.get('/api/v1/auth/session')).body).toMatchObject({ via: 'token', csrfToken: null });
    expect((await u.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    expect((await script.get('/api/v1/contacts')).status).toBe(401);
    expect((await u.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(404);
    expect((await u.post('/api/v1/tokens', { name: '' })).body.error.details.issues[0].path).toBe('name');
  });

  it('answers bad bodies with a clear 400 or 413 and stores nothing', async () => {
    const u = await server.user();
    const bad = await u.request('POST', '/api/v1/contacts', '{"displayName": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation', message: 'body: is not valid JSON' });
    const wrongType = await u.post('/api/v1/contacts', { displayName: 42, emails: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'displayName',
      'emails',
    ]);
    const nested = await u.post('/api/v1/contacts', {
      displayName: 'X',
      emails: [{ value: 'ok@example.com' }, { value: 'nope' }],
    });
    expect(nested.body.error.details.issues).toEqual([
      { path: 'emails.1.value', message: 'must be an email address' },
    ]);
    const huge = await u.post('/api/v1/contacts', { displayName: 'X', notes: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('too_large');
    const form = await u.request('POST', '/api/v1/contacts', 'displayName=X', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const query = await u.get('/api/v1/contacts?limit=5000&bogus=1');
    expect(query.status).toBe(400);
    expect(query.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'querystring.bogus',
      'querystring.limit',
    ]);
    expect((await u.get('/api/v1/contacts')).body.items).toEqual([]);
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const u = await server.user();
    const r = await u.get('/api/v1/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });

  it('tags every response with a request id and never logs secrets or search text', async () => {
    const u = await server.user();
    const r = await u.get('/api/v1/contacts?q=secretive-search');
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const token = (await u.post('/api/v1/tokens', { name: 'x' })).body.token as string;
    const all = server.logs.join('');
    expect(all).toContain('"reqId"');
    expect(all).not.toContain(u.password);
    expect(all).not.toContain(u.cookies.get('rapport_session'));
    expect(all).not.toContain(token);
    expect(all).not.toContain('secretive-search');
  });

  it('serves the OpenAPI document and browsable docs', async () => {
    const doc = await server.anonymous().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/api/v1/contacts'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'q',
    );
    // A body that may be left out is not required; one that may not, is.
    expect(doc.body.paths['/api/v1/feeds'].post.requestBody.required).toBe(false);
    expect(doc.body.paths['/api/v1/contacts'].post.requestBody.required).toBe(true);
    // Any route may find the database busy (ADR 20): each lists the 503, with its error body and Retry-After.
    const busy = doc.body.paths['/api/v1/contacts'].post.responses['503'];
    expect(busy.content['application/json'].schema).toEqual(
      doc.body.paths['/api/v1/contacts'].post.responses['400'].content['application/json'].schema,
    );
    expect(Object.keys(busy.headers)).toEqual(['Retry-After']);
    const operations = Object.entries(
      doc.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => [`${method} ${path}`, op] as const),
    );
    const answering = operations.filter(([, op]) => Object.keys(op.responses).some((s) => s.startsWith('4')));
    expect(answering.length).toBeGreaterThan(100);
    for (const [name, op] of answering) expect(op.responses, name).toHaveProperty('503');
    const html = await server.anonymous().get('/api/docs/');
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('swagger');
  });
});

describe('sign-up policy and rate limits', () => {
  describe('closed', () => {
    const server = serveForTests('sqlite', { settings: { signup: 'closed' } });
    it('lets only the first account in', async () => {
      expect((await server.anonymous().get('/api/v1/setup')).body).toEqual({
        needsFirstAccount: true,
        signup: 'closed',
      });
      await server.user();
      expect((await server.anonymous().get('/api/v1/setup')).body.needsFirstAccount).toBe(false);
      const r = await server
        .anonymous()
        .post('/api/v1/auth/signup', { email: 'late@example.test', password: 'long enough', name: 'L' });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/closed/);
    });
  });

  describe('invite', () => {
    const server = serveForTests('sqlite', { settings: { signup: 'invite' } });
    it('needs an unused invite code after the first account', async () => {
      const first = await server.user();
      const noCode = await server
        .anonymous()
        .post('/api/v1/auth/signup', { email: 'b@example.test', password: 'long enough', name: 'B' });
      expect(noCode.status).toBe(403);
      expect(noCode.body.error.details.issues[0].path).toBe('inviteCode');
      const invite = await first.post('/api/v1/invites', { email: 'b@example.test' });
      expect(invite.status).toBe(201);
      const wrongEmail = await server.anonymous().post('/api/v1/auth/signup', {
        email: 'c@example.test',
        password: 'long enough',
        name: 'C',
        inviteCode: invite.body.code,
      });
      expect(wrongEmail.status).toBe(403);
      const ok = await server.anonymous().post('/api/v1/auth/signup', {
        email: 'b@example.test',
        password: 'long enough',
        name: 'B',
        inviteCode: invite.body.code,
      });
      expect(ok.status).toBe(201);
      const reuse = await server.anonymous().post('/api/v1/auth/signup', {
        email: 'b2@example.test',
        password: 'long enough',
        name: 'B2',
        inviteCode: invite.body.code,
      });
      expect(reuse.status).toBe(403);
    });
  });

  describe('log-in attempts', () => {
    const server = serveForTests('sqlite', { app: { loginLimit: { max: 3, timeWindow: 60_000 } } });
    it('are rate-limited per address and email with a clear 429', async () => {
      const c = server.anonymous();
      const tries = [];
      for (let i = 0; i < 4; i++)
        tries.push(
          await c.post('/api/v1/auth/login', { email: 'victim@example.test', password: `guess-${i}` }),
        );
      expect(tries.map((t) => t.status)).toEqual([401, 401, 401, 429]);
      expect(tries[3]?.body.error.code).toBe('rate_limited');
      expect(tries[3]?.headers.get('retry-after')).toBeTruthy();
      // Another email from the same address is still allowed.
      expect(
        (await c.post('/api/v1/auth/login', { email: 'other@example.test', password: 'x' })).status,
      ).toBe(401);
    });

    it('limit guesses of the current password from a signed-in session too, per account', async () => {
      const thief = await server.user('Stolen Session');
      const guesses = [];
      for (let i = 0; i < 4; i++)
        guesses.push(
          await thief.post('/api/v1/auth/password', {
            currentPassword: `guess-${i}`,
            newPassword: 'a new password 1',
          }),
        );
      expect(guesses.map((g) => g.status)).toEqual([400, 400, 400, 429]);
      expect(guesses[3]?.body.error.code).toBe('rate_limited');
      const deletes = [];
      for (let i = 0; i < 4; i++)
        deletes.push(await thief.request('DELETE', '/api/v1/account', { password: `guess-${i}` }));
      expect(deletes.map((g) => g.status)).toEqual([400, 400, 400, 429]);
      // Another account is not held back by it.
      const other = await server.user('Someone Else');
      expect((await other.request('DELETE', '/api/v1/account', { password: 'wrong' })).status).toBe(400);
    });
  });
});
