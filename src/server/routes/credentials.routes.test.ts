import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../test/api-routes';
import { ENGINES } from '../../../test/engines';
import { Client, serveForTests } from '../../../test/http';

/**
 * The routes that manage credentials or the account: a signed-in browser only, never an API token (ADR 4,
 * amendment of 2026-11-27). Every other route takes a token as before.
 */
const SESSION_ONLY = [
  'POST /api/v1/auth/password',
  'DELETE /api/v1/account',
  'GET /api/v1/auth/sessions',
  'DELETE /api/v1/auth/sessions/:id',
  'POST /api/v1/auth/sessions/end-others',
  'GET /api/v1/tokens',
  'POST /api/v1/tokens',
  'DELETE /api/v1/tokens/:id',
  'POST /api/v1/invites',
  'GET /api/v1/invites',
  'DELETE /api/v1/invites/:id',
  'GET /api/v1/feeds',
  'POST /api/v1/feeds',
  'DELETE /api/v1/feeds/:id',
];

const SESSION_REQUIRED = {
  error: {
    code: 'forbidden',
    message: 'this needs a signed-in browser session; API tokens cannot manage credentials',
    details: { reason: 'session_required' },
  },
};

describe.each(ENGINES)('API tokens cannot manage credentials [%s]', (engine) => {
  const server = serveForTests(engine);

  /** A signed-in browser and a script using an API token of the same account. */
  async function browserAndScript() {
    const browser = await server.user('Token Owner');
    const created = await browser.post('/api/v1/tokens', { name: 'phone' });
    const script = new Client(server.base());
    script.bearer = created.body.token;
    return { browser, script, tokenId: created.body.id as string, token: created.body.token as string };
  }

  it('refuses a token on each of them with real ids and valid bodies, and changes nothing', async () => {
    const { browser, script, tokenId } = await browserAndScript();
    const other = (await browser.post('/api/v1/tokens', { name: 'laptop script' })).body;
    const feed = (await browser.post('/api/v1/feeds', { name: 'Phone calendar' })).body;
    const session = (await browser.get('/api/v1/auth/sessions')).body.items[0];
    const invite = (await browser.post('/api/v1/invites', {})).body;
    const tries: [string, string, unknown?][] = [
      ['POST', '/api/v1/auth/password', { currentPassword: browser.password, newPassword: 'taken over!' }],
      ['DELETE', '/api/v1/account', { password: browser.password }],
      ['GET', '/api/v1/auth/sessions'],
      ['DELETE', `/api/v1/auth/sessions/${session.id}`],
      ['POST', '/api/v1/auth/sessions/end-others'],
      ['GET', '/api/v1/tokens'],
      ['POST', '/api/v1/tokens', { name: 'successor' }],
      ['DELETE', `/api/v1/tokens/${other.id}`],
      ['DELETE', `/api/v1/tokens/${tokenId}`],
      ['POST', '/api/v1/invites', { email: 'accomplice@example.test' }],
      ['GET', '/api/v1/invites'],
      ['DELETE', `/api/v1/invites/${invite.id}`],
      ['GET', '/api/v1/feeds'],
      ['POST', '/api/v1/feeds', { name: 'for me' }],
      ['DELETE', `/api/v1/feeds/${feed.id}`],
    ];
    for (const [method, path, body] of tries) {
      const r = await script.request(method, path, body);
      expect([method, path, r.status, r.body]).toEqual([method, path, 403, SESSION_REQUIRED]);
    }
    // Nothing changed: the browser still works, with the same password, tokens and feed; no invite was made.
    expect((await browser.get('/api/v1/auth/session')).status).toBe(200);
    const login = await server
      .anonymous()
      .post('/api/v1/auth/login', { email: browser.email, password: browser.password });
    expect(login.status).toBe(200);
    const tokens = (await browser.get('/api/v1/tokens')).body.items.map((t: { name: string }) => t.name);
    expect(tokens.sort()).toEqual(['laptop script', 'phone']);
    expect((await browser.get('/api/v1/feeds')).body.items.map((f: { id: string }) => f.id)).toEqual([
      feed.id,
    ]);
    expect((await browser.get('/api/v1/auth/sessions')).body.items).toHaveLength(2);
    expect((await browser.get('/api/v1/invites')).body.items.map((i: { id: string }) => i.id)).toEqual([
      invite.id,
    ]);
    expect((await script.get('/api/v1/contacts')).status).toBe(200);
  });

  it('lets a signed-in browser do all of it', async () => {
    const { browser } = await browserAndScript();
    expect((await browser.post('/api/v1/invites', {})).status).toBe(201);
    expect((await browser.get('/api/v1/feeds')).status).toBe(200);
    expect((await browser.post('/api/v1/auth/sessions/end-others')).body).toEqual({ ended: 0 });
  });

  it('keeps every other route open to a token, and the table above matches the server', async () => {
    const { script } = await browserAndScript();
    const listed = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    for (const route of SESSION_ONLY) expect(listed, route).toContain(route);
    for (const route of ROUTES.filter((r) => !r.public)) {
      const name = `${route.method} ${route.path}`;
      // Placeholder ids and bodies: enough to get past authentication, which is all that is asked here.
      const body = typeof route.body === 'function' ? undefined : route.body;
      const path = `${route.path}${route.query ?? ''}`.replace(
        /:(id|itemId)/g,
        '01900000-0000-7000-8000-0000000000ff',
      );
      const r = await script.request(route.method, path, body);
      if (SESSION_ONLY.includes(name))
        expect([name, r.status, r.body]).toEqual([name, 403, SESSION_REQUIRED]);
      else expect([name, r.status], JSON.stringify(r.body)).not.toEqual([name, 403]);
    }
  });

  it('keeps the ordinary work of scripts and phones going: contacts over the API, the address book over CardDAV', async () => {
    const { browser, script, token } = await browserAndScript();
    expect((await script.get('/api/v1/auth/session')).body).toMatchObject({ via: 'token', csrfToken: null });
    expect((await script.post('/api/v1/contacts', { displayName: 'Scripted' })).status).toBe(201);
    expect((await script.get('/api/v1/contacts')).body.items).toHaveLength(1);
    expect((await script.get('/api/v1/exports/vcard')).status).toBe(200);
    const basic = `Basic ${Buffer.from(`${browser.email}:${token}`).toString('base64')}`;
    const dav = await fetch(`${server.base()}/dav/`, {
      method: 'PROPFIND',
      headers: { authorization: basic, depth: '0' },
    });
    expect(dav.status).toBe(207);
    // The phone's app password (HTTP Basic) is no way into the API either: only Bearer is a token there.
    const phone = new Client(server.base());
    expect(
      (await phone.request('POST', '/api/v1/tokens', { name: 'x' }, { authorization: basic })).status,
    ).toBe(401);
  });
});
