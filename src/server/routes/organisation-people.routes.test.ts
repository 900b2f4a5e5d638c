import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

describe.each(ENGINES)('an organisation’s people over HTTP [%s]', (engine) => {
  const server = serveForTests(engine);

  it('gives each person’s strength, tier and last contact, and pages through the people there before', async () => {
    const u = await server.user();
    const org = await u.post('/api/v1/organisations', { name: 'Umbrella' });
    expect(org.status).toBe(201);
    const ids: string[] = [];
    for (const n of ['Alice', 'Bea', 'Cam']) {
      const c = await u.post('/api/v1/contacts', { displayName: n, organisation: 'Umbrella' });
      expect(c.status).toBe(201);
      ids.push(c.body.id);
    }
    const logged = await u.post('/api/v1/interactions', { kind: 'meeting', contactIds: [ids[0]] });
    expect(logged.status).toBe(201);
    for (const id of ids.slice(1))
      expect((await u.patch(`/api/v1/contacts/${id}`, { organisation: 'Tricell' })).status).toBe(200);

    const detail = await u.get(`/api/v1/organisations/${org.body.id}`);
    expect(detail.status).toBe(200);
    const rel = (await u.get(`/api/v1/contacts/${ids[0]}/relationship`)).body;
    expect(detail.body.people.current).toEqual([
      {
        id: ids[0],
        displayName: 'Alice',
        title: null,
        score: rel.score,
        tier: rel.tier,
        lastContactAt: rel.lastContactAt,
      },
    ]);
    expect(rel.lastContactAt).toEqual(expect.any(String));
    expect(detail.body.people).toMatchObject({ pastTotal: 2, pastNextCursor: null });
    expect(detail.body.people.past.map((p: { tier: string }) => p.tier)).toEqual(['dormant', 'dormant']);

    const first = await u.get(`/api/v1/organisations/${org.body.id}/past-people?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const rest = await u.get(
      `/api/v1/organisations/${org.body.id}/past-people?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(rest.body.items).toHaveLength(1);
    expect(new Set([...first.body.items, ...rest.body.items].map((p: { id: string }) => p.id))).toEqual(
      new Set(ids.slice(1)),
    );
    expect(rest.body.nextCursor).toBeNull();

    // A page size out of range, a forged cursor, and another account: refused or not found, as everywhere.
    expect((await u.get(`/api/v1/organisations/${org.body.id}/past-people?limit=0`)).status).toBe(400);
    expect((await u.get(`/api/v1/organisations/${org.body.id}/past-people?cursor=bm9wZQ`)).status).toBe(400);
    const other = await server.user();
    expect((await other.get(`/api/v1/organisations/${org.body.id}/past-people`)).status).toBe(404);
  });
});
