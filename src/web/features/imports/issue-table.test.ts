import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../api/types';
import { IssueTable } from './issue-table';

const issues: ImportIssue[] = [
  {
    severity: 'warning',
    file: 'Connections.csv',
    line: 2,
    card: null,
    field: null,
    message: 'no name on this row',
  },
];

describe('IssueTable', () => {
  it('does not send a preview to the import history for the problems it leaves out: nothing is stored yet', () => {
    const html = (preview: boolean) =>
      renderToStaticMarkup(createElement(IssueTable, { issues, caption: 'Problems', total: 269, preview }));
    expect(html(true)).toContain('268 more problems not listed here; import the file and its page in the');
    expect(html(true)).not.toContain('the import history has them all');
    expect(html(false)).toContain('the import history has them all');
  });

  it('counts an issue that stands for several rows (60 hidden profiles) as those rows, leaving nothing "not listed"', () => {
    const hidden: ImportIssue = {
      severity: 'skipped',
      file: 'Connections.csv',
      line: 5,
      card: null,
      field: null,
      message: '60 rows with only a date (hidden or closed profiles) skipped',
      rows: 60,
    };
    const html = (total: number) =>
      renderToStaticMarkup(
        createElement(IssueTable, { issues: [hidden, ...issues], caption: 'Problems', total }),
      );
    expect(html(61)).not.toContain('not listed here');
    expect(html(63)).toContain('2 more problems not listed here');
  });
});
