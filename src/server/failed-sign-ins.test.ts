import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines';
import { serveForTests } from '../../test/http';
import { FailedAttempts } from './failed-attempts';

describe('FailedAttempts', () => {
  it('refuses past the limit until the window ends; a place given back frees only itself', () => {
    let now = 1_000_000;
    const limit = new FailedAttempts({ max: 2, timeWindow: 60_000 }, () => now);
    const first = limit.take('a');
    limit.take('a');
    expect(limit.waitFor('a')).toBe(60);
    expect(limit.waitFor('b')).toBe(0);
    first();
    first(); // twice is once
    expect(limit.waitFor('a')).toBe(0);
    limit.take('a');
    now += 59_001;
    expect(limit.waitFor('a')).toBe(1);
    now += 1_000;
    expect(limit.waitFor('a')).toBe(0);
    // A place taken in an ended window is not given back into the next one.
    const old = limit.take('a');
    now += 60_000;
    limit.take('a');
    limit.take('a');
    old();
    expect(limit.waitFor('a')).toBe(60);
  });
});

describe.each(ENGINES)('only failed sign-ins count towards the limits [%s]', (engine) => {
  const server = serveForTests(engine, {
    app: {
      // Each test signs in from its own address (sign-ups from the socket's address count there too).
      trustProxy: true,
      loginLimit: { max: 3, timeWindow: 60_000 },
      loginAddressLimit: { max: 6, timeWindow: 60_000 },
    },
  });
  const from = (address: string) => (email: string, password: string) =>
    server
      .anonymous()
      .request('POST', '/api/v1/auth/login', { email, password }, { 'x-forwarded-for': address });

  it('lets someone sign in many times in a row, and still limits wrong passwords for that e-mail', async () => {
    const u = await server.user('Frequent');
    const login = from('203.0.113.40');
    for (let i = 0; i < 8; i++) expect((await login(u.email, u.password)).status).toBe(200);
    const guesses = [];
    for (let i = 0; i < 4; i++) guesses.push((await login(u.email, `guess-${i}`)).status);
    expect(guesses).toEqual([401, 401, 401, 429]);
    const locked = await login(u.email, u.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/^too many failed sign-in attempts for this e-mail, retry in /);
  });

  it("a success does not give back an attacker's budget for other e-mails, from the address or per e-mail", async () => {
    const mine = await server.user('Attacker');
    const login = from('203.0.113.50');
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await login('victim@example.test', `guess-${i}`)).status);
    statuses.push((await login(mine.email, mine.password)).status);
    statuses.push((await login('victim@example.test', 'guess-3')).status);
    for (let i = 0; i < 3; i++) statuses.push((await login(`made-up-${i}@example.test`, 'x')).status);
    // Six failures from this address: even the attacker's own right password waits now.
    statuses.push((await login(mine.email, mine.password)).status);
    expect(statuses).toEqual([401, 401, 401, 200, 429, 401, 401, 401, 429]);
    // Another address is not held back by it.
    expect((await from('203.0.113.51')('victim@example.test', 'guess-4')).status).toBe(401);
  });

  it('counts parallel guesses before they are checked: a burst gets no more than the limit', async () => {
    const u = await server.user('Burst Target');
    const login = from('203.0.113.60');
    const burst = await Promise.all(
      Array.from({ length: 6 }, (_, i) => login(u.email, `parallel-guess-${i}`)),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });
});
