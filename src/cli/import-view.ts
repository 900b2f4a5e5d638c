import type {
  CsvImportInfo,
  ImportIssueView,
  ImportReport,
  ImportStats,
} from '../core/imports/import-report';
import { issueRows } from '../core/imports/import-report';
import { COLUMN_TARGETS } from '../formats/csv';
import { storedValueText } from './contact-view';

const BASIC = ['created', 'updated', 'unchanged', 'skipped', 'errors', 'warnings'] as const;
const RANK: Record<ImportIssueView['severity'], number> = { error: 0, skipped: 1, warning: 2 };
const SAMPLE_VALUES = 3;
const VALUE_WIDTH = 30;

/** `messagesWithoutContact` → `messages without contact`. */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The counts as two lines: what happened to people, then what this kind of import adds (messages, invitations…). */
export function statsText(stats: ImportStats): string {
  const line = (keys: string[]) => keys.map((k) => `${words(k)} ${stats[k] ?? 0}`).join(' · ');
  const extra = Object.keys(stats).filter((k) => !(BASIC as readonly string[]).includes(k));
  return [line([...BASIC]), ...(extra.length > 0 ? [line(extra)] : [])].join('\n');
}

/** Where an issue is: `file:line`, `file:line (card N)`, `file card N`, or just the file. */
export function issueRef(i: ImportIssueView): string {
  const at = i.line !== null ? `${i.file}:${i.line}` : i.file;
  if (i.card === null) return at;
  return i.line !== null ? `${at} (card ${i.card})` : `${i.file} card ${i.card}`;
}

/** Every issue on its own line, errors first, then skipped records, then warnings (file order within each). */
export function issuesText(issues: ImportIssueView[]): string {
  return [...issues]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    .map((i) => `  ${issueRef(i)} [${i.severity}] ${i.field ? `${i.field}: ` : ''}${i.message}`)
    .join('\n');
}

/**
 * Problems counted in rows, as the stats count them (60 hidden profiles are one issue, 60 skipped rows): how many
 * `issues` stand for, and how many the import has.
 */
export function problemRows(
  report: ImportReport,
  issues: ImportIssueView[],
): { listed: number; total: number } {
  return {
    listed: issues.reduce((n, i) => n + issueRows(i), 0),
    total: report.stats.errors + report.stats.skipped + report.stats.warnings,
  };
}

/** Text quoted, so its edges show; an address or a date as `show` prints it. */
function shown(field: string, v: string | null): string {
  if (v === null || v === '') return '—';
  const text = storedValueText(field, v);
  return text === v ? JSON.stringify(v) : text;
}

/** One change to a field; a photo is stored by its SHA-256, which says nothing to a reader (as on the web). */
function changeText(c: { field: string; from: string | null; to: string | null }): string {
  if (c.field === 'photo') return c.from ? 'a new photo' : 'a photo is added';
  return `${shown(c.field, c.from)} → ${shown(c.field, c.to)}`;
}

/**
 * What an import did (or would do): counts, the first changes to people it updated and its issues: the report's
 * own list, which stops at the first hundred, or `stored`, every issue of a stored import.
 */
export function importReportText(report: ImportReport, stored?: ImportIssueView[]): string {
  const issues = stored ?? report.issues;
  const head =
    report.status === 'preview'
      ? `dry run of ${report.fileName} (${report.kind}): nothing was stored`
      : `imported ${report.fileName} (${report.kind}) as import ${report.id}`;
  const parts = [`${head}\n${statsText(report.stats)}`];
  const updated = report.samples.updated;
  if (updated.length > 0) {
    const more =
      report.stats.updated > updated.length ? ` (first ${updated.length} of ${report.stats.updated})` : '';
    parts.push(
      `changes to people already in your rolodex${more}:\n${updated
        .map(
          (s) =>
            `  ${s.name}  (${s.ref})\n${(s.changes ?? [])
              .map((c) => `    ${c.field}: ${changeText(c)}`)
              .join('\n')}`,
        )
        .join('\n')}`,
    );
  }
  if (issues.length > 0) {
    // A stored import's list is whole: nothing is left out of it, whatever it counts.
    const { listed, total } = problemRows(report, issues);
    const note =
      !stored && total > listed
        ? ` (${total - listed} more not listed here: a dry run shows no more, the import lists all)`
        : '';
    parts.push(`issues${note}:\n${issuesText(issues)}`);
  }
  const book = report.stats.addressBookPeople ?? 0;
  if (book > 0 && report.stats.addressBookCreated === undefined) {
    parts.push(
      `the export also holds the address books you uploaded to LinkedIn (${book} ${book === 1 ? 'person' : 'people'}), ` +
        'not imported: add --address-book to import them too',
    );
  }
  parts.push(
    report.status === 'preview'
      ? 'run again without --dry-run to import'
      : `undo with: rapport import undo ${report.id}`,
  );
  return parts.join('\n\n');
}

/** `s` as one POSIX shell word: as is when plain, else in single quotes (always, with `force`). */
function shellQuote(s: string, force = false): string {
  return !force && /^[\w./:@%+=,-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

/** One `--map` entry; a column name with a comma, `=` or leading quote goes in double quotes. */
function mapEntry(column: string, destination: unknown): string {
  const col = /[,="]/.test(column) ? `"${column}"` : column;
  if (typeof destination === 'string') return `${col}=${destination}`;
  const d = destination as { target?: string; label?: string };
  return `${col}=${d.target ?? 'extra'}${d.label ? `:${d.label}` : ''}`;
}

/** The `--map` value from the suggestion, with every column the suggestion leaves out kept as `extra`. */
export function suggestedMap(csv: CsvImportInfo): string {
  const suggested = new Map(
    Object.entries(csv.suggestedMapping).map(([k, v]) => [k.trim().toLowerCase(), v]),
  );
  return csv.headers
    .filter((h) => h.trim() !== '')
    .map((h) => mapEntry(h.trim(), suggested.get(h.trim().toLowerCase()) ?? 'extra'))
    .join(',');
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > VALUE_WIDTH ? `${one.slice(0, VALUE_WIDTH - 1)}…` : one;
}

/**
 * For a CSV Rapport cannot read alone: each column with its first values, and a ready-to-run command with a
 * `--map` built from the suggested mapping, to edit before running.
 */
export function csvMappingHelp(file: string, csv: CsvImportInfo): string {
  const width = Math.max(...csv.headers.map((h) => h.length), 6);
  const columns = csv.headers.map((h, i) => {
    const values = csv.sampleRows
      .map((r) => r[i] ?? '')
      .filter((v) => v.trim() !== '')
      .slice(0, SAMPLE_VALUES)
      .map(clip);
    return `  ${h.padEnd(width)}  ${values.length > 0 ? values.join(' | ') : '—'}`;
  });
  return [
    `columns of ${file}, with values from the first rows:`,
    ...columns,
    '',
    'suggested mapping (check each column’s target, then run):',
    `  rapport import csv ${shellQuote(file)} --map ${shellQuote(suggestedMap(csv), true)}`,
    '',
    `targets: ${COLUMN_TARGETS.join(', ')}`,
    '(a target may carry a label, e.g. Mobile=phone:Mobile; extra keeps a column as a custom field, ignore drops it)',
  ].join('\n');
}
