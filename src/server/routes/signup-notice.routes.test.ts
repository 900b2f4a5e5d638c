import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';
import type { Mailer } from '../../core/mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../../core/mail/smtp-sink.test-support';

describe.each(ENGINES)(
  'sign-up with an address that has an account, on a server with mail [%s]',
  (engine) => {
    let sink: SmtpSink;
    let mailer: Mailer;
    beforeAll(async () => {
      sink = await startSmtpSink();
      mailer = smtpTestMailer(sink.port);
    });
    afterAll(async () => {
      await sink.close();
    });
    // The mailer is read when the app is built (after beforeAll), so hand it over lazily.
    const server = serveForTests(engine, { app: { mailer: { send: (m) => mailer.send(m) } } });

    it('answers like any other sign-up and e-mails the owner, never the one who tried', async () => {
      const owner = await server.user('Owner');
      const r = await server.anonymous().post('/api/v1/auth/signup', {
        email: owner.email,
        password: 'someone else entirely',
        name: 'Intruder',
      });
      // Open sign-up with mail is confirmed by e-mail: "check your inbox", as for a new address (ADR 4).
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ checkInbox: true, linkValidHours: 24 });
      // On the shared PostgreSQL the owner is not the first account: its inbox also holds its own sign-up link.
      const notices = () => sink.to(owner.email).filter((m) => m.parsed.subject?.startsWith('Someone tried'));
      await vi.waitFor(() => expect(notices()).toHaveLength(1), { timeout: 5000 });
      const notice = notices()[0]?.parsed;
      expect(notice?.subject).toBe('Someone tried to sign up to Rapport with your address');
      expect(notice?.text).toContain('Hello Owner,');
      expect(notice?.text).not.toContain('someone else entirely');
      expect(notice?.text).not.toContain('Intruder');
    });
  },
);
