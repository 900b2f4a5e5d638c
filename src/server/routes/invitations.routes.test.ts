import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

const INVITATIONS = readFileSync(
  new URL('../../formats/linkedin/fixtures/invitations-2025-urls.csv', import.meta.url),
  'utf8',
);

describe.each(ENGINES)('LinkedIn invitations over HTTP [%s]', (engine) => {
  const server = serveForTests(engine);

  it('lists the imported invitations with their notes, by direction, paged, and matched to a contact added later', async () => {
    const u = await server.tokenUser();
    const imported = await u.upload('/api/v1/imports?kind=linkedin', 'Invitations.csv', INVITATIONS);
    expect(imported.status).toBe(201);
    expect(imported.body.stats).toMatchObject({ invitations: 2 });

    const all = await u.get('/api/v1/invitations');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      items: [
        {
          id: expect.any(String),
          direction: 'incoming',
          name: 'Leo Marsh',
          profileUrl: 'https://www.linkedin.com/in/leo-marsh',
          message: null,
          sentOn: '2025-10-02',
          contact: null,
          acceptedOn: null,
        },
        {
          id: expect.any(String),
          direction: 'outgoing',
          name: 'Rosa Quintero',
          profileUrl: 'https://www.linkedin.com/in/rosa-quintero',
          message: 'Hi Rosa, great talk at the meetup!',
          sentOn: '2025-09-27',
          contact: null,
          acceptedOn: null,
        },
      ],
      nextCursor: null,
    });

    const first = await u.get('/api/v1/invitations?limit=1');
    expect(first.body.items.map((i: { name: string }) => i.name)).toEqual(['Leo Marsh']);
    const second = await u.get(`/api/v1/invitations?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ name: 'Rosa Quintero' }], nextCursor: null });

    // Added from the invitation, the way the web page does it: the invitation now leads to her.
    const rosa = await u.post('/api/v1/contacts', {
      givenName: 'Rosa',
      familyName: 'Quintero',
      urls: [{ value: 'https://www.linkedin.com/in/rosa-quintero' }],
    });
    const outgoing = await u.get('/api/v1/invitations?direction=outgoing');
    expect(outgoing.body.items).toEqual([
      expect.objectContaining({
        name: 'Rosa Quintero',
        contact: { id: rosa.body.id, displayName: 'Rosa Quintero' },
      }),
    ]);
  });

  it('refuses an unknown direction, limit or cursor with the field named', async () => {
    const u = await server.user();
    for (const [query, path] of [
      ['direction=sideways', 'querystring.direction'],
      ['limit=0', 'querystring.limit'],
      // A cursor is only checked by the use case, so it names the field alone.
      ['cursor=nonsense', 'cursor'],
    ]) {
      const r = await u.get(`/api/v1/invitations?${query}`);
      expect(r.status).toBe(400);
      expect(r.body.error.details.issues[0].path).toBe(path);
    }
  });
});
