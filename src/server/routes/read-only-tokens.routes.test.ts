import { beforeAll, describe, expect, it } from 'vitest';
import { fillPath, type Owned, ownedResources, ROUTES } from '../../../test/api-routes';
import { ENGINES } from '../../../test/engines';
import { Client, serveForTests } from '../../../test/http';

/**
 * Read-only API tokens (scope 'read', ADR 4): GET and HEAD only, every other method refused with 403 before any
 * route runs, on the API and on CardDAV. Full tokens (the default, and every token made before) are unchanged.
 */
const READ_ONLY = {
  error: {
    code: 'forbidden',
    message:
      'this token is read-only: it can read (GET) but not change anything; use a full-access token to write',
    details: { reason: 'read_only' },
  },
};

const SESSION_REQUIRED = {
  code: 'forbidden',
  message: 'this needs a signed-in browser session; API tokens cannot manage credentials',
  details: { reason: 'session_required' },
};

const CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'UID:phone-grace',
  'FN:Grace Hopper',
  'N:Hopper;Grace;;;',
  'END:VCARD',
  '',
].join('\r\n');

describe.each(ENGINES)('read-only API tokens [%s]', (engine) => {
  const server = serveForTests(engine);

  /** A signed-in browser, and a script of the same account holding a token of `scope` (none: the default). */
  async function browserAndScript(scope?: 'read' | 'full') {
    const browser = await server.user('Reader Owner');
    const created = await browser.post('/api/v1/tokens', { name: 'dashboard', ...(scope ? { scope } : {}) });
    expect(created.status).toBe(201);
    const script = new Client(server.base());
    script.bearer = created.body.token;
    return { browser, script, created: created.body };
  }

  it('is made with scope "read", listed with it, and reads contacts, one contact, a HEAD and the backup', async () => {
    const { browser, script, created } = await browserAndScript('read');
    expect(created).toMatchObject({ name: 'dashboard', scope: 'read' });
    const ada = (await browser.post('/api/v1/contacts', { displayName: 'Ada Lovelace' })).body;
    expect((await browser.get('/api/v1/tokens')).body.items).toEqual([
      expect.objectContaining({ id: created.id, scope: 'read' }),
    ]);
    const list = await script.get('/api/v1/contacts');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([ada.id]);
    expect((await script.get(`/api/v1/contacts/${ada.id}`)).body.displayName).toBe('Ada Lovelace');
    expect((await script.request('HEAD', '/api/v1/contacts')).status).toBe(200);
    const backup = await script.get('/api/v1/exports/backup');
    expect(backup.status).toBe(200);
  });

  it('is refused with 403 on creating, changing and deleting a contact, which stays as it was', async () => {
    const { browser, script } = await browserAndScript('read');
    const ada = (await browser.post('/api/v1/contacts', { displayName: 'Ada Lovelace' })).body;
    const tries: [string, string, unknown?][] = [
      ['POST', '/api/v1/contacts', { displayName: 'Written by a reader' }],
      ['PATCH', `/api/v1/contacts/${ada.id}`, { notes: 'changed by a reader' }],
      ['DELETE', `/api/v1/contacts/${ada.id}`],
    ];
    for (const [method, path, body] of tries) {
      const r = await script.request(method, path, body);
      expect([method, path, r.status, r.body]).toEqual([method, path, 403, READ_ONLY]);
    }
    const after = (await browser.get('/api/v1/contacts')).body.items;
    expect(after.map((c: { id: string; notes: string | null }) => [c.id, c.notes ?? null])).toEqual([
      [ada.id, null],
    ]);
  });

  describe('on every route of the API', () => {
    let ids: Record<Owned, string>;
    let browser: Awaited<ReturnType<typeof server.user>>;
    let reader: Client;
    beforeAll(async () => {
      browser = await server.user('Swept Owner');
      ids = await ownedResources(server, browser);
      reader = new Client(server.base());
      reader.bearer = (await browser.post('/api/v1/tokens', { name: 'reader', scope: 'read' })).body.token;
    });
    const pathOf = (route: (typeof ROUTES)[number]) =>
      route.owned
        ? fillPath(`${route.path}${route.query ?? ''}`, ids, ids, route.owned)
        : `${route.path}${route.query ?? ''}`.replace(':id', ids.contact);
    const bodyOf = (route: (typeof ROUTES)[number]) =>
      typeof route.body === 'function' ? route.body(ids, ids) : route.body;

    it.each(ROUTES.filter((r) => r.method !== 'GET'))(
      '$method $path refuses a read-only token',
      async (route) => {
        const r = await reader.request(route.method, pathOf(route), bodyOf(route));
        expect(r.status).toBe(403);
        // A credentials route stays session-only, whatever the token may otherwise do.
        expect([READ_ONLY.error, SESSION_REQUIRED]).toContainEqual(r.body.error);
      },
    );

    it.each(ROUTES.filter((r) => r.method === 'GET' && !r.public))(
      '$method $path lets a read-only token read (unless it is session-only)',
      async (route) => {
        const r = await reader.get(pathOf(route));
        if (r.status === 403) expect(r.body.error).toEqual(SESSION_REQUIRED);
        // The route ran for the token's account: an answer, or its own 404 (a contact without a photo).
        else
          expect([r.status, r.status < 400 || r.body.error.code === 'not_found']).toEqual([r.status, true]);
      },
    );

    it('changed nothing of the owner’s, after every write was tried', async () => {
      expect((await browser.get(`/api/v1/contacts/${ids.contact}`)).body.notes).toBeNull();
      expect((await browser.get(`/api/v1/tags/${ids.tag}`)).body.name).toBe('owned-tag');
      expect((await browser.get('/api/v1/tokens')).body.items).toHaveLength(2);
      expect((await browser.get('/api/v1/feeds')).body.items.map((f: { id: string }) => f.id)).toEqual([
        ids.feed,
      ]);
      expect((await browser.get('/api/v1/auth/session')).status).toBe(200);
    });
  });

  it('a full token, the default, still writes; an unknown scope is a 400 on the field', async () => {
    const { browser, script, created } = await browserAndScript();
    expect(created.scope).toBe('full');
    const made = await script.post('/api/v1/contacts', { displayName: 'Written by a script' });
    expect(made.status).toBe(201);
    expect((await script.patch(`/api/v1/contacts/${made.body.id}`, { notes: 'edited' })).status).toBe(200);
    expect((await script.delete(`/api/v1/contacts/${made.body.id}`)).status).toBeLessThan(300);
    const explicit = await browser.post('/api/v1/tokens', { name: 'writer', scope: 'full' });
    expect(explicit.body.scope).toBe('full');
    const bad = await browser.post('/api/v1/tokens', { name: 'admin', scope: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['scope']);
  });

  it('a session-only route still says session_required to a read-only token, even for a GET', async () => {
    const { script } = await browserAndScript('read');
    const r = await script.get('/api/v1/tokens');
    expect(r.status).toBe(403);
    expect(r.body.error).toEqual(SESSION_REQUIRED);
  });

  it('reads the CardDAV address book with it, and is refused every write there', async () => {
    const { browser, created } = await browserAndScript('read');
    const ada = (await browser.post('/api/v1/contacts', { displayName: 'Ada Lovelace' })).body;
    const auth = `Basic ${Buffer.from(`${browser.email}:${created.token}`).toString('base64')}`;
    const book = `/dav/addressbooks/${browser.accountId}/contacts/`;
    const dav = async (method: string, path: string, body?: string, contentType = 'application/xml') => {
      const res = await fetch(`${server.base()}${path}`, {
        method,
        headers: { authorization: auth, depth: '1', ...(body ? { 'content-type': contentType } : {}) },
        body,
      });
      return { status: res.status, text: await res.text() };
    };
    const listing = await dav(
      'PROPFIND',
      book,
      '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
    );
    expect(listing.status).toBe(207);
    const href = /<d:href>([^<]*\.vcf)<\/d:href>/.exec(listing.text)?.[1] as string;
    expect(href).toBeDefined();
    expect((await dav('GET', href)).text).toContain('FN:Ada Lovelace');
    for (const [method, path, body, type] of [
      ['PUT', `${book}grace.vcf`, CARD, 'text/vcard'],
      ['PUT', href, CARD, 'text/vcard'],
      ['DELETE', href],
      ['PROPPATCH', href, '<d:propertyupdate xmlns:d="DAV:"/>'],
      ['MKCOL', `${book}more/`],
    ] as [string, string, string?, string?][]) {
      const r = await dav(method, path, body, type);
      expect([method, r.status, r.text]).toEqual([
        method,
        403,
        expect.stringMatching(/^This token is read-only/),
      ]);
    }
    // Nothing changed: still the one contact, as it was.
    const contacts = (await browser.get('/api/v1/contacts')).body.items;
    expect(contacts.map((c: { id: string; displayName: string }) => [c.id, c.displayName])).toEqual([
      [ada.id, 'Ada Lovelace'],
    ]);
  });
});
