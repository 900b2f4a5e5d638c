import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_FROM, mailConfigFromEnv, smtpMailer } from './smtp-mailer';
import { type SmtpSink, startSmtpSink } from './smtp-sink.test-support';

describe('mail settings and the SMTP mailer', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({ user: 'digest', pass: 's3cret/pass' });
  });
  afterAll(async () => {
    await sink.close();
  });

  it('reads SMTP_URL and MAIL_FROM; no SMTP_URL means no mail', () => {
    expect(mailConfigFromEnv({})).toBeNull();
    expect(mailConfigFromEnv({ SMTP_URL: ' ' })).toBeNull();
    expect(mailConfigFromEnv({ SMTP_URL: 'smtps://u:p@mail.example.test' })).toEqual({
      url: 'smtps://u:p@mail.example.test',
      from: DEFAULT_MAIL_FROM,
    });
    expect(DEFAULT_MAIL_FROM).toBe('Rapport <rapport@localhost>');
    for (const bad of ['mail.example.test', 'http://u:hunter2@mail.example.test', 'smtp://']) {
      expect(() => mailConfigFromEnv({ SMTP_URL: bad })).toThrow(/^SMTP_URL must look like/);
      try {
        mailConfigFromEnv({ SMTP_URL: bad });
      } catch (err) {
        expect(String(err)).not.toContain('hunter2');
      }
    }
  });

  it('sends through the SMTP server named by the URL, logging in with its user and password', async () => {
    const config = mailConfigFromEnv({
      SMTP_URL: `smtp://digest:${encodeURIComponent('s3cret/pass')}@127.0.0.1:${sink.port}`,
      MAIL_FROM: 'Rapport digest <digest@rapport.example.test>',
    });
    const mailer = smtpMailer(config as NonNullable<typeof config>);
    try {
      await mailer.verify();
      const { messageId } = await mailer.send({
        to: { name: 'Ada, Countess of Lovelace', address: 'ada@example.test' },
        subject: 'Today: 1 thing for your relationships',
        text: 'plain',
        html: '<p>html</p>',
        headers: { 'List-Unsubscribe': '<https://rapport.example.test/x>' },
      });
      const got = sink.received.at(-1);
      expect(got?.parsed.messageId).toBe(messageId);
      expect(got?.parsed.from?.value).toEqual([
        { name: 'Rapport digest', address: 'digest@rapport.example.test' },
      ]);
      expect(got?.parsed.to).toMatchObject({
        value: [{ name: 'Ada, Countess of Lovelace', address: 'ada@example.test' }],
      });
      expect(got?.parsed.text?.trim()).toBe('plain');
    } finally {
      mailer.close();
    }
    const wrong = smtpMailer({ url: `smtp://digest:nope@127.0.0.1:${sink.port}`, from: DEFAULT_MAIL_FROM });
    try {
      await expect(
        wrong.send({ to: { name: 'A', address: 'a@example.test' }, subject: 's', text: 't', html: 'h' }),
      ).rejects.toThrow();
    } finally {
      wrong.close();
    }
  });
});
