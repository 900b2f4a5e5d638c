import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

describe.each(ENGINES)('settings: the phone country over HTTP [%s]', (engine) => {
  const server = serveForTests(engine);

  it("reads the account's national numbers in it at once, and refuses a country it cannot read", async () => {
    const u = await server.user();
    const other = await server.user();
    const phones = [{ value: '07700 900777' }];
    const mine = (await u.post('/api/v1/contacts', { displayName: 'Ada Lovelace', phones })).body;
    const theirs = (await other.post('/api/v1/contacts', { displayName: 'Ada Lovelace', phones })).body;
    expect(mine.phones[0]).toMatchObject({ value: '07700 900777', e164: null });
    expect((await u.get('/api/v1/settings')).body.phoneRegion).toBeNull();

    const set = await u.patch('/api/v1/settings', { phoneRegion: 'gb' });
    expect(set.status).toBe(200);
    expect(set.body.phoneRegion).toBe('GB');
    expect((await u.get(`/api/v1/contacts/${mine.id}`)).body.phones[0]).toMatchObject({
      value: '07700 900777',
      e164: '+447700900777',
    });
    // Another account's numbers and settings stay its own.
    expect((await other.get(`/api/v1/contacts/${theirs.id}`)).body.phones[0].e164).toBeNull();
    expect((await other.get('/api/v1/settings')).body.phoneRegion).toBeNull();

    for (const [bad, message] of [
      ['XX', 'XX is not a country with phone numbers we can read'],
      ['GBR', 'is not a two-letter country code (ISO 3166), e.g. GB'],
      [44, undefined],
    ] as const) {
      const r = await u.patch('/api/v1/settings', { phoneRegion: bad });
      expect(r.status, String(bad)).toBe(400);
      const issue = r.body.error.details.issues.find((i: { path: string }) => i.path === 'phoneRegion');
      expect(issue, String(bad)).toBeDefined();
      if (message) expect(issue.message).toBe(message);
    }
    expect((await u.get('/api/v1/settings')).body.phoneRegion).toBe('GB');

    expect((await u.patch('/api/v1/settings', { phoneRegion: null })).body.phoneRegion).toBeNull();
    expect((await u.get(`/api/v1/contacts/${mine.id}`)).body.phones[0].e164).toBeNull();
  });
});
