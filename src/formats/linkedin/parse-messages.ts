import type { ParseIssue, ParseResult, SourceRef } from '../model';
import { normaliseLinkedinProfileUrl } from './normalise-linkedin-profile-url';
import { parseMessageDate } from './parse-linkedin-dates';
import { readLinkedinTable } from './read-linkedin-table';
import { repairMojibake } from './repair-mojibake';

/** One row of messages.csv. Profile URLs are normalised (`normaliseLinkedinProfileUrl`); names as written. */
export interface LinkedinMessage {
  ref: SourceRef;
  conversationId: string;
  conversationTitle?: string;
  fromName: string;
  senderUrl?: string;
  /** Recipient names; split to match the URL list when there is one (names may hold commas). */
  toNames: string[];
  recipientUrls: string[];
  /** ISO-8601 UTC, e.g. `2025-10-06T23:49:02.000Z`. */
  sentAt: string;
  subject?: string;
  /** As exported: may hold HTML and newlines. */
  content: string;
  /** `INBOX`, `ARCHIVE`, `SPAM`, `SENT`… */
  folder?: string;
  draft: boolean;
}

export interface ParseMessagesOptions {
  /** Name used in issues and refs (default `messages.csv`). */
  file?: string;
  /** Keep drafts as records (default false: each is reported as skipped). */
  includeDrafts?: boolean;
}

const YES = new Set(['yes', 'true', '1', 'y']);

/**
 * messages.csv of every era (9 columns before mid-2023, 11 with `RECIPIENT PROFILE URLS` and `ATTACHMENTS`,
 * `IS MESSAGE DRAFT` / `IS CONVERSATION DRAFT` variants, all cells quoted or not) → messages. Columns are mapped
 * by name; doubly-encoded UTF-8 is repaired. Never throws.
 */
export function parseMessages(
  input: Uint8Array | string,
  options: ParseMessagesOptions = {},
): ParseResult<LinkedinMessage> {
  const file = options.file ?? 'messages.csv';
  const { table, issues } = readLinkedinTable(
    input,
    file,
    (names) => names.has('conversation id') && names.has('date') && names.has('from'),
    '"CONVERSATION ID", "FROM" and "DATE"',
  );
  const records: LinkedinMessage[] = [];
  if (!table) return { records, issues };
  const col = (name: string) => table.columns.get(name) ?? -1;
  const cId = col('conversation id');
  const cTitle = col('conversation title');
  const cFrom = col('from');
  const cSender = col('sender profile url');
  const cTo = col('to');
  const cRecipients = col('recipient profile urls');
  const cDate = col('date');
  const cSubject = col('subject');
  const cContent = col('content');
  const cFolder = col('folder');
  const cDrafts = [col('is message draft'), col('is conversation draft')].filter((c) => c !== -1);

  for (const row of table.rows) {
    const cells = row.cells;
    const get = (c: number) => (c === -1 ? '' : (cells[c] ?? ''));
    const ref: SourceRef = { file, line: row.line };
    if (cells.every((c) => !c.trim())) continue;
    const rawDate = get(cDate).trim();
    const sentAt = parseMessageDate(rawDate);
    if (!sentAt) {
      issues.push({
        ref,
        field: 'DATE',
        message: rawDate
          ? `"${rawDate}" is not a date (expected e.g. 2025-10-06 23:49:02 UTC); message not imported`
          : 'no DATE; message not imported',
        severity: 'error',
      });
      continue;
    }
    const draft = cDrafts.some((c) => YES.has(get(c).trim().toLowerCase()));
    if (draft && !options.includeDrafts) {
      issues.push({ ref, message: 'draft message skipped', severity: 'skipped' });
      continue;
    }
    const conversationId = get(cId).trim();
    if (!conversationId) {
      issues.push({
        ref,
        field: 'CONVERSATION ID',
        message: 'no CONVERSATION ID; the message is kept outside any conversation',
        severity: 'warning',
      });
    }
    const senderRaw = get(cSender).trim();
    const senderUrl = senderRaw ? normaliseLinkedinProfileUrl(senderRaw) : undefined;
    if (senderRaw && !senderUrl) warnUrl(issues, ref, 'SENDER PROFILE URL', senderRaw);
    const recipientUrls: string[] = [];
    for (const part of get(cRecipients).split(/[\s,;]+/)) {
      if (!part) continue;
      const url = normaliseLinkedinProfileUrl(part);
      if (url) {
        if (!recipientUrls.includes(url)) recipientUrls.push(url);
      } else warnUrl(issues, ref, 'RECIPIENT PROFILE URLS', part);
    }
    const title = repairMojibake(get(cTitle).trim());
    const subject = repairMojibake(get(cSubject).trim());
    const folder = get(cFolder).trim();
    records.push({
      ref,
      conversationId,
      ...(title ? { conversationTitle: title } : {}),
      fromName: repairMojibake(get(cFrom).trim()),
      ...(senderUrl ? { senderUrl } : {}),
      toNames: splitRecipientNames(
        repairMojibake(get(cTo).trim()),
        cRecipients === -1 ? -1 : recipientUrls.length,
      ),
      recipientUrls,
      sentAt,
      ...(subject ? { subject } : {}),
      content: repairMojibake(get(cContent)),
      ...(folder ? { folder } : {}),
      draft,
    });
  }
  return { records, issues };
}

function warnUrl(issues: ParseIssue[], ref: SourceRef, field: string, value: string): void {
  issues.push({
    ref,
    field,
    message: `"${value}" is not a LinkedIn profile URL; ignored`,
    severity: 'warning',
  });
}

// Parts of a name that a comma sets apart but that are not a person: credentials and generational suffixes.
const CREDENTIAL =
  /^(?:[A-Z][A-Z.]{1,7}|Ph\.?\s?D\.?|Jr\.?|Sr\.?|I{2,3}|IV|Esq\.?|M\.?Sc\.?|B\.?Sc\.?|Dipl\.?-?\w*)$/;

/**
 * `TO` joins names with ", " but a name may hold a comma (`Ada Lovelace, MBA`). With the URL list the number of
 * recipients is known (`expected`; -1 when the file has no URL column): credential-like parts are folded back
 * into the name before them until the counts agree; when they cannot agree the names stay in one piece.
 */
export function splitRecipientNames(to: string, expected: number): string[] {
  if (!to) return [];
  if (expected === 1) return [to];
  const parts = to
    .split(/,\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const merged: string[] = [];
  for (const part of parts) {
    if (merged.length > 0 && CREDENTIAL.test(part) && (expected === -1 || parts.length > expected)) {
      merged[merged.length - 1] += `, ${part}`;
    } else merged.push(part);
  }
  if (expected === -1 || expected === 0 || merged.length === expected) return merged;
  return merged.length > expected ? [to] : merged;
}
