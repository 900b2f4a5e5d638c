import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

describe.each(ENGINES)('GET /contacts/:id ETag and PATCH If-Match [%s]', (engine) => {
  const server = serveForTests(engine);

  it('answers an ETag, changes the contact while If-Match names it, else 412 and nothing changes', async () => {
    const u = await server.tokenUser();
    const id = (await u.post('/api/v1/contacts', { displayName: 'Ada Lovelace', title: 'Analyst' })).body.id;
    const url = `/api/v1/contacts/${id}`;
    const read = await u.get(url);
    const etag = read.headers.get('etag') as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    // Reading again, nothing changed: the same ETag.
    expect((await u.get(url)).headers.get('etag')).toBe(etag);

    const mine = await u.request('PATCH', url, { title: 'Mathematician' }, { 'if-match': etag });
    expect(mine.status).toBe(200);
    expect(mine.body.title).toBe('Mathematician');
    const next = mine.headers.get('etag');
    expect(next).not.toBe(etag);
    expect((await u.get(url)).headers.get('etag')).toBe(next);

    // A second PATCH made against the first read: refused, and the first one's change stays.
    const stale = await u.request('PATCH', url, { title: 'Countess' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({
      code: 'precondition_failed',
      message: expect.stringMatching(/changed by someone else since it was read/),
    });
    expect((await u.get(url)).body.title).toBe('Mathematician');
    // Without If-Match, as before: the change is made on what is there.
    expect((await u.patch(url, { title: 'Countess' })).body.title).toBe('Countess');
  });

  it('lets one of two PATCHes sent at once against the same ETag through, and refuses the other', async () => {
    const u = await server.user();
    const id = (await u.post('/api/v1/contacts', { displayName: 'Grace Hopper' })).body.id;
    const url = `/api/v1/contacts/${id}`;
    const etag = (await u.get(url)).headers.get('etag') as string;
    const answers = await Promise.all(
      ['Navy', 'Harvard'].map((organisation) =>
        u.request('PATCH', url, { organisation }, { 'if-match': etag }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const won = answers.find((a) => a.status === 200);
    expect((await u.get(url)).body.organisation.name).toBe(won?.body.organisation.name);
  });

  it('takes back the JSON a GET answered, unchanged, and changes nothing but updatedAt', async () => {
    const u = await server.tokenUser();
    const made = await u.post('/api/v1/contacts', {
      givenName: 'Grace',
      familyName: 'Hopper',
      organisation: 'Navy',
      emails: [{ value: 'grace@navy.example', label: 'work' }, { value: 'grace@home.example' }],
      phones: [{ value: '+1 212 555 0100' }],
      urls: [{ value: 'https://www.linkedin.com/in/grace-hopper' }],
      tags: ['navy'],
      customFields: { Ship: 'USS Hopper' },
      addresses: [{ locality: 'Arlington' }],
      dates: [{ value: '--06-01', label: 'commissioned' }],
    });
    const url = `/api/v1/contacts/${made.body.id}`;
    await u.patch(url, { organisation: 'Harvard', title: 'Professor' });
    const read = await u.get(url);
    const back = await u.request('PATCH', url, read.body, { 'if-match': read.headers.get('etag') as string });
    expect(back.status).toBe(200);
    expect(back.body).toEqual({ ...read.body, updatedAt: expect.any(String) });
    expect((await u.get(url)).body).toEqual(back.body);
    // Fields that are not the view's are still refused, by name.
    const unknown = await u.patch(url, { ...read.body, strength: 3 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues).toEqual([
      { path: 'strength', message: 'is not a known field' },
    ]);
  });

  it('documents If-Match, the ETag and 412 in the OpenAPI', async () => {
    const doc = (await server.anonymous().get('/api/openapi.json')).body;
    const patch = doc.paths['/api/v1/contacts/{id}'].patch;
    expect(patch.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'if-match' }));
    expect(Object.keys(patch.responses)).toContain('412');
    expect(patch.description).toMatch(/If-Match/);
    expect(doc.paths['/api/v1/contacts/{id}'].get.description).toMatch(/ETag/);
  });
});
