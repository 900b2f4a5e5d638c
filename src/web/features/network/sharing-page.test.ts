import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SharingOverview } from '../../../contracts/network';
import { ToastContext } from '../../ui/toast-context';
import { networkKeys } from './network-keys';
import { SharingPage } from './sharing-page';

const overview: SharingOverview = {
  settings: { shareTier: false, shareLinkedin: false },
  tags: [
    { id: '01900000-0000-7000-8000-000000000001', name: 'LinkedIn', findable: true, contactCount: 29_940 },
  ],
  contacts: { findable: { total: 0, items: [] }, private: { total: 0, items: [] } },
  findableCount: 29_940,
};

function html(): string {
  const client = new QueryClient();
  client.setQueryData(networkKeys.sharing, overview);
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client },
      createElement(
        ToastContext.Provider,
        { value: { show: () => undefined } },
        createElement(MemoryRouter, { initialEntries: ['/network/sharing'] }, createElement(SharingPage)),
      ),
    ),
  );
}

describe('SharingPage', () => {
  it("writes a tag's contact count as the heading writes the findable count: 29,940", () => {
    const page = html();
    expect(page).toContain('29,940 of your contacts');
    expect(page).toMatch(/<td data-label="Contacts">29,940<\/td>/);
  });
});
