import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

describe.each(ENGINES)('organisation duplicates over HTTP [%s]', (engine) => {
  const server = serveForTests(engine);

  it('says how many pairs there are in all and pages through them with nextCursor', async () => {
    const u = await server.user();
    // Four spellings of one website: six pairs.
    for (const name of ['Hooli', 'Hooli Search', 'Hooli XYZ', 'Hooli Labs'])
      expect((await u.post('/api/v1/organisations', { name, website: 'hooli.example' })).status).toBe(201);
    const first = await u.get('/api/v1/organisations/duplicates?limit=4');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 6, nextCursor: expect.any(String) });
    expect(first.body.items).toHaveLength(4);
    const rest = await u.get(
      `/api/v1/organisations/duplicates?limit=4&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(rest.body).toMatchObject({ total: 6, nextCursor: null });
    const key = (p: { a: { id: string }; b: { id: string } }) => `${p.a.id}|${p.b.id}`;
    expect(new Set([...first.body.items, ...rest.body.items].map(key)).size).toBe(6);
    // 200 at a time unless asked for fewer.
    expect((await u.get('/api/v1/organisations/duplicates')).body.items).toHaveLength(6);

    const pair = first.body.items[0];
    expect(
      (await u.post('/api/v1/organisations/duplicates/dismiss', { a: pair.a.id, b: pair.b.id })).status,
    ).toBe(204);
    const after = await u.get('/api/v1/organisations/duplicates');
    expect(after.body.total).toBe(5);
    expect(after.body.items.map(key)).not.toContain(key(pair));

    // Another account sees none of it.
    const other = await server.user();
    expect((await other.get('/api/v1/organisations/duplicates')).body).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    });
  });

  it('refuses a page size out of range, a cursor it did not give out and unknown parameters', async () => {
    const u = await server.user();
    for (const [query, path] of [
      ['limit=0', 'querystring.limit'],
      ['limit=201', 'querystring.limit'],
      ['limit=ten', 'querystring.limit'],
      ['cursor=bm90IGEgY3Vyc29y', 'cursor'],
      [
        `cursor=${Buffer.from(JSON.stringify({ r: 0, n: -1, s: 'many', a: 'c', b: 'd' })).toString('base64url')}`,
        'cursor',
      ],
      ['sort=name', 'querystring.sort'],
    ]) {
      const r = await u.get(`/api/v1/organisations/duplicates?${query}`);
      expect(r.status, query).toBe(400);
      expect(
        r.body.error.details.issues.map((i: { path: string }) => i.path),
        query,
      ).toContain(path);
    }
  });
});
