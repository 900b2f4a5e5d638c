import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { type Client, serveForTests } from '../../../test/http';

/**
 * Every API route, once: without credentials it answers 401; with another account's id it answers exactly like
 * a missing id (404, same body). The table is checked against the OpenAPI document so a new route cannot be
 * added without joining it.
 */
interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  public?: boolean;
  /** Which of the owner's resources `:id` stands for. */
  owned?:
    | 'contact'
    | 'trashedContact'
    | 'organisation'
    | 'trashedOrganisation'
    | 'tag'
    | 'trashedTag'
    | 'token';
}

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/v1/health', public: true },
  { method: 'GET', path: '/api/v1/setup', public: true },
  { method: 'POST', path: '/api/v1/auth/signup', public: true },
  { method: 'POST', path: '/api/v1/auth/login', public: true },
  { method: 'POST', path: '/api/v1/auth/logout' },
  { method: 'GET', path: '/api/v1/auth/session' },
  {
    method: 'POST',
    path: '/api/v1/auth/password',
    body: { currentPassword: 'x', newPassword: 'yyyyyyyyyy' },
  },
  { method: 'GET', path: '/api/v1/tokens' },
  { method: 'POST', path: '/api/v1/tokens', body: { name: 'x' } },
  { method: 'DELETE', path: '/api/v1/tokens/:id', owned: 'token' },
  { method: 'POST', path: '/api/v1/invites', body: {} },
  { method: 'GET', path: '/api/v1/contacts' },
  { method: 'POST', path: '/api/v1/contacts', body: { displayName: 'X' } },
  { method: 'GET', path: '/api/v1/contacts/:id', owned: 'contact' },
  { method: 'PATCH', path: '/api/v1/contacts/:id', body: { notes: 'x' }, owned: 'contact' },
  { method: 'DELETE', path: '/api/v1/contacts/:id', owned: 'contact' },
  { method: 'POST', path: '/api/v1/contacts/:id/restore', owned: 'trashedContact' },
  { method: 'GET', path: '/api/v1/organisations' },
  { method: 'POST', path: '/api/v1/organisations', body: { name: 'X' } },
  { method: 'GET', path: '/api/v1/organisations/:id', owned: 'organisation' },
  { method: 'PATCH', path: '/api/v1/organisations/:id', body: { notes: 'x' }, owned: 'organisation' },
  { method: 'DELETE', path: '/api/v1/organisations/:id', owned: 'organisation' },
  { method: 'POST', path: '/api/v1/organisations/:id/restore', owned: 'trashedOrganisation' },
  { method: 'GET', path: '/api/v1/tags' },
  { method: 'POST', path: '/api/v1/tags', body: { name: 'x' } },
  { method: 'GET', path: '/api/v1/tags/:id', owned: 'tag' },
  { method: 'PATCH', path: '/api/v1/tags/:id', body: { name: 'renamed' }, owned: 'tag' },
  { method: 'POST', path: '/api/v1/tags/:id/merge', body: { into: ':other' }, owned: 'tag' },
  { method: 'DELETE', path: '/api/v1/tags/:id', owned: 'tag' },
  { method: 'POST', path: '/api/v1/tags/:id/restore', owned: 'trashedTag' },
  { method: 'GET', path: '/api/v1/trash' },
];

async function ownedResources(owner: Client) {
  const contact = await owner.post('/api/v1/contacts', {
    displayName: 'Owned Person',
    organisation: 'Owned Org',
  });
  const trashedContact = await owner.post('/api/v1/contacts', { displayName: 'Trashed Person' });
  await owner.delete(`/api/v1/contacts/${trashedContact.body.id}`);
  const organisation = await owner.post('/api/v1/organisations', { name: 'Owned Org 2' });
  const trashedOrganisation = await owner.post('/api/v1/organisations', { name: 'Trashed Org' });
  await owner.delete(`/api/v1/organisations/${trashedOrganisation.body.id}`);
  const tag = await owner.post('/api/v1/tags', { name: 'owned-tag' });
  const trashedTag = await owner.post('/api/v1/tags', { name: 'trashed-tag' });
  await owner.delete(`/api/v1/tags/${trashedTag.body.id}`);
  const token = await owner.post('/api/v1/tokens', { name: 'owned' });
  const ids = {
    contact: contact.body.id,
    trashedContact: trashedContact.body.id,
    organisation: organisation.body.id,
    trashedOrganisation: trashedOrganisation.body.id,
    tag: tag.body.id,
    trashedTag: trashedTag.body.id,
    token: token.body.id,
  } as Record<NonNullable<RouteCase['owned']>, string>;
  for (const [k, v] of Object.entries(ids))
    if (typeof v !== 'string') throw new Error(`could not create ${k}`);
  return ids;
}

describe.each(ENGINES)('access control on every route [%s]', (engine) => {
  const server = serveForTests(engine);

  it('lists every documented route in this table', async () => {
    const doc = (await server.anonymous().get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(ROUTES.filter((r) => !r.public))('$method $path needs credentials', async (route) => {
    const r = await server
      .anonymous()
      .request(route.method, route.path.replace(':id', 'some-id'), route.body);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String), details: {} } });
    const bad = server.anonymous();
    bad.bearer = 'rpt_not-a-real-token';
    expect((await bad.request(route.method, route.path.replace(':id', 'some-id'), route.body)).status).toBe(
      401,
    );
  });

  it.each(ROUTES.filter((r) => r.owned))(
    "$method $path answers another account's id like a missing one",
    async (route) => {
      const owner = await server.user('Owner');
      const intruder = await server.user('Intruder');
      const ids = await ownedResources(owner);
      const ownIds = await ownedResources(intruder);
      const body =
        route.body && typeof route.body === 'object' && 'into' in route.body
          ? { into: ownIds.tag }
          : route.body;
      const foreign = await intruder.request(
        route.method,
        route.path.replace(':id', ids[route.owned as keyof typeof ids]),
        body,
      );
      const missing = await intruder.request(
        route.method,
        route.path.replace(':id', '01900000-0000-7000-8000-000000000000'),
        body,
      );
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual(missing.body);
      // The owner's data did not change.
      const after = await owner.get(`/api/v1/contacts/${ids.contact}`);
      expect(after.body.notes).toBeNull();
      expect((await owner.get(`/api/v1/tags/${ids.tag}`)).body.name).toBe('owned-tag');
      expect((await owner.get('/api/v1/tokens')).body.items).toHaveLength(1);
    },
  );

  it("merging my tag into another account's tag is refused as not found", async () => {
    const owner = await server.user();
    const intruder = await server.user();
    const theirs = await owner.post('/api/v1/tags', { name: 'theirs' });
    const mine = await intruder.post('/api/v1/tags', { name: 'mine' });
    const r = await intruder.post(`/api/v1/tags/${mine.body.id}/merge`, { into: theirs.body.id });
    expect(r.status).toBe(404);
    expect((await owner.get(`/api/v1/tags/${theirs.body.id}`)).body.contactCount).toBe(0);
  });
});
