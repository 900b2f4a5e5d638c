import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SignupForm } from './signup-form';

const render = (props: Parameters<typeof SignupForm>[0]) =>
  renderToStaticMarkup(
    // Under a router, as in the app: signing up reads where the visitor came from.
    createElement(
      MemoryRouter,
      null,
      createElement(QueryClientProvider, { client: new QueryClient() }, createElement(SignupForm, props)),
    ),
  );

describe('SignupForm', () => {
  it('fills in the address an invite is bound to, with the code', () => {
    const html = render({
      withInvite: true,
      submitLabel: 'Create account',
      initialInviteCode: 'the-code',
      initialEmail: 'zoe@example.org',
    });
    expect(html).toMatch(/name="email"[^>]*value="zoe@example.org"/);
    expect(html).toMatch(/name="inviteCode"[^>]*value="the-code"/);
  });
});
