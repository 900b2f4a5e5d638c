import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';
import type { Mailer } from './mailer';

export interface ReceivedMail {
  envelope: SMTPServerEnvelope;
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** Answer the next messages with this SMTP error (e.g. a 451), or accept again with null. */
  refuse(reply: { code: number; message: string } | null): void;
  /** The messages to `address` (any case), from the `since`-th received on. */
  to(address: string, since?: number): ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on a random local port that keeps (and parses) every message it accepts. */
export async function startSmtpSink(opts: { user?: string; pass?: string } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusal: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    authOptional: opts.user === undefined,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === opts.user && auth.password === opts.pass) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusal) {
          const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
          cb(err);
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            received.push({ envelope: session.envelope, raw: raw.toString('utf8'), parsed });
            cb();
          })
          .catch((err: Error) => cb(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuse: (reply) => {
      refusal = reply;
    },
    to: (address, since = 0) =>
      received
        .slice(since)
        .filter((m) => m.envelope.rcptTo.some((r) => r.address.toLowerCase() === address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A Mailer over a nodemailer SMTP transport to `port` on this machine (what the server builds from SMTP_URL). */
export function smtpTestMailer(port: number, from = 'Rapport <rapport@rapport.example.test>'): Mailer {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 5_000,
  });
  return {
    async send(m) {
      const info = await transport.sendMail({ from, ...m });
      return { messageId: info.messageId };
    },
  };
}
