import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { EmptyRolodex } from '../contacts/empty-rolodex';
import { TodayEmpty } from './today-empty';

const render = (node: ReactElement) => renderToStaticMarkup(createElement(MemoryRouter, null, node));

describe('empty Today and empty Contacts', () => {
  it('point a new account at the import beside adding a contact', () => {
    for (const html of [
      render(createElement(TodayEmpty, { contactCount: 0 })),
      render(createElement(EmptyRolodex)),
    ]) {
      expect(html).toContain('Your rolodex is empty.');
      expect(html).toMatch(/<a [^>]*href="\/contacts\/new"[^>]*>Add your first contact<\/a>/);
      expect(html).toMatch(
        /<a [^>]*href="\/import"[^>]*>Import from LinkedIn, a phone or a spreadsheet<\/a>/,
      );
    }
  });

  it('suggests someone from the contacts when there are some, and while their count loads', () => {
    for (const contactCount of [3, undefined]) {
      const html = render(createElement(TodayEmpty, { contactCount }));
      expect(html).toContain('Nothing due — a good day to reach out to someone.');
      expect(html).not.toContain('href="/import"');
    }
  });
});
