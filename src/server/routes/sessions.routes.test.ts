import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { Client, serveForTests } from '../../../test/http';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

describe.each(ENGINES)('signed-in browsers over HTTP [%s]', (engine) => {
  const server = serveForTests(engine);

  /** Another browser of the same account, signed in with its own user agent. */
  async function signIn(u: { email: string; password: string }, userAgent: string) {
    const c = new Client(server.base());
    const r = await c.request(
      'POST',
      '/api/v1/auth/login',
      { email: u.email, password: u.password },
      { 'user-agent': userAgent },
    );
    expect(r.status).toBe(200);
    return c;
  }

  const signedOut = (reason: string) => ({
    error: { code: 'unauthenticated', message: expect.any(String), details: { reason } },
  });

  it('lists my browsers, signs one out, and that browser is told why on its next request', async () => {
    const u = await server.user();
    const laptop = await signIn(u, FIREFOX);
    const phone = await signIn(u, IPHONE);

    const list = await u.get('/api/v1/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const byDevice = new Map(list.body.items.map((s: { device: string; id: string }) => [s.device, s.id]));
    expect([...byDevice.keys()]).toEqual(expect.arrayContaining(['Firefox on Linux', 'Safari on iOS']));
    expect(JSON.stringify(list.body)).not.toContain(laptop.cookies.get('rapport_session'));
    const fromLaptop = (await laptop.get('/api/v1/auth/sessions')).body.items;
    expect(fromLaptop.find((s: { current: boolean }) => s.current).device).toBe('Firefox on Linux');

    expect((await u.delete(`/api/v1/auth/sessions/${byDevice.get('Firefox on Linux')}`)).status).toBe(204);
    const next = await laptop.get('/api/v1/contacts');
    expect(next.status).toBe(401);
    expect(next.body).toEqual(signedOut('signed_out_elsewhere'));
    expect(next.body.error.message).toBe('you were signed out on this device from another device');
    expect((await laptop.get('/api/v1/auth/session')).body).toEqual(signedOut('signed_out_elsewhere'));
    // Its own sign-out still clears its cookies, and its later requests are plainly signed out.
    expect((await laptop.post('/api/v1/auth/logout')).status).toBe(204);
    expect(laptop.cookies.size).toBe(0);
    expect((await laptop.get('/api/v1/contacts')).body.error.details).toEqual({});

    expect((await phone.get('/api/v1/contacts')).status).toBe(200);
    expect((await u.get('/api/v1/auth/sessions')).body.items).toHaveLength(2);
  });

  it("refuses another account's session like a missing one, and this browser's own", async () => {
    const owner = await server.user('Owner');
    const intruder = await server.user('Intruder');
    const ownerSession = (await owner.get('/api/v1/auth/sessions')).body.items[0].id;
    const foreign = await intruder.delete(`/api/v1/auth/sessions/${ownerSession}`);
    const missing = await intruder.delete('/api/v1/auth/sessions/01900000-0000-7000-8000-000000000000');
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await owner.get('/api/v1/contacts')).status).toBe(200);

    const own = await owner.delete(`/api/v1/auth/sessions/${ownerSession}`);
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('conflict');
    expect((await owner.get('/api/v1/contacts')).status).toBe(200);
  });

  it('signs out every other browser and keeps this one', async () => {
    const u = await server.user();
    const a = await signIn(u, FIREFOX);
    const b = await signIn(u, IPHONE);
    const stranger = await server.user();
    const r = await u.post('/api/v1/auth/sessions/end-others');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ended: 2 });
    for (const c of [a, b])
      expect((await c.get('/api/v1/contacts')).body).toEqual(signedOut('signed_out_elsewhere'));
    expect((await u.get('/api/v1/contacts')).status).toBe(200);
    expect((await u.get('/api/v1/auth/sessions')).body.items).toEqual([
      expect.objectContaining({ current: true }),
    ]);
    expect((await stranger.get('/api/v1/contacts')).status).toBe(200);
  });

  it('tells a browser signed out by a password change why', async () => {
    const u = await server.user();
    const other = await signIn(u, FIREFOX);
    const changed = await u.post('/api/v1/auth/password', {
      currentPassword: u.password,
      newPassword: 'a brand new password',
    });
    expect(changed.status).toBe(200);
    const r = await other.post('/api/v1/contacts', { displayName: 'Too late' });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(signedOut('password_changed'));
    expect(r.body.error.message).toMatch(/password was changed/);
    expect((await u.get('/api/v1/auth/sessions')).body.items).toHaveLength(1);
  });
});
