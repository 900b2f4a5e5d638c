import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { relationshipKeys } from '../relationships/relationship-keys';
import { EmailVerification } from './email-verification';
import { withoutOperatorWords } from './mail-words';
import { networkKeys } from './network-keys';

function render(mailConfigured: boolean): string {
  const qc = new QueryClient();
  qc.setQueryData(networkKeys.me, { email: 'fay@example.org', emailVerified: false });
  qc.setQueryData(relationshipKeys.settings, { mailConfigured });
  return renderToStaticMarkup(
    createElement(QueryClientProvider, { client: qc }, createElement(EmailVerification)),
  );
}

describe('EmailVerification', () => {
  it('without a mail server: no button that can only fail, and plain words instead of settings and commands', () => {
    const html = render(false);
    expect(html).not.toContain('Send verification email');
    expect(html).toContain('This server can’t send email, so it can’t send you a link.');
    expect(html).not.toMatch(/SMTP_URL|rapport account/);
  });

  it('with a mail server, the button', () => {
    expect(render(true)).toContain('Send verification email');
  });

  it('replaces a refusal that names the operator’s setting or command, and keeps any other', () => {
    const server =
      'this server cannot send e-mail (SMTP_URL is not set); the operator can verify your address with `rapport account verify-email <email>`';
    expect(withoutOperatorWords(server, 'plain')).toBe('plain');
    expect(withoutOperatorWords('fay@example.org is already verified', 'plain')).toBe(
      'fay@example.org is already verified',
    );
  });
});
