import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

const card = (name: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEND:VCARD\r\n`;

describe.each(ENGINES)('favours, promises and imports, a page at a time over HTTP [%s]', (engine) => {
  const server = serveForTests(engine);

  it('pages /favours and /promises with ?limit=&cursor= and nextCursor, and refuses a cursor of another filter', async () => {
    const u = await server.tokenUser();
    const ada = (await u.post('/api/v1/contacts', { displayName: 'Ada Lovelace' })).body.id as string;
    const grace = (await u.post('/api/v1/contacts', { displayName: 'Grace Hopper' })).body.id as string;
    for (const [contactId, what] of [
      [ada, 'Intro to Babbage'],
      [grace, 'Reviewed the compiler'],
      [ada, 'Lent the notes'],
    ]) {
      // All on one day: the id breaks the tie.
      const f = { contactId, direction: 'given', what, occurredOn: '2026-11-01' };
      expect((await u.post('/api/v1/favours', f)).status).toBe(201);
      const p = { contactId, direction: 'mine', what, dueOn: '2030-01-01' };
      expect((await u.post('/api/v1/promises', p)).status).toBe(201);
    }

    const first = await u.get('/api/v1/favours?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await u.get(`/api/v1/favours?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{}], nextCursor: null });
    expect([...first.body.items, ...second.body.items].map((f: { what: string }) => f.what).sort()).toEqual([
      'Intro to Babbage',
      'Lent the notes',
      'Reviewed the compiler',
    ]);

    const other = await u.get(`/api/v1/favours?contact=${ada}&cursor=${first.body.nextCursor}`);
    expect(other.status).toBe(400);
    expect(other.body.error.details.issues[0].path).toBe('cursor');

    const open = await u.get(`/api/v1/promises?status=open&contact=${ada}&limit=1`);
    expect(open.body.items).toHaveLength(1);
    const rest = await u.get(
      `/api/v1/promises?status=open&contact=${ada}&limit=1&cursor=${open.body.nextCursor}`,
    );
    expect(rest.body).toMatchObject({ items: [{ contact: { id: ada } }], nextCursor: null });
    expect(rest.body.items[0].id).not.toBe(open.body.items[0].id);
    expect((await u.get(`/api/v1/promises?status=kept&cursor=${open.body.nextCursor}`)).status).toBe(400);
    expect((await u.get('/api/v1/promises?limit=201')).status).toBe(400);

    // The cursor in another account's hands is refused, not a way into this one's rows.
    const stranger = await server.tokenUser();
    const theirs = await stranger.get(`/api/v1/favours?cursor=${first.body.nextCursor}`);
    expect(theirs.status).toBe(400);
    expect((await stranger.get('/api/v1/favours')).body).toEqual({ items: [], nextCursor: null });
  });

  it('pages /imports the same way', async () => {
    const u = await server.tokenUser();
    for (const name of ['Ada Lovelace', 'Grace Hopper']) {
      expect((await u.upload('/api/v1/imports?kind=vcard', `${name}.vcf`, card(name))).status).toBe(201);
    }
    const first = await u.get('/api/v1/imports?limit=1');
    expect(first.body).toMatchObject({
      items: [{ fileName: 'Grace Hopper.vcf' }],
      nextCursor: expect.any(String),
    });
    const second = await u.get(`/api/v1/imports?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ fileName: 'Ada Lovelace.vcf' }], nextCursor: null });
    expect((await u.get('/api/v1/imports?cursor=nope')).status).toBe(400);
  });
});

describe('the OpenAPI document of the paged ledger lists', () => {
  const server = serveForTests('sqlite');

  it('declares ?limit= and ?cursor= and answers nextCursor for /favours, /promises and /imports', async () => {
    const doc = await server.anonymous().get('/api/openapi.json');
    for (const path of ['/api/v1/favours', '/api/v1/promises', '/api/v1/imports']) {
      const get = doc.body.paths[path].get;
      expect(
        get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`),
        path,
      ).toEqual(expect.arrayContaining(['query:limit', 'query:cursor']));
      const ok = get.responses['200'].content['application/json'].schema;
      expect(Object.keys(ok.properties), path).toEqual(['items', 'nextCursor']);
    }
  });
});
