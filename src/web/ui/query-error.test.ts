import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { QueryError } from './query-error';

const render = (error: unknown) =>
  renderToStaticMarkup(
    createElement(MemoryRouter, null, createElement(QueryError, { error, onRetry: () => undefined })),
  );

describe('QueryError', () => {
  it('offers the contacts and the trash for something that does not exist, not a retry that cannot help', () => {
    const html = render(new ApiError(404, 'not_found', 'Contact not found'));
    expect(html).toContain('This item does not exist, or it was deleted.');
    expect(html).toContain('href="/contacts"');
    expect(html).toContain('href="/trash"');
    expect(html).not.toContain('Try again');
  });

  it('keeps the retry for other failures', () => {
    const html = render(new ApiError(503, 'unavailable', 'The server is busy.'));
    expect(html).toContain('The server is busy.');
    expect(html).toContain('Try again');
    expect(html).not.toContain('href="/trash"');
  });
});
