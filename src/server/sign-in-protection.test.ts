import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines';
import { serveForTests } from '../../test/http';

const wrong = (i: number) => ({ email: 'owner@example.test', password: `guess-${i}` });

describe.each(ENGINES)('sign-in protection over HTTP [%s]', (engine) => {
  describe('behind one reverse proxy (RAPPORT_TRUST_PROXY=1)', () => {
    const server = serveForTests(engine, {
      app: { trustProxy: true, loginLimit: { max: 3, timeWindow: 60_000 } },
    });

    it('limits the real client even when it writes its own X-Forwarded-For entries', async () => {
      const c = server.anonymous();
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        // What nginx's proxy_add_x_forwarded_for passes on: the client's header, then the address it saw.
        const xff = `198.18.0.${i}, 203.0.113.7`;
        statuses.push(
          (await c.request('POST', '/api/v1/auth/login', wrong(i), { 'x-forwarded-for': xff })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      // Another real client behind the same proxy keeps its own allowance.
      const other = await c.request('POST', '/api/v1/auth/login', wrong(9), {
        'x-forwarded-for': '203.0.113.8',
      });
      expect(other.status).toBe(401);
    });

    it('still believes the proxy about https (Secure cookies)', async () => {
      const r = await server
        .anonymous()
        .request(
          'POST',
          '/api/v1/auth/signup',
          { email: `proxied-${engine}@example.test`, password: 'long enough', name: 'P' },
          { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
        );
      expect(r.status).toBe(201);
      expect(r.headers.getSetCookie().find((x) => x.startsWith('rapport_session='))).toMatch(/; Secure/);
    });
  });

  describe('behind two reverse proxies (RAPPORT_TRUST_PROXY=2)', () => {
    const server = serveForTests(engine, {
      app: { trustProxy: 2, loginLimit: { max: 2, timeWindow: 60_000 } },
    });

    it('takes the address the outer proxy saw', async () => {
      const c = server.anonymous();
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const xff = `198.18.1.${i}, 203.0.113.20, 10.0.0.2`;
        statuses.push(
          (await c.request('POST', '/api/v1/auth/login', wrong(i), { 'x-forwarded-for': xff })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 429]);
      const other = await c.request('POST', '/api/v1/auth/login', wrong(0), {
        'x-forwarded-for': '203.0.113.21, 10.0.0.2',
      });
      expect(other.status).toBe(401);
    });
  });

  describe('per client address, whatever the email', () => {
    const server = serveForTests(engine, { app: { loginAddressLimit: { max: 5, timeWindow: 60_000 } } });

    it('stops a flood of made-up emails from one address, sign-up included', async () => {
      const c = server.anonymous();
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        statuses.push(
          (await c.post('/api/v1/auth/login', { email: `nobody-${i}@example.test`, password: 'x' })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const signup = await c.post('/api/v1/auth/signup', {
        email: 'new@example.test',
        password: 'long enough',
        name: 'N',
      });
      expect(signup.status).toBe(429);
      expect(signup.body.error.code).toBe('rate_limited');
      expect(signup.body.error.message).toMatch(/retry in 1 minute$/);
      expect(Number(signup.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(signup.body.error.details.retryAfterSeconds).toBe(Number(signup.headers.get('retry-after')));
    });
  });

  describe('password hashes at once', () => {
    // A real scrypt cost (half of production), so the hashes overlap as they would.
    const server = serveForTests(engine, { settings: { scryptN: 2 ** 16 } });

    it('answers 503 at once past a short queue, and a real sign-in works after the flood', async () => {
      const owner = await server.user('Owner');
      const flood = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          server.anonymous().post('/api/v1/auth/login', { email: owner.email, password: `guess-${i}` }),
        ),
      );
      const statuses = flood.map((r) => r.status);
      expect(statuses.filter((s) => s !== 401 && s !== 503)).toEqual([]);
      expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(2);
      const busy = flood.find((r) => r.status === 503);
      expect(busy?.body.error.code).toBe('unavailable');
      expect(busy?.headers.get('retry-after')).toBe('1');
      const back = await server
        .anonymous()
        .post('/api/v1/auth/login', { email: owner.email, password: owner.password });
      expect(back.status).toBe(200);
    });
  });

  describe('after the per-email limit', () => {
    const server = serveForTests(engine, { app: { loginLimit: { max: 2, timeWindow: 60_000 } } });

    it('tells in the body how long the wait is', async () => {
      const c = server.anonymous();
      for (let i = 0; i < 2; i++) expect((await c.post('/api/v1/auth/login', wrong(i))).status).toBe(401);
      const locked = await c.post('/api/v1/auth/login', wrong(2));
      expect(locked.status).toBe(429);
      const seconds = locked.body.error.details.retryAfterSeconds;
      expect(seconds).toBe(Number(locked.headers.get('retry-after')));
      expect(seconds).toBeGreaterThan(50);
      expect(seconds).toBeLessThanOrEqual(60);
    });
  });

  describe('an Authorization header that is not Bearer', () => {
    const server = serveForTests(engine);

    it('is left to the proxy that asked for it: the session cookie still signs in', async () => {
      const u = await server.user('Behind Basic Auth');
      const basic = { authorization: 'Basic dTpw' };
      expect((await u.request('GET', '/api/v1/contacts', undefined, basic)).status).toBe(200);
      const made = await u.request('POST', '/api/v1/contacts', { displayName: 'Grace Hopper' }, basic);
      expect(made.status).toBe(201);
      expect((await u.request('GET', '/api/v1/auth/session', undefined, basic)).body.via).toBe('session');
      expect((await server.anonymous().request('GET', '/api/v1/setup', undefined, basic)).status).toBe(200);
      // Without a cookie it is simply not signed in.
      const none = await server.anonymous().request('GET', '/api/v1/contacts', undefined, basic);
      expect(none.status).toBe(401);
    });

    it('while a bad Bearer token is still refused, cookie or not', async () => {
      const u = await server.user('Bad Token');
      const r = await u.request('GET', '/api/v1/contacts', undefined, { authorization: 'Bearer rpt_nope' });
      expect(r.status).toBe(401);
      expect(r.body.error.message).toMatch(/API token/);
    });
  });
});
