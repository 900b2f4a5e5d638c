import { CSV_FORMATS } from '../../formats/csv';

/**
 * The kind of the source records of a contacts CSV: one per app that wrote it (ADR 7). Google's and Outlook's
 * records of a person differ, and one app's first sight of a contact must not pass for the other's news.
 */
export const csvSourceKind = (format: string) => `csv:${format}`;

/** The kind of every CSV's source records before they were told apart by app. */
const LEGACY_CSV = 'csv';

/**
 * Records of another kind that stand in for a contact's missing record of `kind`: an app's CSV takes those made
 * before CSVs were told apart, unless the contact already has a record of some app's CSV (which then took them).
 */
export function legacySource(kind: string): { kind: string; unless: string[] } | undefined {
  if (!kind.startsWith(`${LEGACY_CSV}:`)) return undefined;
  return { kind: LEGACY_CSV, unless: CSV_FORMATS.map(csvSourceKind) };
}

/**
 * The kind in a source record's matching key (`src:<kind>:<key>`): every app's CSV shares `csv`, so a person known
 * only by name and organisation is one contact whichever app's file (or an import before the split) brought them.
 */
export const matchingKind = (kind: string) => (kind.startsWith(`${LEGACY_CSV}:`) ? LEGACY_CSV : kind);
