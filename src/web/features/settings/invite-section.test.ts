import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SignupInviteSummary } from '../../api/types';
import { setupKey } from '../auth/session-keys';
import { InviteSection } from './invite-section';
import { signupInvitesKey } from './use-signup-invites';

function render(invites: SignupInviteSummary[]) {
  const qc = new QueryClient();
  qc.setQueryData(setupKey, { needsFirstAccount: false, signup: 'invite' });
  qc.setQueryData(signupInvitesKey, { items: invites });
  return renderToStaticMarkup(
    createElement(QueryClientProvider, { client: qc }, createElement(InviteSection)),
  );
}

describe('InviteSection', () => {
  it('lists the invites not used yet, each with a Revoke button that names it', () => {
    const html = render([
      {
        id: 'a',
        email: 'grace@example.test',
        createdAt: '2026-11-20T10:00:00.000Z',
        expiresAt: '2026-12-04T10:00:00.000Z',
      },
      { id: 'b', email: null, createdAt: '2026-11-21T10:00:00.000Z', expiresAt: '2026-12-05T10:00:00.000Z' },
    ]);
    expect(html).toContain('Invites not used yet');
    expect(html).toContain('grace@example.test');
    expect(html).toContain('Anyone with the code');
    expect(html.match(/>Revoke</g)).toHaveLength(2);
    expect(html).toContain('the invite for grace@example.test');
  });

  it('says when none is waiting', () => {
    expect(render([])).toContain('No invites waiting to be used.');
  });
});
