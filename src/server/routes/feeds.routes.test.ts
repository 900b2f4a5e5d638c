import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { type Client, serveForTests } from '../../../test/http';
import { fixedClock } from '../../core/clock';

const clock = fixedClock('2026-11-25T09:00:00.000Z');

function vevents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((ev) => ({
    uid: String(ev.getFirstPropertyValue('uid')),
    summary: String(ev.getFirstPropertyValue('summary')),
    start: String(ev.getFirstPropertyValue('dtstart')),
    dateOnly: ev.getFirstProperty('dtstart')?.type === 'date',
  }));
}

async function promise(u: Client, name: string, what: string, dueOn: string, direction = 'mine') {
  const c = await u.post('/api/v1/contacts', { displayName: name });
  const p = await u.post('/api/v1/promises', { contactId: c.body.id, direction, what, dueOn });
  expect(p.status).toBe(201);
  return c.body.id as string;
}

describe.each(ENGINES)('calendar feed routes [%s]', (engine) => {
  const server = serveForTests(engine, { app: { clock, feedLimit: { max: 1000, timeWindow: 60_000 } } });
  const fetchFeed = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${server.base()}${path}`, { method, headers });

  it('creates a feed, serves it as all-day events with stable UIDs, and revalidates with its ETag', async () => {
    const u = await server.user();
    await promise(u, 'Grace Hopper', 'Send the COBOL paper', '2026-11-24');
    await promise(u, 'Alan Turing', 'Share the Enigma notes', '2026-12-10', 'theirs');

    const created = await u.post('/api/v1/feeds');
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: null,
      createdAt: '2026-11-25T09:00:00.000Z',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      url: `http://localhost:3000/feeds/${created.body.token}.ics`,
    });
    const listed = await u.get('/api/v1/feeds');
    expect(listed.body).toEqual({
      items: [{ id: created.body.id, name: null, createdAt: '2026-11-25T09:00:00.000Z' }],
    });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const path = new URL(created.body.url).pathname;
    const first = await fetchFeed(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const body = await first.text();
    const events = vevents(body);
    expect(events.map((e) => [e.start, e.summary])).toEqual([
      ['2026-11-25', 'Send the COBOL paper — for Grace Hopper'],
      ['2026-12-10', 'Alan Turing promised: Share the Enigma notes'],
    ]);
    expect(events.every((e) => e.dateOnly)).toBe(true);
    expect(body).toContain('DTSTART;VALUE=DATE:20261125');

    const again = await fetchFeed(path);
    expect(again.headers.get('etag')).toBe(etag);
    expect(vevents(await again.text()).map((e) => e.uid)).toEqual(events.map((e) => e.uid));

    const notModified = await fetchFeed(path, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(await notModified.text()).toBe('');
    expect((await fetchFeed(path, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect((await fetchFeed(path, { 'if-none-match': '"other"' })).status).toBe(200);
    const head = await fetchFeed(path, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);

    // A new promise changes the calendar, so its ETag.
    await promise(u, 'Mary Somerville', 'Lend the telescope', '2026-12-01');
    const changed = await fetchFeed(path, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const after = vevents(await changed.text());
    expect(after.map((e) => e.summary)).toEqual([
      'Send the COBOL paper — for Grace Hopper',
      'Lend the telescope — for Mary Somerville',
      'Alan Turing promised: Share the Enigma notes',
    ]);
    expect(after.filter((e) => events.some((x) => x.uid === e.uid))).toHaveLength(2);

    // The secret never reaches the logs.
    expect(server.logs.join('')).not.toContain(created.body.token);
    expect(server.logs.join('')).toContain('/feeds/:secret');
  });

  it('names a feed from an optional JSON body; no body, an empty object and a bad name answer as they should', async () => {
    const u = await server.user();
    const phone = await u.post('/api/v1/feeds', { name: ' Phone calendar ' });
    expect(phone.status).toBe(201);
    expect(phone.body).toMatchObject({ name: 'Phone calendar', token: expect.any(String) });
    // Clients from before names post nothing, or `{}` (the web app); JSON null is no body too.
    const bare = await u.request('POST', '/api/v1/feeds');
    expect([bare.status, bare.body.name]).toEqual([201, null]);
    expect((await u.request('POST', '/api/v1/feeds', 'null')).body.name).toBeNull();
    const empty = await u.post('/api/v1/feeds', {});
    expect([empty.status, empty.body.name]).toEqual([201, null]);
    expect((await fetch(`${server.base()}${new URL(phone.body.url).pathname}`)).status).toBe(200);

    for (const [body, path] of [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ label: 'Phone' }, 'label'],
    ] as const) {
      const r = await u.post('/api/v1/feeds', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'validation', details: { issues: [{ path }] } });
    }
    const listed = (await u.get('/api/v1/feeds')).body.items;
    expect(listed.map((f: { id: string; name: string | null }) => [f.id, f.name])).toEqual([
      [empty.body.id, null],
      [expect.any(String), null],
      [bare.body.id, null],
      [phone.body.id, 'Phone calendar'],
    ]);
  });

  it('sends when the feed was made as Last-Modified; If-Modified-Since gets the full feed, If-None-Match wins', async () => {
    const u = await server.user();
    await promise(u, 'Grace Hopper', 'Send the COBOL paper', '2026-11-24');
    const path = new URL((await u.post('/api/v1/feeds')).body.url).pathname;
    const made = 'Wed, 25 Nov 2026 09:00:00 GMT';

    const first = await fetchFeed(path);
    expect(first.headers.get('last-modified')).toBe(made);
    const etag = first.headers.get('etag') as string;
    const body = await first.text();
    expect((await fetchFeed(path, {}, 'HEAD')).headers.get('last-modified')).toBe(made);

    // The feed is not known to be unchanged since any date, not even its own Last-Modified: a write within the
    // same second changes it, and a 304 would hide the change.
    const since = await fetchFeed(path, { 'if-modified-since': made });
    expect([since.status, await since.text()]).toEqual([200, body]);
    await promise(u, 'Mary Somerville', 'Lend the telescope', '2026-12-01');
    const changed = await fetchFeed(path, { 'if-modified-since': made });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('last-modified')).toBe(made);
    expect(vevents(await changed.text()).map((e) => e.summary)).toContain(
      'Lend the telescope — for Mary Somerville',
    );
    const current = changed.headers.get('etag') as string;
    expect(current).not.toBe(etag);

    // Sent together, If-None-Match alone decides (RFC 9110 §13.2.2).
    const old = 'Mon, 01 Jan 2001 00:00:00 GMT';
    const later = 'Fri, 01 Jan 2100 00:00:00 GMT';
    const both = await fetchFeed(path, { 'if-none-match': current, 'if-modified-since': old });
    expect([both.status, both.headers.get('etag'), both.headers.get('last-modified')]).toEqual([
      304,
      current,
      made,
    ]);
    expect((await fetchFeed(path, { 'if-none-match': etag, 'if-modified-since': later })).status).toBe(200);
    expect((await fetchFeed(path, { 'if-modified-since': 'not a date' })).status).toBe(200);

    // A later copy says so, to the second.
    clock.advance(90_500);
    try {
      const next = await fetchFeed(path, { 'if-none-match': current });
      expect([next.status, next.headers.get('last-modified')]).toEqual([
        304,
        'Wed, 25 Nov 2026 09:01:30 GMT',
      ]);
    } finally {
      clock.set('2026-11-25T09:00:00.000Z');
    }
  });

  it('a revoked, unknown or malformed feed address answers the same bare 404', async () => {
    const u = await server.user();
    await promise(u, 'Grace Hopper', 'Send the COBOL paper', '2026-11-24');
    const created = await u.post('/api/v1/feeds');
    const path = `/feeds/${created.body.token}.ics`;
    expect((await fetchFeed(path)).status).toBe(200);
    expect((await u.delete(`/api/v1/feeds/${created.body.id}`)).status).toBe(204);

    const answers = await Promise.all(
      [path, `/feeds/${'A'.repeat(43)}.ics`, '/feeds/short.ics', '/feeds/%00.ics'].map(async (p) => {
        const r = await fetchFeed(p);
        return [r.status, r.headers.get('content-type'), await r.text()];
      }),
    );
    for (const a of answers) expect(a).toEqual([404, 'text/plain; charset=utf-8', 'Not found\n']);
    expect((await u.get('/api/v1/feeds')).body.items).toEqual([]);
    expect((await u.delete(`/api/v1/feeds/${created.body.id}`)).status).toBe(404);
    expect(server.logs.join('')).not.toContain(created.body.token);
  });

  it('another account cannot list or revoke my feeds, and each feed shows only its owner’s agenda', async () => {
    const me = await server.user();
    const other = await server.user();
    await promise(me, 'Private Person', 'My secret promise', '2026-11-24');
    await promise(other, 'Their Person', 'Their promise', '2026-11-24');
    const mine = await me.post('/api/v1/feeds');
    const theirs = await other.post('/api/v1/feeds');
    expect((await other.get('/api/v1/feeds')).body.items.map((f: { id: string }) => f.id)).toEqual([
      theirs.body.id,
    ]);
    const refused = await other.delete(`/api/v1/feeds/${mine.body.id}`);
    const missing = await other.delete('/api/v1/feeds/01900000-0000-7000-8000-000000000000');
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual(missing.body);
    expect((await fetchFeed(`/feeds/${mine.body.token}.ics`)).status).toBe(200);

    const theirFeed = await (await fetchFeed(`/feeds/${theirs.body.token}.ics`)).text();
    expect(vevents(theirFeed).map((e) => e.summary)).toEqual(['Their promise — for Their Person']);
    expect(theirFeed).not.toContain('Private');
    expect(theirFeed).not.toContain('secret promise');
  });

  describe('rate limit', () => {
    const limited = serveForTests(engine, { app: { clock, feedLimit: { max: 3, timeWindow: 60_000 } } });
    it('limits fetches per client address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await fetch(`${limited.base()}/feeds/${'B'.repeat(43)}.ics`)).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
    });
  });
});
