/**
 * Some refusals name the server's mail setting (SMTP_URL) or a CLI command: words for whoever runs the server, which
 * API users may read but people in the web app should not have to. `plain` replaces such a message.
 */
export function withoutOperatorWords(message: string, plain: string): string {
  return /SMTP_URL|`rapport /.test(message) ? plain : message;
}

/** Said wherever a mail would be the way forward on a server that has none. */
export const NO_MAIL = 'This server can’t send email';
