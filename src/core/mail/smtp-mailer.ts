import { createTransport } from 'nodemailer';
import type { Mailer } from './mailer';

export const DEFAULT_MAIL_FROM = 'Rapport <rapport@localhost>';

export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS from the start). */
  url: string;
  from: string;
}

/**
 * Mail settings from SMTP_URL and MAIL_FROM; null without SMTP_URL (the server then sends no mail). A URL that is
 * not smtp:// or smtps:// is an error at start-up, and the message never repeats the URL (it holds a password).
 */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv): MailConfig | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465');
  }
  if ((parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
    throw new Error('SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465');
  }
  return { url, from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM };
}

export type SmtpMailer = Mailer & { verify(): Promise<void>; close(): void };

/** A Mailer over one pooled SMTP connection set, built once per process; `close` ends its connections. */
export function smtpMailer(config: MailConfig): SmtpMailer {
  const transport = createTransport(
    {
      url: config.url,
      pool: true,
      maxConnections: 2,
      // Fail within a minute rather than nodemailer's default of minutes: a failed digest is retried next run.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    },
    { from: config.from },
  );
  return {
    async send(message) {
      const info = await transport.sendMail(message);
      return { messageId: info.messageId };
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}
