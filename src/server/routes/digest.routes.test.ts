import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testContext } from '../../../test/engines';
import { serveForTests } from '../../../test/http';
import { createContact } from '../../core/contacts/create-contact';
import { actingAs } from '../../core/context';
import { unsubscribeKeyOf } from '../../core/digest/digest.queries';
import { sendDueDigests } from '../../core/digest/send-due-digests';
import { unsubscribeUrl } from '../../core/digest/unsubscribe-from-digest';
import { recordInteraction } from '../../core/interactions/record-interaction';
import type { Mailer } from '../../core/mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../../core/mail/smtp-sink.test-support';

describe.each(ENGINES)('digest unsubscribe link [%s]', (engine) => {
  const server = serveForTests(engine, { app: { feedLimit: { max: 1000, timeWindow: 60_000 } } });

  async function subscribed() {
    const u = await server.user();
    await u.patch('/api/v1/settings', { digestEnabled: true });
    const key = (await unsubscribeKeyOf(server.handle().db, u.accountId)) as string;
    const path = new URL(unsubscribeUrl('http://x.test', u.accountId, key)).pathname;
    return { u, path };
  }

  it('GET only asks; a one-click POST (RFC 8058) turns the digest off', async () => {
    const { u, path } = await subscribed();
    const page = await fetch(`${server.base()}${path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<form method="post">');
    expect((await u.get('/api/v1/settings')).body.digestEnabled).toBe(true);

    const post = await fetch(`${server.base()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('The daily digest is off');
    expect((await u.get('/api/v1/settings')).body.digestEnabled).toBe(false);
    expect(server.logs.join('')).not.toContain(path.split('/').pop());
  });

  it('a wrong, foreign or retired link changes nothing', async () => {
    const { u, path } = await subscribed();
    const other = await subscribed();
    const token = path.split('/').pop() as string;
    const post = (p: string) =>
      fetch(`${server.base()}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
    expect((await post(`/digest/unsubscribe/${other.u.accountId}/${token}`)).status).toBe(404);
    expect((await post(`/digest/unsubscribe/not-an-id/${token}`)).status).toBe(404);
    expect((await post(path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).status).toBe(404);
    // A new password retires the links in older digests.
    await u.post('/api/v1/auth/password', {
      currentPassword: u.password,
      newPassword: 'another long password',
    });
    expect((await post(path)).status).toBe(404);
    expect((await u.get('/api/v1/settings')).body.digestEnabled).toBe(true);
    expect((await other.u.get('/api/v1/settings')).body.digestEnabled).toBe(true);
  });
});

describe.each(ENGINES)('the daily digest in Settings [%s]', (engine) => {
  describe('on a server without SMTP_URL', () => {
    const server = serveForTests(engine);
    it('says mail is not configured, whether or not the digest is on', async () => {
      const u = await server.user();
      expect((await u.get('/api/v1/settings')).body).toMatchObject({
        digestEnabled: false,
        mailConfigured: false,
        lastDigest: null,
      });
      const on = await u.patch('/api/v1/settings', { digestEnabled: true });
      expect(on.body).toMatchObject({ digestEnabled: true, mailConfigured: false, lastDigest: null });
    });
  });

  describe('on a server that mails', () => {
    let sink: SmtpSink;
    let transport: Mailer;
    beforeAll(async () => {
      sink = await startSmtpSink();
      transport = smtpTestMailer(sink.port);
    });
    afterAll(async () => {
      await sink.close();
    });
    // The app is built before the sink's port is known by the describe body: hand it a mailer that forwards.
    const mailer: Mailer = { send: (m) => transport.send(m) };
    const server = serveForTests(engine, { app: { mailer } });
    // 07:00 UTC on the harness's day; the account below wants its digest at 07:00 UTC.
    const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00.000Z`);

    it('shows how the last digest ended: the SMTP error and when, until a retry gets through', async () => {
      const u = await server.user();
      const ctx = actingAs(testContext(server.handle().db, engine), u.accountId);
      const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
      await recordInteraction(ctx, {
        kind: 'message',
        direction: 'inbound',
        contactIds: [ada.id],
        occurredAt: '2026-11-24T15:00:00.000Z',
        summary: 'Can you review my draft?',
      });
      await u.patch('/api/v1/settings', { timeZone: 'UTC', digestEnabled: true, digestHour: 7 });
      expect((await u.get('/api/v1/settings')).body).toMatchObject({
        mailConfigured: true,
        lastDigest: null,
      });

      sink.refuse({ code: 451, message: 'Mailbox busy, try later' });
      try {
        await sendDueDigests(testContext(server.handle().db, engine), mailer, at('07:00'));
      } finally {
        sink.refuse(null);
      }
      expect((await u.get('/api/v1/settings')).body.lastDigest).toEqual({
        day: '2026-11-25',
        status: 'failed',
        items: 0,
        at: at('07:00').toISOString(),
        error: expect.stringContaining('Mailbox busy, try later'),
      });

      await sendDueDigests(testContext(server.handle().db, engine), mailer, at('07:05'));
      // Only digests: an account that is not the server's first also got its sign-up link from this sink.
      expect(sink.to(u.email).filter((m) => m.parsed.subject?.startsWith('Today:'))).toHaveLength(1);
      expect((await u.get('/api/v1/settings')).body.lastDigest).toEqual({
        day: '2026-11-25',
        status: 'sent',
        items: 1,
        at: at('07:05').toISOString(),
        error: null,
      });
    });
  });
});
