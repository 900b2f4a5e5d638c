import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';
import { fixedClock } from '../../core/clock';
import type { Mailer } from '../../core/mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../../core/mail/smtp-sink.test-support';

const NOTICE = 'Someone tried to sign up to Rapport with your address';
const MINUTE = 60_000;

describe.each(ENGINES)('sign-up notices to the owner of a taken address are limited [%s]', (engine) => {
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
  const server = serveForTests(engine, { app: { clock, mailer: { send: (m) => mailer.send(m) } } });

  const notices = (email: string) => sink.to(email).filter((m) => m.parsed.subject === NOTICE);
  const heldBack = () => server.logs.filter((l) => l.includes('sign-up notice held back')).length;
  async function attempt(email: string) {
    const r = await server.anonymous().post('/api/v1/auth/signup', {
      email,
      password: 'someone else entirely',
      name: 'Intruder',
    });
    // Refused (409), or "check your inbox" (202) where sign-up is confirmed by e-mail: never an account.
    expect([202, 409]).toContain(r.status);
  }

  it('mails one notice for three attempts within the hour, counting the rest, and another after the hour', async () => {
    const owner = await server.user('Owner');
    const before = heldBack();
    await attempt(owner.email);
    await attempt(owner.email);
    await attempt(owner.email.toUpperCase());
    // The notice is sent after the answer: wait until each attempt was mailed or held back, then count.
    const dealtWith = () => notices(owner.email).length + heldBack() - before;
    await vi.waitFor(() => expect(dealtWith()).toBe(3), { timeout: 5000 });
    expect(notices(owner.email)).toHaveLength(1);
    expect(heldBack() - before).toBe(2);
    expect(server.logs.filter((l) => l.includes('sign-up notice held back')).at(-1)).toContain(
      `"accountId":"${owner.accountId}"`,
    );

    // The hour runs from the notice that went: 59 minutes later it is still held back.
    clock.advance(59 * MINUTE);
    await attempt(owner.email);
    await vi.waitFor(() => expect(dealtWith()).toBe(4), { timeout: 5000 });
    expect(notices(owner.email)).toHaveLength(1);
    clock.advance(MINUTE);
    await attempt(owner.email);
    await vi.waitFor(() => expect(notices(owner.email)).toHaveLength(2), { timeout: 5000 });
    expect(heldBack() - before).toBe(3);
    expect(notices(owner.email)[1]?.parsed.text).toContain('Hello Owner,');
  });

  it('limits each account on its own', async () => {
    const ada = await server.user('Ada');
    const bea = await server.user('Bea');
    await attempt(ada.email);
    await attempt(bea.email);
    await vi.waitFor(() => expect(notices(ada.email)).toHaveLength(1), { timeout: 5000 });
    await vi.waitFor(() => expect(notices(bea.email)).toHaveLength(1), { timeout: 5000 });
  });
});
