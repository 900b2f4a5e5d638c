import { describe, expect, it } from 'vitest';
import type { ParseIssue } from '../model';
import type { ColumnAction } from './column-plan';
import { planMappedColumns } from './plan-mapped-columns';

const headers = ['Vorname', 'Mail', '', 'Notiz'];
const base: ColumnAction[] = headers.map(() => ({ kind: 'extra' }));

describe('planMappedColumns', () => {
  it('maps the columns it names (trimmed, any case) and leaves the others as they were, without a word', () => {
    const issues: ParseIssue[] = [];
    const actions = planMappedColumns(
      headers,
      base,
      { ' vorname ': 'givenName', MAIL: { target: 'email', label: 'Work' } },
      'auto',
      'people.csv',
      issues,
    );
    expect(actions).toEqual([
      { kind: 'scalar', field: 'givenName' },
      { kind: 'email', split: 'list-comma', label: 'Work' },
      { kind: 'extra' },
      { kind: 'extra' },
    ]);
    expect(issues).toEqual([]);
  });

  it('names the columns the file does not have in one error on line 1, with the columns it does have', () => {
    const one: ParseIssue[] = [];
    planMappedColumns(headers, base, { Vorname: 'givenName', Email: 'email' }, 'auto', 'people.csv', one);
    expect(one).toEqual([
      {
        ref: { file: 'people.csv', line: 1 },
        field: 'Email',
        message:
          'the mapping names column "Email", which is not in the file: its columns are Vorname, Mail, Notiz',
        severity: 'error',
      },
    ]);
    const two: ParseIssue[] = [];
    planMappedColumns(headers, base, { First: 'givenName', Email: 'email' }, 'auto', 'people.csv', two);
    expect(two).toMatchObject([
      {
        field: 'First',
        message:
          'the mapping names columns "First" and "Email", which are not in the file: its columns are Vorname, Mail, Notiz',
        severity: 'error',
      },
    ]);
  });
});
