import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ContactSummary } from '../../api/types';
import { DuplicatePairCard } from '../duplicates/duplicate-pair-card';
import { ContactResult } from './contact-result';

const row = (more: Partial<ContactSummary>) =>
  renderToStaticMarkup(
    createElement(ContactResult, {
      contact: {
        id: 'c1',
        displayName: 'x',
        title: null,
        organisation: null,
        primaryEmail: null,
        tags: [],
        ...more,
      } as ContactSummary,
    }),
  );

describe('contact list row: right-to-left names', () => {
  it('isolates the name, each part of the position and each tag in its own direction', () => {
    const html = row({
      displayName: 'יעל כהן',
      title: 'CEO',
      organisation: { id: 'o1', name: 'חברה (2024) בע"מ' } as ContactSummary['organisation'],
      tags: ['לקוחות', 'VIP'],
    });
    expect(html).toContain('<bdi class="result__name">יעל כהן</bdi>');
    // The separator stays outside both: "CEO · " does not join the Hebrew run and its digits.
    expect(html).toContain('<bdi>CEO</bdi> · <bdi>חברה (2024) בע&quot;מ</bdi>');
    expect(html).toContain('<bdi class="chip">לקוחות</bdi>');
  });
});

describe('duplicate pair card: right-to-left names', () => {
  it('isolates both names and organisations, in the choice, the link and the merge hint', () => {
    const side = (id: string, displayName: string, org: string | null): ContactSummary =>
      ({
        id,
        displayName,
        organisation: org ? { id: `o${id}`, name: org } : null,
        title: null,
        location: null,
        tags: [],
        connectedOn: null,
        updatedAt: '2026-11-28T00:00:00.000Z',
        deletedAt: null,
        primaryEmail: null,
      }) as ContactSummary;
    const html = renderToStaticMarkup(
      createElement(
        MemoryRouter,
        null,
        createElement(DuplicatePairCard, {
          pair: {
            a: side('a1', 'יעל כהן', 'חברה (2024) בע"מ'),
            b: side('b2', 'محمد عبد الله', null),
            strength: 'possible',
            reasons: ['similar name'],
          },
          busy: false,
          onMerge: () => {},
          onDismiss: () => {},
        }),
      ),
    );
    expect(html).toContain('Keep <bdi>יעל כהן</bdi>');
    expect(html).toContain('Keep <bdi>محمد عبد الله</bdi>');
    expect(html).toContain('<bdi>חברה (2024) בע&quot;מ</bdi>');
    // "Keeps X; every email…": the semicolon stays with the English sentence.
    expect(html).toContain('Keeps <bdi>יעל כהן</bdi>; every email');
  });
});
