import { isApiError } from '../../api/client';
import type { ImportIssue, ImportSummary } from '../../api/types';
import { formatCount, formatSize, plural } from '../../ui/format';

/** The counts every import has, in the order they are shown. */
export const MAIN_STATS = [
  ['created', 'New'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['skipped', 'Skipped'],
  ['errors', 'Errors'],
  ['warnings', 'Warnings'],
] as const;

/** Kind-specific counts (LinkedIn exports) with their words; unknown keys are shown with their own name. */
const EXTRA_STATS: Record<string, string> = {
  messages: 'Messages',
  messagesWithoutContact: 'Messages with people not in your contacts',
  outreachReplies: 'Replies to your outreach messages',
  invitations: 'Invitations',
  profile: 'Your own profile',
  hiddenProfiles: 'Connections without a visible profile',
  addressBookPeople: 'People in the address books you uploaded to LinkedIn',
  addressBookCreated: 'New from your address books',
  addressBookUpdated: 'Contacts completed from your address books',
  addressBookUnchanged: 'Address-book people already up to date',
};

export function extraStats(stats: Record<string, number>): [string, string, number][] {
  const main = new Set<string>(MAIN_STATS.map(([k]) => k));
  return Object.entries(stats)
    .filter(([k]) => !main.has(k))
    .map(([k, v]) => [k, EXTRA_STATS[k] ?? k, v]);
}

/** "2 new, 1 updated, 3 unchanged, 1 problem" (zero counts left out). */
export function countsText(stats: Record<string, number>): string {
  const parts = [
    stats.created ? `${formatCount(stats.created)} new` : '',
    stats.updated ? `${formatCount(stats.updated)} updated` : '',
    stats.unchanged ? `${formatCount(stats.unchanged)} unchanged` : '',
    stats.skipped ? `${formatCount(stats.skipped)} skipped` : '',
    stats.errors ? plural(stats.errors, 'error') : '',
    stats.warnings ? plural(stats.warnings, 'warning') : '',
  ].filter(Boolean);
  const also = [
    stats.addressBookCreated ? `${formatCount(stats.addressBookCreated)} new from your address books` : '',
    stats.messages ? plural(stats.messages, 'message') : '',
    stats.invitations ? plural(stats.invitations, 'invitation') : '',
  ].filter(Boolean);
  const main = parts.length > 0 ? parts.join(', ') : 'no contacts';
  return also.length > 0 ? `${main} · ${also.join(', ')}` : main;
}

/** Problems counted in rows, as the server counts them: 60 hidden profiles are 60 problems, listed as one issue. */
export function problemCount(stats: Record<string, number>): number {
  return (stats.errors ?? 0) + (stats.skipped ?? 0) + (stats.warnings ?? 0);
}

/** How many of `total` problems (in rows) `issues` leave out: an issue may stand for several rows (`rows`). */
export function unlistedProblems(issues: ImportIssue[], total: number): number {
  return Math.max(0, total - issues.reduce((n, i) => n + (i.rows ?? 1), 0));
}

export const STATUS_LABELS: Record<ImportSummary['status'], string> = {
  preview: 'Preview',
  committed: 'Imported',
  undone: 'Undone',
};

export const SEVERITY_LABELS: Record<ImportIssue['severity'], string> = {
  error: 'Error',
  skipped: 'Skipped',
  warning: 'Warning',
};

/** "Connections.csv, line 7" / "phone.vcf, card 3 (line 12)". */
export function issuePlace(issue: ImportIssue): string {
  const at =
    issue.card !== null
      ? `card ${issue.card}${issue.line !== null ? ` (line ${issue.line})` : ''}`
      : issue.line !== null
        ? `line ${issue.line}`
        : '';
  return at ? `${issue.file}, ${at}` : issue.file;
}

/** A refused upload, with the server's limit and the file's size when known. */
export function tooLargeText(details: Record<string, unknown> | undefined, fileBytes?: number): string {
  const limit = typeof details?.limitBytes === 'number' ? details.limitBytes : undefined;
  const sizes = [
    fileBytes ? `it is ${formatSize(fileBytes)}` : '',
    limit ? `the limit is ${formatSize(limit)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `This file is larger than the server accepts${sizes ? ` (${sizes})` : ''}. Split it, or ask the administrator to raise RAPPORT_UPLOAD_LIMIT_MB.`;
}

/**
 * The alert of a step after the first, where the file's field is not shown: what the form could not place, and a
 * refusal of the file itself (read with this mapping it names a column the file lacks, or yields nobody), said with
 * the file for subject. Without it that refusal would not be seen at all.
 */
export function laterStepAlert(error: unknown, general: string | null, fileName: string): string | null {
  const refusal = isApiError(error) ? error.issues.find((i) => i.path === 'file')?.message : undefined;
  if (!refusal) return general;
  const said = refusal.startsWith(fileName) ? refusal : `${fileName} ${refusal}`;
  return general ? `${general}. ${said}` : said;
}
