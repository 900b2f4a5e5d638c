const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 Mar 2025" from an ISO date or timestamp; empty for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  // A bare date (2025-03-12) is a calendar day, not an instant: don't shift it by the time zone.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/** Server words with ISO days in them ("next step was due 2026-11-25"), each day written like `formatDate`. */
export function readableDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso));
}

const dayMonthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', day: 'numeric', timeZone: 'UTC' });

/** "12 Mar 2025", or "12 March" for a date without a year (`--03-12`, as vCard and Google write birthdays). */
export function formatPartialDate(value: string | null | undefined): string {
  if (!value) return '';
  const noYear = /^--(\d{2})-(\d{2})$/.exec(value);
  if (noYear) {
    const d = new Date(Date.UTC(2000, Number(noYear[1]) - 1, Number(noYear[2])));
    return Number.isNaN(d.getTime()) ? value : dayMonthFormat.format(d);
  }
  return formatDate(value);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
}

/** When something happened: "12 Mar 2025" when only its day is known (`dateOnly`), else with the time. */
export function formatWhen(iso: string, dateOnly: boolean): string {
  return dateOnly ? formatDate(iso) : formatDateTime(iso);
}

const SOURCE_LABELS: Record<string, string> = {
  web: 'web app',
  api: 'API',
  cli: 'command line',
  linkedin: 'LinkedIn import',
  vcard: 'vCard import',
  csv: 'CSV import',
  carddav: 'address-book sync',
  backup: 'backup restore',
  introduction: 'introduction',
  rapport: 'Rapport connection',
  merge: 'a merge',
  import: 'an import',
};

/** Human words for where a fact came from. */
export function formatSource(source: string): string {
  return SOURCE_LABELS[source] ?? source;
}

const countFormat = new Intl.NumberFormat();

/** "120,000" (in the reader's locale). */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** "512 bytes", "40 KB", "2.5 MB": a file's size. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
