import { describe, expect, it } from 'vitest';
import { ENGINES, testContext } from '../../../test/engines';
import { Client, serveForTests } from '../../../test/http';
import { createAccount } from '../../core/accounts/create-account';

describe.each(ENGINES)('health, sign-out and invites over HTTP [%s]', (engine) => {
  const server = serveForTests(engine);

  it('answers GET /health with the same JSON check as /api/v1/health, for monitors', async () => {
    const root = await server.anonymous().get('/health');
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/^application\/json/);
    expect(root.body).toEqual({ status: 'ok', engine, version: expect.any(String) });
    expect(root.body).toEqual((await server.anonymous().get('/api/v1/health')).body);
  });

  it('signs out a session that already ended: 204 and its stale cookies cleared', async () => {
    const here = await server.user();
    const elsewhere = new Client(server.base());
    await elsewhere.post('/api/v1/auth/login', { email: here.email, password: here.password });
    const changed = await here.post('/api/v1/auth/password', {
      currentPassword: here.password,
      newPassword: 'a new password here',
    });
    expect(changed.status).toBe(200);

    expect(elsewhere.cookies.has('rapport_session')).toBe(true);
    const out = await elsewhere.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie().map((c) => c.split('=')[0]);
    expect(cleared.sort()).toEqual(['rapport_csrf', 'rapport_session']);
    expect(elsewhere.cookies.size).toBe(0);
    // Signing out with no session at all is also just a sign-out.
    expect((await server.anonymous().post('/api/v1/auth/logout')).status).toBe(204);
    // A live session still needs its CSRF token to be ended.
    here.sendCsrf = false;
    expect((await here.post('/api/v1/auth/logout')).status).toBe(403);
  });

  describe('invite sign-up', () => {
    const invites = serveForTests(engine, { settings: { signup: 'invite' } });
    it('says an e-mail-bound invite is for another address, without naming it, and tells the code holder which', async () => {
      const email = `inviter-${Date.now()}@example.test`;
      await createAccount(testContext(invites.handle().db, engine), {
        email,
        password: 'long enough',
        name: 'Ina',
      });
      const zoe = `zoe.bound-${Date.now()}@example.test`;
      const inviter = invites.anonymous();
      await inviter.post('/api/v1/auth/login', { email, password: 'long enough' });
      const bound = await inviter.post('/api/v1/invites', { email: zoe.toUpperCase() });
      const open = await inviter.post('/api/v1/invites', {});

      const wrong = await invites.anonymous().post('/api/v1/auth/signup', {
        email: 'someone@example.test',
        password: 'long enough',
        name: 'Someone',
        inviteCode: bound.body.code,
      });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.details.issues).toEqual([
        { path: 'email', message: 'this invite is for another e-mail address' },
      ]);
      expect(JSON.stringify(wrong.body)).not.toContain('zoe');

      const inspect = (code: string) => invites.anonymous().post('/api/v1/invites/inspect', { code });
      expect(await inspect(bound.body.code)).toMatchObject({
        status: 200,
        body: { email: zoe },
      });
      expect(await inspect(open.body.code)).toMatchObject({ status: 200, body: { email: null } });
      expect((await inspect('not-a-real-code-at-all')).status).toBe(404);

      const ok = await invites.anonymous().post('/api/v1/auth/signup', {
        email: zoe,
        password: 'long enough',
        name: 'Zoe',
        inviteCode: bound.body.code,
      });
      expect(ok.status).toBe(201);
      // Used: the code tells nothing any more, and a wrong code is still "a valid, unused invite code is required".
      expect((await inspect(bound.body.code)).status).toBe(404);
      const used = await invites.anonymous().post('/api/v1/auth/signup', {
        email: zoe,
        password: 'long enough',
        name: 'Zoe',
        inviteCode: bound.body.code,
      });
      expect(used.body.error.details.issues[0].path).toBe('inviteCode');
    });
  });
});
