import { describe, expect, it } from 'vitest';
import { fillPath, type Owned, ownedResources, ROUTES } from '../../../test/api-routes';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

/**
 * Every API route, once: without credentials it answers 401; with another account's id it answers exactly like
 * a missing id (404, same body). The table is checked against the OpenAPI document so a new route cannot be
 * added without joining it.
 */
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
    const body = typeof route.body === 'function' ? route.body({} as never, {} as never) : route.body;
    const path = `${route.path}${route.query ?? ''}`.replace(':id', 'some-id');
    const r = await server.anonymous().request(route.method, path, body);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String), details: {} } });
    const bad = server.anonymous();
    bad.bearer = 'rpt_not-a-real-token';
    expect((await bad.request(route.method, path, body)).status).toBe(401);
  });

  it.each(ROUTES.filter((r) => r.owned))(
    "$method $path answers another account's id like a missing one",
    async (route) => {
      const owner = await server.user('Owner');
      const intruder = await server.user('Intruder');
      const ids = await ownedResources(server, owner);
      const ownIds = await ownedResources(server, intruder);
      const owned = route.owned as Owned;
      const missingId = '01900000-0000-7000-8000-000000000000';
      const bodyFor = (theirs: Record<Owned, string>) =>
        typeof route.body === 'function' ? route.body(theirs, ownIds) : route.body;
      const foreign = await intruder.request(
        route.method,
        fillPath(`${route.path}${route.query ?? ''}`, ids, ownIds, owned),
        bodyFor(ids),
      );
      const missing = await intruder.request(
        route.method,
        fillPath(`${route.path}${route.query ?? ''}`, { ...ids, [owned]: missingId }, ownIds, owned),
        bodyFor({ ...ids, [owned]: missingId }),
      );
      expect(foreign.status).toBe(route.foreignStatus ?? 404);
      expect(foreign.body).toEqual(missing.body);
      // The owner's data did not change.
      const after = await owner.get(`/api/v1/contacts/${ids.contact}`);
      expect(after.body.notes).toBeNull();
      expect((await owner.get(`/api/v1/tags/${ids.tag}`)).body.name).toBe('owned-tag');
      expect((await owner.get('/api/v1/tokens')).body.items).toHaveLength(1);
      expect((await owner.get(`/api/v1/imports/${ids.import}`)).body.status).toBe('committed');
      expect((await owner.get('/api/v1/merges')).body.items[0].undoneAt).toBeNull();
      expect((await owner.get(`/api/v1/organisations/${ids.organisation}`)).body.name).toBe('Owned Org 2');
      const orgs = (await owner.get('/api/v1/organisations?q=kept org')).body.items;
      expect((await owner.get(`/api/v1/organisations/${orgs[0].id}`)).body.merges).toHaveLength(1);
      expect((await owner.get('/api/v1/contacts?q=imported')).body.items).toHaveLength(1);
      expect((await owner.get(`/api/v1/interactions?contact=${ids.contact}`)).body.items).toHaveLength(1);
      expect((await owner.get('/api/v1/favours')).body.items.map((f: { what: string }) => f.what)).toEqual([
        'Lent me a book',
      ]);
      expect(
        (await owner.get('/api/v1/promises')).body.items.map((p: { status: string }) => p.status),
      ).toEqual(['open']);
      expect((await owner.get(`/api/v1/contacts/${ids.contact}/relationship`)).body.closeness).toBe(0);
      expect(
        (await owner.get('/api/v1/feeds')).body.items.map((f: { id: string; name: string }) => [
          f.id,
          f.name,
        ]),
      ).toEqual([[ids.feed, 'Owned feed']]);
      const board = (await owner.get(`/api/v1/purposes/${ids.purpose}`)).body;
      expect(board.purpose).toMatchObject({ name: 'Owned purpose', archivedAt: null });
      expect(board.columns[0].items.map((i: { id: string; note: null }) => [i.id, i.note])).toEqual([
        [ids.purposeItem, null],
      ]);
      expect((await owner.get(`/api/v1/introductions/${ids.introduction}`)).body).toMatchObject({
        state: 'requested',
        outcome: null,
      });
      expect(
        (await owner.get('/api/v1/network/connections')).body.items.map((c: { id: string }) => c.id),
      ).toEqual([ids.connection]);
      expect((await owner.get('/api/v1/network/invites')).body.items[0]).toMatchObject({
        id: ids.invite,
        status: 'open',
      });
      expect((await owner.get('/api/v1/network/sharing')).body.findableCount).toBe(0);
      expect((await owner.get(`/api/v1/asks/${ids.ask}`)).body).toMatchObject({
        state: 'open',
        answerCount: 0,
      });
      expect((await owner.get(`/api/v1/outreach/items/${ids.outreachItem}`)).body).toMatchObject({
        state: 'queued',
        messages: [],
      });
      expect(
        (await owner.get('/api/v1/outreach/templates')).body.items.map((t: { name: string }) => t.name),
      ).toEqual(['Owned template']);
    },
  );

  it("another account's LinkedIn invitations are not listed, nor matched to the intruder's contacts", async () => {
    const owner = await server.user();
    const intruder = await server.user();
    const csv = [
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
      'Me,Rosa Quintero,"9/27/25, 8:41 AM",A private note,OUTGOING,,https://www.linkedin.com/in/rosa-quintero',
    ].join('\n');
    expect((await owner.upload('/api/v1/imports?kind=linkedin', 'Invitations.csv', csv)).status).toBe(201);
    await intruder.post('/api/v1/contacts', {
      displayName: 'Rosa Quintero',
      urls: [{ value: 'https://www.linkedin.com/in/rosa-quintero' }],
    });
    expect((await intruder.get('/api/v1/invitations')).body).toEqual({ items: [], nextCursor: null });
    // The intruder's contact with the same profile is not the owner's match either.
    const mine = await owner.get('/api/v1/invitations');
    expect(mine.body.items).toEqual([expect.objectContaining({ message: 'A private note', contact: null })]);
    // A cursor made up to start past everything still reads only the intruder's own rows.
    const cursor = encodeURIComponent(
      Buffer.from(JSON.stringify({ s: '9999-12-31', i: 'z' })).toString('base64url'),
    );
    expect((await intruder.get(`/api/v1/invitations?cursor=${cursor}`)).body.items).toEqual([]);
  });

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
