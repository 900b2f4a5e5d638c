import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Introduction, IntroViewState } from '../../../contracts/introductions';
import { ToastContext } from '../../ui/toast-context';
import { IntroductionView } from './introduction-page';

const intro = (state: IntroViewState): Introduction => ({
  id: '01900000-0000-7000-8000-000000000001',
  role: 'requester',
  state,
  why: 'A guest speaker on supply chain for March',
  requester: { accountId: '01900000-0000-7000-8000-000000000002', name: 'Alex Asker' },
  broker: { accountId: '01900000-0000-7000-8000-000000000003', name: 'Bea Novak' },
  target: { name: 'Cole Tran', contactId: null },
  purpose: null,
  message: null,
  privateReason: null,
  reach: null,
  shareOptions: null,
  shared: null,
  outcome: null,
  fromAsk: false,
  createdAt: '2026-11-25T09:00:00.000Z',
  expiresAt: '2026-12-09T09:00:00.000Z',
  closedAt: state === 'requested' ? null : '2026-11-26T09:00:00.000Z',
});

function render(i: Introduction): string {
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        ToastContext.Provider,
        { value: { show: () => undefined } },
        createElement(MemoryRouter, null, createElement(IntroductionView, { intro: i })),
      ),
    ),
  );
}

describe('IntroductionView', () => {
  it('keeps the state badge out of the heading: screen readers read "The request", then the state', () => {
    for (const [state, badge] of [
      ['requested', 'requested'],
      ['declined', 'declined'],
      ['expired', 'expired'],
    ] as const) {
      const html = render(intro(state));
      const heading = /<h2 id="intro-about">(.*?)<\/h2>/.exec(html)?.[1];
      expect(heading, state).toBe('The request');
      // The badge still follows the heading, announced as the state.
      expect(html).toContain(
        `<h2 id="intro-about">The request</h2><span class="intro-state intro-state--${state}"><span class="visually-hidden">State: </span>${badge}</span>`,
      );
    }
  });
});
