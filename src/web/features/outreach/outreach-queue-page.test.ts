import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ToastContext } from '../../ui/toast-context';
import { OutreachQueuePage } from './outreach-queue-page';

const html = () =>
  renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        ToastContext.Provider,
        { value: { show: () => undefined } },
        createElement(MemoryRouter, { initialEntries: ['/outreach'] }, createElement(OutreachQueuePage)),
      ),
    ),
  );

describe('OutreachQueuePage', () => {
  it('labels the search by what it finds: names and phone numbers', () => {
    expect(html()).toMatch(/<label for="[^"]+">Name or phone<\/label>/);
  });

  it('shows one label above the search in "Add older connections": the legend is for screen readers', () => {
    expect(html()).toContain('<legend class="visually-hidden">People</legend>');
  });
});
