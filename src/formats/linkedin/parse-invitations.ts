import type { ParseResult, SourceRef } from '../model';
import { normaliseLinkedinProfileUrl } from './normalise-linkedin-profile-url';
import { parseUsDateTime } from './parse-linkedin-dates';
import { readLinkedinTable } from './read-linkedin-table';
import { repairMojibake } from './repair-mojibake';

/** One row of Invitations.csv. */
export interface LinkedinInvitation {
  ref: SourceRef;
  fromName: string;
  toName: string;
  /** `YYYY-MM-DD`: the file has a time but no zone, so only the date is kept. */
  sentOn: string;
  message?: string;
  direction: 'incoming' | 'outgoing';
  /** Normalised profile URLs; only in files from late 2023 on. */
  inviterUrl?: string;
  inviteeUrl?: string;
}

export interface ParseInvitationsOptions {
  /** Name used in issues and refs (default `Invitations.csv`). */
  file?: string;
}

/**
 * Invitations.csv, with or without the `inviterProfileUrl,inviteeProfileUrl` columns → invitations. Never throws:
 * a row without a readable date or direction becomes an error issue, the others are kept.
 */
export function parseInvitations(
  input: Uint8Array | string,
  options: ParseInvitationsOptions = {},
): ParseResult<LinkedinInvitation> {
  const file = options.file ?? 'Invitations.csv';
  const { table, issues } = readLinkedinTable(
    input,
    file,
    (names) => names.has('from') && names.has('to') && names.has('sent at') && names.has('direction'),
    '"From", "To", "Sent At" and "Direction"',
  );
  const records: LinkedinInvitation[] = [];
  if (!table) return { records, issues };
  const col = (name: string) => table.columns.get(name) ?? -1;
  const cFrom = col('from');
  const cTo = col('to');
  const cSent = col('sent at');
  const cMessage = col('message');
  const cDirection = col('direction');
  const cInviter = col('inviterprofileurl');
  const cInvitee = col('inviteeprofileurl');

  for (const row of table.rows) {
    const get = (c: number) => (c === -1 ? '' : (row.cells[c] ?? '').trim());
    const ref: SourceRef = { file, line: row.line };
    if (row.cells.every((c) => !c.trim())) continue;
    const rawSent = get(cSent);
    const sentOn = parseUsDateTime(rawSent);
    if (!sentOn) {
      issues.push({
        ref,
        field: 'Sent At',
        message: rawSent
          ? `"${rawSent}" is not a date (expected e.g. 9/27/25, 8:41 AM); invitation not imported`
          : 'no Sent At; invitation not imported',
        severity: 'error',
      });
      continue;
    }
    const rawDirection = get(cDirection).toUpperCase();
    if (rawDirection !== 'INCOMING' && rawDirection !== 'OUTGOING') {
      issues.push({
        ref,
        field: 'Direction',
        message: `"${get(cDirection)}" is neither INCOMING nor OUTGOING; invitation not imported`,
        severity: 'error',
      });
      continue;
    }
    const invitation: LinkedinInvitation = {
      ref,
      fromName: repairMojibake(get(cFrom)),
      toName: repairMojibake(get(cTo)),
      sentOn,
      direction: rawDirection === 'INCOMING' ? 'incoming' : 'outgoing',
    };
    const message = repairMojibake(get(cMessage));
    if (message) invitation.message = message;
    for (const [c, key, field] of [
      [cInviter, 'inviterUrl', 'inviterProfileUrl'],
      [cInvitee, 'inviteeUrl', 'inviteeProfileUrl'],
    ] as const) {
      const raw = get(c);
      if (!raw) continue;
      const url = normaliseLinkedinProfileUrl(raw);
      if (url) invitation[key] = url;
      else {
        issues.push({
          ref,
          field,
          message: `"${raw}" is not a LinkedIn profile URL; ignored`,
          severity: 'warning',
        });
      }
    }
    records.push(invitation);
  }
  return { records, issues };
}
