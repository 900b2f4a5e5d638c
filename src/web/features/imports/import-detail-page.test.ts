import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ImportDetail } from '../../api/types';
import { ToastContext } from '../../ui/toast-context';
import { ImportDetailPage } from './import-detail-page';
import { importKeys } from './import-keys';

const ID = '01900000-0000-7000-8000-000000000042';
// A stored import: its one issue stands for the 60 hidden profiles the stats count.
const detail: ImportDetail = {
  id: ID,
  kind: 'linkedin',
  fileName: 'export.zip',
  status: 'committed',
  createdAt: '2026-11-27T10:00:00.000Z',
  stats: { created: 29_940, updated: 0, unchanged: 0, skipped: 60, errors: 0, warnings: 0 },
  issues: [
    {
      severity: 'skipped',
      file: 'Connections.csv',
      line: 5,
      card: null,
      field: null,
      message: '60 rows with only a date (hidden or closed profiles) skipped',
    },
  ],
};

function html(): string {
  const client = new QueryClient();
  client.setQueryData(importKeys.detail(ID), detail);
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client },
      createElement(
        ToastContext.Provider,
        { value: { show: () => undefined } },
        createElement(
          MemoryRouter,
          { initialEntries: [`/imports/${ID}`] },
          createElement(
            Routes,
            null,
            createElement(Route, { path: '/imports/:id', element: createElement(ImportDetailPage) }),
          ),
        ),
      ),
    ),
  );
}

describe('ImportDetailPage', () => {
  it('counts problems as the preview and the import history do (60 rows), not the one issue that lists them', () => {
    const page = html();
    expect(page).toContain('Problems <span class="count">(60)</span>');
    expect(page).not.toContain('not listed here');
  });
});
