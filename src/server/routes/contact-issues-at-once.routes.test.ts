import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

type Issue = { path: string; message: string };
const paths = (issues: Issue[]) => issues.map((i) => i.path);

describe.each(ENGINES)('a contact form with several problems is answered all at once [%s]', (engine) => {
  const server = serveForTests(engine);

  it('adding: a mistyped email and a connected-on day in the future, in one answer', async () => {
    const u = await server.user();
    const r = await u.post('/api/v1/contacts', {
      displayName: 'Two Problems',
      emails: [{ value: 'ada@' }],
      connectedOn: '2099-01-01',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation');
    expect(paths(r.body.error.details.issues)).toEqual(['emails.0.value', 'connectedOn']);
    expect(r.body.error.details.issues[1]).toEqual({ path: 'connectedOn', message: 'is in the future' });
    expect(r.body.error.message).toMatch(/^emails\.0\.value: .+ \(and 1 more\)$/);
    expect((await u.get('/api/v1/contacts/count')).body).toEqual({ total: 0 });
  });

  it('adding: one issue per field, and no "needs a name" when the email that would name it is mistyped', async () => {
    const u = await server.user();
    const r = await u.post('/api/v1/contacts', {
      emails: [{ value: 'not an email' }],
      connectedOn: '07/02/2024',
      tags: ['x'.repeat(61)],
    });
    expect(r.status).toBe(400);
    const issues: Issue[] = r.body.error.details.issues;
    expect(paths(issues)).toEqual(['emails.0.value', 'tags.0', 'connectedOn']);
    expect(new Set(paths(issues)).size).toBe(issues.length);
  });

  it('changing: schema problems, a forged id and a future connected-on day, in one answer; nothing changes', async () => {
    const u = await server.user();
    const c = (await u.post('/api/v1/contacts', { displayName: 'Keep Me', notes: 'original' })).body;
    const r = await u.patch(`/api/v1/contacts/${c.id}`, {
      emails: [{ value: 'x@' }],
      notes: 5,
      id: 'forged',
      connectedOn: '2099-01-01',
    });
    expect(r.status).toBe(400);
    expect(paths(r.body.error.details.issues).sort()).toEqual([
      'connectedOn',
      'emails.0.value',
      'id',
      'notes',
    ]);
    expect(r.body.error.details.issues).toContainEqual({ path: 'connectedOn', message: 'is in the future' });
    expect((await u.get(`/api/v1/contacts/${c.id}`)).body).toEqual(c);
  });

  it('changing: only a day in the future is refused, and another account’s contact learns nothing', async () => {
    const u = await server.user();
    const c = (await u.post('/api/v1/contacts', { displayName: 'Someone' })).body;
    // Two days either side of now is past / future in every time zone.
    const past = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const bad = { emails: [{ value: 'x@' }] };
    expect(
      paths(
        (await u.patch(`/api/v1/contacts/${c.id}`, { ...bad, connectedOn: past })).body.error.details.issues,
      ),
    ).toEqual(['emails.0.value']);
    expect(
      paths(
        (await u.patch(`/api/v1/contacts/${c.id}`, { ...bad, connectedOn: future })).body.error.details
          .issues,
      ),
    ).toEqual(['emails.0.value', 'connectedOn']);
    const stranger = await server.user();
    const other = await stranger.patch(`/api/v1/contacts/${c.id}`, { ...bad, connectedOn: future });
    expect([other.status, paths(other.body.error.details.issues)]).toEqual([400, ['emails.0.value']]);
  });

  it('a body that is not an object, or a bad path, is refused as before', async () => {
    const u = await server.user();
    const list = await u.post('/api/v1/contacts', [{ displayName: 'x' }]);
    expect(list.status).toBe(400);
    expect(paths(list.body.error.details.issues)).toEqual(['body']);
    const c = (await u.post('/api/v1/contacts', { displayName: 'Fine' })).body;
    const ok = await u.patch(`/api/v1/contacts/${c.id}`, { notes: 'changed' });
    expect([ok.status, ok.body.notes]).toEqual([200, 'changed']);
  });
});
