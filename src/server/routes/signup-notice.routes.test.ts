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

    it('answers like any refused sign-up and e-mails the owner, never the one who tried', async () => {
      const owner = await server.user('Owner');
      const r = await server.anonymous().post('/api/v1/auth/signup', {
        email: owner.email,
        password: 'someone else entirely',
        name: 'Intruder',
      });
      expect(r.status).toBe(409);
      expect(r.body.error.details).toEqual({ reason: 'signup_refused' });
      await vi.waitFor(() => expect(sink.to(owner.email)).toHaveLength(1), { timeout: 5000 });
      const notice = sink.to(owner.email)[0]?.parsed;
      expect(notice?.subject).toBe('Someone tried to sign up to Rapport with your address');
      expect(notice?.text).toContain('Hello Owner,');
      expect(notice?.text).not.toContain('someone else entirely');
      expect(notice?.text).not.toContain('Intruder');
    });
  },
);
