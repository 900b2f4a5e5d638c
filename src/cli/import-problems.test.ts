import { describe, expect, it } from 'vitest';
import type { ImportIssueView, ImportReport } from '../core/imports/import-report';
import { importReportText, problemRows } from './import-view';

const hidden: ImportIssueView = {
  severity: 'skipped',
  file: 'Connections.csv',
  line: 5,
  card: null,
  field: null,
  message: '60 rows with only a date (hidden or closed profiles) skipped',
  rows: 60,
};
const warning: ImportIssueView = {
  severity: 'warning',
  file: 'Connections.csv',
  line: 7,
  card: null,
  field: 'connectedOn',
  message: 'is not a date',
};

function report(issues: ImportIssueView[], warnings: number): ImportReport {
  return {
    id: null,
    kind: 'linkedin',
    fileName: 'Connections.csv',
    status: 'preview',
    createdAt: null,
    stats: { created: 1, updated: 0, unchanged: 0, skipped: 60, errors: 0, warnings },
    samples: { created: [], updated: [], unchanged: [] },
    issues,
  };
}

describe('import problems, counted in rows as the stats count them', () => {
  it('does not say "the first 1 of 60" when one issue stands for the 60 hidden profiles', () => {
    const r = report([hidden, warning], 1);
    expect(problemRows(r, r.issues)).toEqual({ listed: 61, total: 61 });
    const text = importReportText(r);
    expect(text).toContain('\nissues:\n');
    expect(text).not.toMatch(/first|more not listed/);
  });

  it('says how many are left out only when the report really lists fewer', () => {
    const r = report([hidden, warning], 3);
    expect(problemRows(r, r.issues)).toEqual({ listed: 61, total: 63 });
    expect(importReportText(r)).toContain(
      'issues (2 more not listed here: a dry run shows no more, the import lists all):\n',
    );
    // A stored import's whole list (which keeps no `rows`) leaves nothing out.
    expect(importReportText(r, [{ ...hidden, rows: undefined }, warning])).toContain('\nissues:\n');
  });
});
