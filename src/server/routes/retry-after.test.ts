import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { type Reply, serveForTests } from '../../../test/http';
import { fixedClock } from '../../core/clock';
import { MAX_INVITES_PER_DAY } from '../../core/network/connection';

/** The wait a 429 names, in the header and in the body alike. */
function waitOf(reply: Reply): number {
  expect(reply.status).toBe(429);
  expect(reply.body.error.code).toBe('rate_limited');
  const header = reply.headers.get('retry-after');
  expect(header).toMatch(/^[1-9][0-9]*$/);
  expect(reply.body.error.details.retryAfterSeconds).toBe(Number(header));
  return Number(header);
}

describe.each(ENGINES)('429 answers say when to retry [%s]', (engine) => {
  const clock = fixedClock('2026-11-25T09:00:00.000Z');
  const server = serveForTests(engine, { settings: { networkSearchesPerDay: 2 }, app: { clock } });

  it('a spent network search limit: until the oldest search of the last 24 hours is a day old', async () => {
    clock.set('2026-11-25T09:00:00.000Z');
    const me = await server.user('Mia');
    expect((await me.get('/api/v1/network/search?q=acme')).status).toBe(200);
    clock.set('2026-11-25T10:00:00.000Z');
    expect((await me.get('/api/v1/network/paths?q=acme')).status).toBe(200);
    clock.set('2026-11-25T12:30:00.000Z');
    const spent = await me.get('/api/v1/network/search?q=acme');
    // The 09:00 search leaves the window at 09:00 tomorrow: 20 h 30 min from now.
    expect(waitOf(spent)).toBe(20.5 * 3600);
    expect(spent.body.error.details.retryAt).toBe('2026-11-26T09:00:00.000Z');
    // Never 0, and rounded up: half a second before, the answer is one second.
    clock.set('2026-11-26T08:59:59.500Z');
    expect(waitOf(await me.get('/api/v1/network/paths?q=acme'))).toBe(1);
    clock.set('2026-11-26T09:00:00.000Z');
    expect((await me.get('/api/v1/network/search?q=acme')).status).toBe(200);
  });

  it('the daily invitation limit: until the first invitation of the last 24 hours is a day old', async () => {
    clock.set('2026-11-25T09:00:00.000Z');
    const me = await server.user('Ivo');
    for (let i = 0; i < MAX_INVITES_PER_DAY; i++) {
      expect((await me.post('/api/v1/network/invites', {})).status).toBe(201);
      clock.advance(10 * 60_000);
    }
    // 13:10 now; the 09:00 invitation stops counting once it is more than a day old.
    const spent = await me.post('/api/v1/network/invites', {});
    expect(waitOf(spent)).toBe(19 * 3600 + 50 * 60 + 1);
    expect(spent.body.error.details.retryAt).toBe('2026-11-26T09:00:00.001Z');
    expect(spent.body.error.message).toBe(
      `at most ${MAX_INVITES_PER_DAY} invitations a day; you can invite again from 2026-11-26 09:01 UTC`,
    );
    clock.set('2026-11-26T09:00:00.000Z');
    expect(waitOf(await me.post('/api/v1/network/invites', {}))).toBe(1);
    clock.set('2026-11-26T09:00:00.001Z');
    expect((await me.post('/api/v1/network/invites', {})).status).toBe(201);
  });
});

describe('429 answers of @fastify/rate-limit say when to retry', () => {
  const server = serveForTests('sqlite', { app: { feedLimit: { max: 2, timeWindow: 60_000 } } });

  it('in the header and the body, within the window', async () => {
    const anon = server.anonymous();
    const replies: Reply[] = [];
    for (let i = 0; i < 3; i++) replies.push(await anon.get(`/intro/${'A'.repeat(43)}`));
    expect(replies.map((r) => r.status)).toEqual([404, 404, 429]);
    expect(waitOf(replies[2] as Reply)).toBeLessThanOrEqual(60);
  });
});

describe('the OpenAPI document of 429 answers', () => {
  const server = serveForTests('sqlite');

  it('lists Retry-After on every 429', async () => {
    const doc = await server.anonymous().get('/api/openapi.json');
    const limited = Object.values(
      doc.body.paths as Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>,
    ).flatMap((methods) =>
      Object.values(methods).flatMap((op) => (op.responses['429'] ? [op.responses['429']] : [])),
    );
    expect(limited.length).toBeGreaterThan(3);
    for (const answer of limited) expect(Object.keys(answer.headers ?? {})).toEqual(['Retry-After']);
  });
});
