import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ToastContext } from '../../ui/toast-context';
import { AddPeopleForm } from './add-people-form';

describe('AddPeopleForm', () => {
  it('shows one label above the search (the card is headed "Add people"): the legend is for screen readers', () => {
    const html = renderToStaticMarkup(
      createElement(
        QueryClientProvider,
        { client: new QueryClient() },
        createElement(
          ToastContext.Provider,
          { value: { show: () => undefined } },
          createElement(AddPeopleForm, {
            purposeId: 'p1',
            stages: [{ id: 's1', name: 'identified', role: null }],
          }),
        ),
      ),
    );
    expect(html).toContain('<legend class="visually-hidden">People to add</legend>');
    expect(html).toMatch(/<label for="[^"]+">Find a person<\/label>/);
  });
});
