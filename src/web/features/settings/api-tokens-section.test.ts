import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiTokensSection } from './api-tokens-section';

describe('ApiTokensSection', () => {
  it('says what tokens are for (the API and CardDAV, not the command line) and that a password change keeps them', () => {
    const html = renderToStaticMarkup(
      createElement(QueryClientProvider, { client: new QueryClient() }, createElement(ApiTokensSection)),
    );
    expect(html).not.toMatch(/command line|CLI/);
    expect(html).toContain('CardDAV');
    expect(html).toContain('changing your password does not stop it');
  });

  it('offers a Read-only box on the form, unticked', () => {
    const html = renderToStaticMarkup(
      createElement(QueryClientProvider, { client: new QueryClient() }, createElement(ApiTokensSection)),
    );
    expect(html).toMatch(/<input id="token-read-only" type="checkbox"(?![^>]*checked)[^>]*\/>/);
    expect(html).toContain('<label for="token-read-only">Read-only</label>');
  });
});
