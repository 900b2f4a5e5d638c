/** A recipient: display name and address (the transport quotes the name as needed). */
export interface MailAddress {
  name: string;
  address: string;
}

export interface MailMessage {
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** The Date header; the transport's clock when absent. */
  date?: Date;
}

/**
 * What core needs to send mail: the server builds one from SMTP_URL and MAIL_FROM (server/mailer.ts), tests wrap a
 * transport pointed at an in-process SMTP sink. `send` resolves once the server accepted the message and rejects
 * when it did not.
 */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}
