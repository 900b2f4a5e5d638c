import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

describe.each(ENGINES)('tagging many contacts, and counting a search [%s]', (engine) => {
  const server = serveForTests(engine);

  it("exports one tag's people as vCards or CSV; an unknown tag is 404 before any card", async () => {
    const u = await server.user();
    await u.post('/api/v1/contacts', { displayName: 'Ana Okafor', tags: ['LP'] });
    await u.post('/api/v1/contacts', { displayName: 'Ben Kim', tags: ['founder'] });
    const vcf = await u.get('/api/v1/exports/vcard?tag=lp&version=4.0');
    expect(vcf.status).toBe(200);
    expect(String(vcf.body).match(/^FN:.*$/gm)).toEqual(['FN:Ana Okafor']);
    expect(String(vcf.body)).toContain('CATEGORIES:LP');
    const csv = await u.get(`/api/v1/exports/csv?tag=${encodeURIComponent('LP')}`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('Ana Okafor');
    expect(String(csv.body)).not.toContain('Ben Kim');
    for (const kind of ['vcard', 'csv'])
      expect((await u.get(`/api/v1/exports/${kind}?tag=nobody`)).status).toBe(404);
  });

  it('tags everyone a search finds, by filter or by ids, and counts them', async () => {
    const u = await server.user();
    const people = ['Ada Lovelace', 'Adam Smith', 'Grace Hopper'];
    const ids: string[] = [];
    for (const displayName of people)
      ids.push((await u.post('/api/v1/contacts', { displayName, organisation: 'Engines' })).body.id);

    expect((await u.get('/api/v1/contacts/count?q=ada')).body).toEqual({ total: 2 });
    expect((await u.get('/api/v1/contacts/count')).body).toEqual({ total: 3 });
    // A search's first page says nothing of the whole; the count does.
    expect((await u.get('/api/v1/contacts?q=ada&limit=1')).body.total).toBeNull();

    const tagged = await u.post('/api/v1/contacts/tags', { filter: { q: 'ada' }, add: ['conference-2026'] });
    expect(tagged.status).toBe(200);
    expect(tagged.body).toMatchObject({ matched: 2, changed: 2 });
    const listed = await u.get('/api/v1/contacts?tag=conference-2026');
    expect(listed.body.items.map((c: { displayName: string }) => c.displayName)).toEqual([
      'Ada Lovelace',
      'Adam Smith',
    ]);
    expect((await u.get('/api/v1/contacts/count?q=conference')).body).toEqual({ total: 2 });

    const again = await u.post('/api/v1/contacts/tags', {
      ids,
      add: ['conference-2026'],
      remove: ['conference-2026'.toUpperCase()],
    });
    expect(again.status).toBe(400);
    const removed = await u.post('/api/v1/contacts/tags', { ids, remove: ['Conference-2026'] });
    expect(removed.body).toMatchObject({ matched: 3, changed: 2 });
    expect((await u.get('/api/v1/contacts/count?tag=conference-2026')).body).toEqual({ total: 0 });
  });

  it("names the ids that are not the caller's, the same for another account's and a missing one", async () => {
    const owner = await server.user();
    const intruder = await server.user();
    const theirs = (await owner.post('/api/v1/contacts', { displayName: 'Their Person' })).body.id;
    const mine = (await intruder.post('/api/v1/contacts', { displayName: 'My Person' })).body.id;
    const missing = '01900000-0000-7000-8000-000000000000';
    const tryIds = (other: string) =>
      intruder.post('/api/v1/contacts/tags', { ids: [mine, other], add: ['x'] });
    const foreign = await tryIds(theirs);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toEqual((await tryIds(missing)).body);
    expect(foreign.body.error).toMatchObject({
      code: 'validation',
      message: 'ids.1: not one of your contacts',
      details: { issues: [{ path: 'ids.1', message: 'is not one of your contacts' }] },
    });
    expect((await intruder.get(`/api/v1/contacts/${mine}`)).body.tags).toEqual([]);
    expect((await owner.get(`/api/v1/contacts/${theirs}`)).body.tags).toEqual([]);
    // A filter reaches only the caller's own contacts; counts too.
    expect(
      (await intruder.post('/api/v1/contacts/tags', { filter: { q: 'person' }, add: ['x'] })).body,
    ).toMatchObject({
      matched: 1,
      changed: 1,
    });
    expect((await owner.get(`/api/v1/contacts/${theirs}`)).body.tags).toEqual([]);
    expect((await owner.get('/api/v1/contacts/count?q=person')).body).toEqual({ total: 1 });
  });

  it('refuses a body that says neither or both, or names no tag', async () => {
    const u = await server.user();
    const id = (await u.post('/api/v1/contacts', { displayName: 'Ada' })).body.id;
    for (const [body, path] of [
      [{ add: ['x'] }, 'ids'],
      [{ ids: [id], filter: {}, add: ['x'] }, 'ids'],
      [{ ids: [id] }, 'add'],
      [{ filter: { sort: 'name' }, add: ['x'] }, 'filter.sort'],
      [{ ids: [id], add: [''] }, 'add.0'],
    ] as const) {
      const r = await u.post('/api/v1/contacts/tags', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.details.issues[0].path, JSON.stringify(body)).toBe(path);
    }
    expect((await u.get('/api/v1/contacts/count?sort=name')).status).toBe(400);
  });
});
