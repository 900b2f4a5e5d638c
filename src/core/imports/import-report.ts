import type { ParseIssue } from '../../formats/model';
import type { ImportKind } from '../db/schema';
import type { FieldChange, PlannedItem } from './plan-people';

export interface ImportStats {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
  warnings: number;
  /** Kind-specific counts (LinkedIn: messages, invitations…). */
  [extra: string]: number;
}

export interface ImportSample {
  name: string;
  ref: string;
  changes?: FieldChange[];
}

export interface ImportIssueView {
  severity: ParseIssue['severity'];
  file: string;
  line: number | null;
  card: number | null;
  field: string | null;
  message: string;
  /**
   * How many rows this one issue stands for, when more than one (60 hidden profiles are one issue); stored with
   * the issue (migration 0033), so a past import's report counts as the one made right after it did.
   */
  rows?: number;
}

/** What an import did (or, for a preview, would do). */
export interface ImportReport {
  id: string | null;
  kind: ImportKind;
  fileName: string;
  status: 'preview' | 'committed' | 'undone';
  createdAt: string | null;
  stats: ImportStats;
  samples: { created: ImportSample[]; updated: ImportSample[]; unchanged: ImportSample[] };
  /** The first issues (all of them are in the downloadable report). */
  issues: ImportIssueView[];
  /** CSV imports: how the file was read, and what a mapping screen needs when it could not be read alone. */
  csv?: CsvImportInfo;
}

export interface CsvImportInfo {
  format: string;
  headers: string[];
  needsMapping: boolean;
  /** The first data rows, for a mapping screen. */
  sampleRows: string[][];
  /** A guess from the header names (column → field), for the user to correct. */
  suggestedMapping: Record<string, unknown>;
}

const SAMPLE = 5;

function refText(ref: ParseIssue['ref']): string {
  return ref.card !== undefined
    ? `${ref.file} card ${ref.card}`
    : ref.line !== undefined
      ? `${ref.file} line ${ref.line}`
      : ref.file;
}

export function issueView(i: ParseIssue): ImportIssueView {
  return {
    severity: i.severity,
    file: i.ref.file,
    line: i.ref.line ?? null,
    card: i.ref.card ?? null,
    field: i.field ?? null,
    message: i.message,
    ...(i.rows !== undefined && i.rows > 1 ? { rows: i.rows } : {}),
  };
}

/** How many rows an issue stands for: the unit `stats.errors + stats.skipped + stats.warnings` counts in. */
export const issueRows = (i: { rows?: number }): number => i.rows ?? 1;

function rowsOf(issues: ParseIssue[], severity: ParseIssue['severity']): number {
  return issues.reduce((n, i) => (i.severity === severity ? n + issueRows(i) : n), 0);
}

export function statsOf(
  items: PlannedItem[],
  issues: ParseIssue[],
  extra: Record<string, number> = {},
): ImportStats {
  return {
    created: items.filter((i) => i.action === 'create').length,
    updated: items.filter((i) => i.action === 'update').length,
    unchanged: items.filter((i) => i.action === 'unchanged').length,
    skipped: rowsOf(issues, 'skipped'),
    errors: rowsOf(issues, 'error'),
    warnings: rowsOf(issues, 'warning'),
    ...extra,
  };
}

export function samplesOf(items: PlannedItem[]): ImportReport['samples'] {
  const pick = (action: PlannedItem['action']) =>
    items
      .filter((i) => i.action === action)
      .slice(0, SAMPLE)
      .map((i) => ({
        // An update names the contact it changes, which may be called otherwise than in the file.
        name: i.action === 'update' ? i.current.row.display_name : i.person.displayName,
        ref: refText(i.person.ref),
        ...(i.action === 'update' ? { changes: i.changes } : {}),
      }));
  return { created: pick('create'), updated: pick('update'), unchanged: pick('unchanged') };
}

/** Errors first, then what was skipped, then warnings; each in file order. */
export function sortIssues(issues: ParseIssue[]): ParseIssue[] {
  const rank = { error: 0, skipped: 1, warning: 2 } as const;
  return [...issues].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
