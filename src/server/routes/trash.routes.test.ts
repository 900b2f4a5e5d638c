import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { type Client, serveForTests } from '../../../test/http';

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@engines.example,Analytical Engines,Mathematician,07 Feb 2024',
  'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,grace@navy.example,US Navy,Rear Admiral,08 Feb 2024',
].join('\n');

/** Adds these people and deletes them, in order; their ids by name. */
async function trashed(u: Client, names: string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const displayName of names) {
    const c = await u.post('/api/v1/contacts', { displayName, organisation: `${displayName} Ltd` });
    ids[displayName] = c.body.id;
    expect((await u.delete(`/api/v1/contacts/${c.body.id}`)).status).toBe(200);
  }
  return ids;
}

const namesOf = (body: { items: { displayName: string }[] }) => body.items.map((c) => c.displayName).sort();

describe.each(ENGINES)('trash routes [%s]', (engine) => {
  const server = serveForTests(engine);

  it('pages through and searches deleted contacts, with how many match; /trash says how many there are', async () => {
    const u = await server.user();
    await trashed(u, ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Ada Byron']);

    const overview = await u.get('/api/v1/trash');
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({ contactsTotal: 5, contactsNextCursor: null });
    expect(overview.body.contacts).toHaveLength(5);

    const first = await u.get('/api/v1/trash/contacts?limit=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 5, nextCursor: expect.any(String) });
    const all = [...first.body.items];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const next = await u.get(`/api/v1/trash/contacts?limit=2&cursor=${encodeURIComponent(cursor)}`);
      expect(next.body.total).toBe(5);
      all.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(namesOf({ items: all })).toEqual([
      'Ada Byron',
      'Ada Lovelace',
      'Alan Turing',
      'Edsger Dijkstra',
      'Grace Hopper',
    ]);
    expect(all[0]).toMatchObject({ purgeAfter: expect.any(String), organisation: { name: 'Ada Byron Ltd' } });

    const ada = await u.get('/api/v1/trash/contacts?q=ada');
    expect(namesOf(ada.body)).toEqual(['Ada Byron', 'Ada Lovelace']);
    expect(ada.body.total).toBe(2);
    expect((await u.get('/api/v1/trash/contacts?q=turing%20ltd')).body.total).toBe(1);

    expect((await u.get('/api/v1/trash/contacts?limit=0')).status).toBe(400);
    expect((await u.get('/api/v1/trash/contacts?cursor=forged')).status).toBe(400);
    expect((await u.get('/api/v1/trash/contacts?sort=name')).status).toBe(400);
    expect((await u.get('/api/v1/trash/contacts?import=01900000-0000-7000-8000-000000000000')).status).toBe(
      404,
    );
  });

  it('restores the contacts named, or everything matching, and says how many came back', async () => {
    const u = await server.user();
    const ids = await trashed(u, ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Ada Byron']);

    const named = await u.post('/api/v1/trash/contacts/restore', { ids: [ids['Grace Hopper']] });
    expect(named.status).toBe(200);
    expect(named.body).toEqual({ restored: 1 });
    expect((await u.get(`/api/v1/contacts/${ids['Grace Hopper']}`)).body.deletedAt).toBeNull();

    expect((await u.post('/api/v1/trash/contacts/restore', { all: true, q: 'ada' })).body).toEqual({
      restored: 2,
    });
    expect(namesOf((await u.get('/api/v1/trash/contacts')).body)).toEqual(['Alan Turing']);
    expect((await u.post('/api/v1/trash/contacts/restore', { all: true })).body).toEqual({ restored: 1 });
    expect((await u.get('/api/v1/contacts')).body.total).toBe(4);

    // Not in the trash any more: named by its place, and nothing else in the request comes back either.
    const again = await u.post('/api/v1/trash/contacts/restore', { ids: [ids['Ada Lovelace']] });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'ids.0', message: 'is not in your trash' }] },
    });

    for (const body of [
      {},
      { ids: [] },
      { ids: [ids['Ada Lovelace']], all: true },
      { q: 'ada' },
      { all: false },
    ]) {
      expect((await u.post('/api/v1/trash/contacts/restore', body)).status).toBe(400);
    }
  });

  it('restores what undoing an import sent to the trash, and nothing else', async () => {
    const u = await server.user();
    await trashed(u, ['Deleted By Hand']);
    const imported = await u.upload('/api/v1/imports?kind=linkedin', 'Connections.csv', CONNECTIONS);
    expect(imported.status).toBe(201);
    const grace = (await u.get('/api/v1/contacts?q=grace')).body.items[0];
    // Edited after the import (a later second, as the owner's edits are), so the undo trashes her.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await u.patch(`/api/v1/contacts/${grace.id}`, { notes: 'Met at the conference' });
    expect((await u.post(`/api/v1/imports/${imported.body.id}/undo`)).body).toMatchObject({ trashed: 1 });

    const fromUndo = await u.get(`/api/v1/trash/contacts?import=${imported.body.id}`);
    expect(namesOf(fromUndo.body)).toEqual(['Grace Hopper']);
    const restored = await u.post('/api/v1/trash/contacts/restore', { all: true, import: imported.body.id });
    expect(restored.body).toEqual({ restored: 1 });
    expect(namesOf((await u.get('/api/v1/trash/contacts')).body)).toEqual(['Deleted By Hand']);
    expect((await u.get(`/api/v1/contacts/${grace.id}`)).body.notes).toBe('Met at the conference');
  });

  it('another account can neither list nor restore my deleted contacts', async () => {
    const owner = await server.user('Owner');
    const intruder = await server.user('Intruder');
    const ids = await trashed(owner, ['Ada Lovelace', 'Grace Hopper']);
    const imported = await owner.upload('/api/v1/imports?kind=linkedin', 'Connections.csv', CONNECTIONS);
    await trashed(intruder, ['Intruder Own']);

    const listed = await intruder.get('/api/v1/trash/contacts?q=ada');
    expect(listed.body).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await intruder.get('/api/v1/trash')).body).toMatchObject({ contactsTotal: 1 });
    expect((await intruder.get(`/api/v1/trash/contacts?import=${imported.body.id}`)).status).toBe(404);

    const byIds = await intruder.post('/api/v1/trash/contacts/restore', {
      ids: [ids['Ada Lovelace'], ids['Grace Hopper']],
    });
    expect(byIds.status).toBe(400);
    expect(byIds.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['ids.0', 'ids.1']);
    const everything = await intruder.post('/api/v1/trash/contacts/restore', { all: true });
    expect(everything.body).toEqual({ restored: 1 });
    const viaImport = await intruder.post('/api/v1/trash/contacts/restore', {
      all: true,
      import: imported.body.id,
    });
    expect(viaImport.status).toBe(404);

    const mine = await owner.get('/api/v1/trash/contacts');
    expect(namesOf(mine.body)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect((await owner.get(`/api/v1/contacts/${ids['Ada Lovelace']}`)).status).toBe(404);
  });
});
