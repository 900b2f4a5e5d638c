import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

describe.each(ENGINES)('rolodex routes [%s]', (engine) => {
  const server = serveForTests(engine);

  it('contacts: create, read, search by two letters, edit, delete, restore', async () => {
    const u = await server.user();
    const created = await u.post('/api/v1/contacts', {
      givenName: 'Chen',
      familyName: 'Wei',
      organisation: 'Acme Logistics',
      title: 'Head of Supply Chain',
      emails: [{ value: 'chen@acme.example', label: 'work' }],
      phones: [{ value: '+1 415 555 0100' }],
      urls: [{ value: 'https://www.linkedin.com/in/chen-wei/' }],
      tags: ['guest speakers'],
      customFields: { alumni: 'MBA 2015' },
      connectedOn: '2024-02-07',
      howWeMet: 'Logistics summit',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      displayName: 'Chen Wei',
      source: 'web',
      linkedinUrl: 'https://www.linkedin.com/in/chen-wei',
    });

    const found = await u.get('/api/v1/contacts?q=ch');
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(found.body.items[0]).toMatchObject({
      primaryEmail: 'chen@acme.example',
      tags: ['guest speakers'],
      organisation: { name: 'Acme Logistics' },
    });
    expect((await u.get('/api/v1/contacts?q=supply%20ch')).body.items).toHaveLength(1);
    expect((await u.get('/api/v1/contacts?tag=Guest%20Speakers')).body.items).toHaveLength(1);

    const edited = await u.patch(`/api/v1/contacts/${id}`, { title: 'COO', notes: 'Said yes to March' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'COO',
      notes: 'Said yes to March',
      pastPositions: [{ title: 'Head of Supply Chain' }],
    });
    expect((await u.get(`/api/v1/contacts/${id}`)).body).toEqual(edited.body);

    const del = await u.delete(`/api/v1/contacts/${id}`);
    expect(del.status).toBe(200);
    expect(del.body.purgeAfter).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await u.get(`/api/v1/contacts/${id}`)).status).toBe(404);
    const trash = await u.get('/api/v1/trash');
    expect(trash.body.contacts.map((c: { id: string }) => c.id)).toEqual([id]);
    const restored = await u.post(`/api/v1/contacts/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toEqual({ ...edited.body, deletedAt: null });
    expect((await u.post(`/api/v1/contacts/${id}/restore`)).status).toBe(404);
  });

  it('records where each contact came from: the web app (session) or a script (token)', async () => {
    const script = await server.tokenUser();
    const c = await script.post('/api/v1/contacts', {
      displayName: 'Scripted',
      emails: [{ value: 's@example.com' }],
    });
    expect(c.body).toMatchObject({ source: 'api', emails: [{ source: 'api' }] });
  });

  it('contacts: validation names the field and changes nothing', async () => {
    const u = await server.user();
    const c = (await u.post('/api/v1/contacts', { displayName: 'Keep Me', notes: 'original' })).body;
    const cases: [unknown, string][] = [
      [{ emails: [{ value: 'x@' }] }, 'emails.0.value'],
      [{ phones: [{ value: 'abc' }] }, 'phones.0.value'],
      [{ urls: [{ value: 'ftp://example.com' }] }, 'urls.0.value'],
      [{ connectedOn: '07/02/2024' }, 'connectedOn'],
      [{ connectedOn: '2099-01-01' }, 'connectedOn'],
      [{ customFields: { '': 'x' } }, 'customFields'],
      [{ tags: ['x'.repeat(61)] }, 'tags.0'],
      [{ notes: 5 }, 'notes'],
      [{ id: 'forged' }, 'id'],
    ];
    for (const [body, path] of cases) {
      const r = await u.patch(`/api/v1/contacts/${c.id}`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(
        r.body.error.details.issues.map((i: { path: string }) => i.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect((await u.get(`/api/v1/contacts/${c.id}`)).body).toEqual(c);
    const empty = await u.post('/api/v1/contacts', {});
    expect(empty.body.error.details.issues).toEqual([
      { path: 'displayName', message: 'a contact needs a name, an organisation or an email' },
    ]);
    const future = await u.post('/api/v1/contacts', { displayName: 'Not Yet', connectedOn: '2099-01-01' });
    expect([future.status, future.body.error.details.issues]).toEqual([
      400,
      [{ path: 'connectedOn', message: 'is in the future' }],
    ]);
  });

  it('contacts: pages with a cursor and sorts', async () => {
    const u = await server.user();
    for (const n of ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo'])
      await u.post('/api/v1/contacts', { displayName: n });
    const first = await u.get('/api/v1/contacts?limit=2');
    expect(first.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['alpha', 'bravo']);
    const second = await u.get(`/api/v1/contacts?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c: { displayName: string }) => c.displayName)).toEqual([
      'Charlie',
      'Delta',
    ]);
    const third = await u.get(`/api/v1/contacts?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['Echo']);
    expect(third.body.nextCursor).toBeNull();
    const desc = await u.get('/api/v1/contacts?sort=-name&limit=1');
    expect(desc.body.items[0].displayName).toBe('Echo');
  });

  it('organisations: create, list, detail with people now and before, rename, conflict, trash and restore', async () => {
    const u = await server.user();
    const org = await u.post('/api/v1/organisations', {
      name: 'Initech',
      website: 'https://initech.example',
    });
    expect(org.status).toBe(201);
    expect((await u.post('/api/v1/organisations', { name: ' INITECH ' })).status).toBe(409);
    const peter = await u.post('/api/v1/contacts', {
      displayName: 'Peter Gibbons',
      organisation: 'initech',
      title: 'Engineer',
    });
    expect(peter.body.organisation.id).toBe(org.body.id);
    await u.post('/api/v1/contacts', { displayName: 'Bill Lumbergh', organisation: 'Initech', title: 'VP' });
    await u.patch(`/api/v1/contacts/${peter.body.id}`, { organisation: 'Chotchkie’s' });

    const detail = await u.get(`/api/v1/organisations/${org.body.id}`);
    expect(detail.body).toMatchObject({
      name: 'Initech',
      contactCount: 1,
      people: {
        current: [{ displayName: 'Bill Lumbergh', title: 'VP' }],
        past: [{ displayName: 'Peter Gibbons', title: 'Engineer' }],
      },
    });
    const renamed = await u.patch(`/api/v1/organisations/${org.body.id}`, { name: 'Initrode' });
    expect(renamed.body.name).toBe('Initrode');
    expect(
      (await u.get('/api/v1/contacts?q=initrode')).body.items.map(
        (c: { displayName: string }) => c.displayName,
      ),
    ).toEqual(['Bill Lumbergh']);
    expect((await u.patch(`/api/v1/organisations/${org.body.id}`, { name: 'Chotchkie’s' })).status).toBe(409);
    const list = await u.get('/api/v1/organisations?q=init');
    expect(list.body.items.map((o: { name: string }) => o.name)).toEqual(['Initrode']);

    expect((await u.delete(`/api/v1/organisations/${org.body.id}`)).status).toBe(200);
    expect((await u.get('/api/v1/contacts?q=initrode')).body.items).toEqual([]);
    expect((await u.get('/api/v1/trash')).body.organisations.map((o: { id: string }) => o.id)).toEqual([
      org.body.id,
    ]);
    expect((await u.post(`/api/v1/organisations/${org.body.id}/restore`)).status).toBe(200);
    expect((await u.get('/api/v1/contacts?q=initrode')).body.items).toHaveLength(1);
    expect((await u.post('/api/v1/organisations', { name: '' })).body.error.details.issues[0].path).toBe(
      'name',
    );
  });

  it('tags: list with counts, rename everywhere, refuse a clashing rename, merge, trash and restore', async () => {
    const u = await server.user();
    const a = await u.post('/api/v1/contacts', { displayName: 'A', tags: ['students'] });
    await u.post('/api/v1/contacts', { displayName: 'B', tags: ['alumni', 'students'] });
    await u.post('/api/v1/contacts', { displayName: 'C', tags: ['alumni'] });
    const tags = (await u.get('/api/v1/tags')).body.items as {
      id: string;
      name: string;
      contactCount: number;
    }[];
    expect(tags.map((t) => [t.name, t.contactCount])).toEqual([
      ['alumni', 2],
      ['students', 2],
    ]);
    const [alumni, students] = tags as [(typeof tags)[0], (typeof tags)[0]];
    const renamed = await u.patch(`/api/v1/tags/${students.id}`, { name: 'Former students' });
    expect(renamed.body.name).toBe('Former students');
    expect((await u.get(`/api/v1/contacts/${a.body.id}`)).body.tags).toEqual(['Former students']);
    expect((await u.get('/api/v1/contacts?q=former')).body.items).toHaveLength(2);
    const clash = await u.patch(`/api/v1/tags/${students.id}`, { name: 'ALUMNI' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(/merge/);

    const merged = await u.post(`/api/v1/tags/${students.id}/merge`, { into: alumni.id });
    expect(merged.body).toMatchObject({ name: 'alumni', contactCount: 3 });
    expect((await u.get(`/api/v1/tags/${students.id}`)).status).toBe(404);
    expect((await u.post(`/api/v1/tags/${alumni.id}/merge`, { into: alumni.id })).status).toBe(400);

    expect((await u.delete(`/api/v1/tags/${alumni.id}`)).status).toBe(200);
    expect((await u.get(`/api/v1/contacts/${a.body.id}`)).body.tags).toEqual([]);
    expect((await u.get('/api/v1/contacts?tag=alumni')).body.items).toEqual([]);
    expect((await u.post(`/api/v1/tags/${alumni.id}/restore`)).body.contactCount).toBe(3);
    expect((await u.get(`/api/v1/contacts/${a.body.id}`)).body.tags).toEqual(['alumni']);
    expect((await u.post('/api/v1/tags', { name: 'Alumni' })).status).toBe(409);
  });

  it('a merged-away contact or organisation answers 404 naming where it lives now, to its owner only', async () => {
    const u = await server.user();
    const other = await server.user();
    const keep = await u.post('/api/v1/contacts', { displayName: 'Grace Hopper' });
    const dup = await u.post('/api/v1/contacts', { displayName: 'Amazing Grace' });
    expect((await u.post('/api/v1/merges', { keep: keep.body.id, merge: dup.body.id })).status).toBe(201);
    const kept = await u.post('/api/v1/organisations', { name: 'US Navy' });
    const gone = await u.post('/api/v1/organisations', { name: 'Navy' });
    await u.post(`/api/v1/organisations/${gone.body.id}/merge`, { into: kept.body.id });
    for (const [path, into, what] of [
      [`/api/v1/contacts/${dup.body.id}`, keep.body.id, 'contact'],
      [`/api/v1/organisations/${gone.body.id}`, kept.body.id, 'organisation'],
    ]) {
      const mine = await u.get(path as string);
      expect(mine.status).toBe(404);
      expect(mine.body.error).toEqual({
        code: 'not_found',
        message: `${what} was merged into ${into}`,
        details: { mergedInto: into },
      });
      const theirs = await other.get(path as string);
      expect(theirs.status).toBe(404);
      expect(theirs.body.error).toEqual({ code: 'not_found', message: `${what} not found`, details: {} });
    }
  });
});
