import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';
import { DAY_MS, fixedClock } from '../../core/clock';
import type { Mailer } from '../../core/mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../../core/mail/smtp-sink.test-support';

const NOTICE = 'Someone tried to sign up to Rapport with your address';
const CONFIRM = 'Confirm your new Rapport account';

describe.each(ENGINES)('e-mail-confirmed sign-up on an open server with mail [%s]', (engine) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });
  const clock = fixedClock('2026-11-25T09:00:00.000Z');
  // The mailer is read when the app is built (after beforeAll), so hand it over lazily.
  const server = serveForTests(engine, {
    settings: { signup: 'open' },
    app: { clock, mailer: { send: (m) => mailer.send(m) } },
  });
  let seq = 0;
  const fresh = () => `new${++seq}.${Date.now()}@example.test`;
  const signUp = (email: string, name = 'Grace Hopper') =>
    server.anonymous().post('/api/v1/auth/signup', { email, password: 'a long enough password', name });
  /** The secret of the last sign-up link the sink received for `email`. */
  async function linkFor(email: string): Promise<string> {
    await vi.waitFor(() => expect(sink.to(email).some((m) => m.parsed.subject === CONFIRM)).toBe(true), {
      timeout: 5000,
    });
    const mail = sink
      .to(email)
      .filter((m) => m.parsed.subject === CONFIRM)
      .at(-1);
    const token = /\/sign-up\/confirm\/([\w-]+)/.exec(mail?.parsed.text ?? '')?.[1];
    if (!token) throw new Error(`no link in the mail to ${email}`);
    return token;
  }

  it('answers a new and a taken address the same: 202, same body, no session', async () => {
    // Not the first account (that one signs in at once, see below): the owner signed up by its own link.
    await server.user('Operator');
    const owner = await server.user('Owner');
    const email = fresh();
    const taken = await signUp(owner.email.toUpperCase(), 'Intruder');
    const made = await signUp(email);
    expect(taken.status).toBe(202);
    expect(made.status).toBe(202);
    expect(taken.body).toEqual(made.body);
    expect(made.body).toEqual({ checkInbox: true, linkValidHours: 24 });
    expect(taken.headers.getSetCookie()).toEqual([]);
    expect(made.headers.getSetCookie()).toEqual([]);
    // The owner hears of the attempt (and gets no sign-up link); the new address gets its link.
    const notices = () => sink.to(owner.email).filter((m) => m.parsed.subject === NOTICE);
    await vi.waitFor(() => expect(notices()).toHaveLength(1), { timeout: 5000 });
    expect(notices()[0]?.parsed.text).not.toContain('Intruder');
    // Its own sign-up link only, none for the attempt.
    await vi.waitFor(() =>
      expect(sink.to(owner.email).filter((m) => m.parsed.subject === CONFIRM)).toHaveLength(1),
    );
    expect(sink.to(owner.email)).toHaveLength(2);
    expect(await linkFor(email)).toMatch(/^[\w-]{32}$/);
  });

  it('follows the link: makes the account, signs in, and the password works', async () => {
    const email = fresh();
    expect((await signUp(email, 'Grace Hopper')).status).toBe(202);
    const token = await linkFor(email);
    expect(sink.to(email)[0]?.parsed.text).toContain(`http://localhost:3000/sign-up/confirm/${token}`);
    const browser = server.anonymous();
    const confirmed = await browser.post('/api/v1/auth/signup/confirm', { token });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ account: { email, name: 'Grace Hopper' }, via: 'session' });
    expect(browser.cookies.get('rapport_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await browser.get('/api/v1/auth/session');
    expect(me.body.account.email).toBe(email);
    expect((await browser.post('/api/v1/contacts', { displayName: 'Ada' })).status).toBe(201);
    const again = await server
      .anonymous()
      .post('/api/v1/auth/login', { email, password: 'a long enough password' });
    expect(again.status).toBe(200);
  });

  it('refuses a link used once already, with no session', async () => {
    const email = fresh();
    await signUp(email);
    const token = await linkFor(email);
    expect((await server.anonymous().post('/api/v1/auth/signup/confirm', { token })).status).toBe(201);
    const twice = await server.anonymous().post('/api/v1/auth/signup/confirm', { token });
    expect(twice.status).toBe(404);
    expect(twice.body.error.message).toMatch(/already used, expired or mistyped/);
    expect(twice.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a link after its 24 hours', async () => {
    const email = fresh();
    await signUp(email);
    const token = await linkFor(email);
    clock.advance(DAY_MS + 1);
    const late = await server.anonymous().post('/api/v1/auth/signup/confirm', { token });
    expect(late.status).toBe(404);
    expect(
      (await server.anonymous().post('/api/v1/auth/login', { email, password: 'a long enough password' }))
        .status,
    ).toBe(401);
  });

  it('refuses a made-up link the same way, and a body without one as a 400', async () => {
    const made = await server.anonymous().post('/api/v1/auth/signup/confirm', { token: 'x'.repeat(32) });
    expect(made.status).toBe(404);
    expect((await server.anonymous().post('/api/v1/auth/signup/confirm', {})).status).toBe(400);
  });
});

// A fresh database of its own (in-memory SQLite): the run's PostgreSQL is shared and already has accounts.
describe('the first account on a server with mail', () => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });
  const server = serveForTests('sqlite', {
    settings: { signup: 'open' },
    app: { mailer: { send: (m) => mailer.send(m) } },
  });

  it('still signs in at once (the operator’s own), and the next one is confirmed by e-mail', async () => {
    const body = { password: 'a long enough password', name: 'Operator' };
    const first = await server.anonymous().post('/api/v1/auth/signup', { ...body, email: 'op@example.test' });
    expect(first.status).toBe(201);
    expect(first.body.account.name).toBe('Operator');
    const next = await server
      .anonymous()
      .post('/api/v1/auth/signup', { ...body, email: 'next@example.test' });
    expect(next.status).toBe(202);
  });
});
