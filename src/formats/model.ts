/**
 * What every importer produces and every exporter consumes: a person as found in one record of one file, before
 * matching against the rolodex. Parsers are pure (bytes in, records and issues out) and never throw on bad input.
 */

/** Where a record or a problem sits in its file: 1-based line for CSV, 1-based card number (and line) for vCard. */
export interface SourceRef {
  file: string;
  line?: number;
  card?: number;
}

export interface LabelledValue {
  value: string;
  label?: string;
}

export interface PostalAddress {
  label?: string;
  poBox?: string;
  extended?: string;
  street?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  /** Free-text form when the source has one (Google "Formatted", vCard LABEL). */
  formatted?: string;
}

export type Photo = { kind: 'inline'; mime: string; data: Uint8Array } | { kind: 'url'; url: string };

export interface ImportedPerson {
  ref: SourceRef;
  displayName?: string;
  givenName?: string;
  familyName?: string;
  /** Middle names, as one space-separated string. */
  additionalNames?: string;
  prefix?: string;
  suffix?: string;
  nickname?: string;
  organisation?: string;
  department?: string;
  title?: string;
  emails: LabelledValue[];
  phones: LabelledValue[];
  /** Web and profile URLs; a LinkedIn profile URL is kept here as found (the core normalises it). */
  urls: LabelledValue[];
  addresses: PostalAddress[];
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday?: string;
  /** Other dates (anniversary, custom events): label → `YYYY-MM-DD` / `--MM-DD`. */
  dates?: LabelledValue[];
  notes?: string;
  /** Where the person is (city, region); exporters write it as the extra field `Location`. */
  location?: string;
  /** How the owner met the person; exporters write it as the extra field `How we met`. */
  howWeMet?: string;
  tags: string[];
  /** `YYYY-MM-DD`. */
  connectedOn?: string;
  photo?: Photo;
  /** Anything else worth keeping that has no field of its own: original column/property name → value. */
  extra: Record<string, string>;
  /** The record exactly as it was in the file (vCard: the card's text), so unknown properties survive a round trip. */
  raw?: string;
  /** Stable identifier inside its source, when the source has one (vCard UID, LinkedIn profile URL). */
  sourceKey?: string;
}

export interface ParseIssue {
  ref: SourceRef;
  /** The field or column concerned, when there is one. */
  field?: string;
  message: string;
  /** `error`: the record was not imported; `skipped`: deliberately left out (e.g. a hidden LinkedIn profile). */
  severity: 'error' | 'skipped' | 'warning';
  /**
   * A value was shortened, or items past a limit left out, so what is kept holds less than the source did: what
   * did not fit, said without the cut ("is 20,001 characters long; a contact keeps at most 20,000").
   */
  cut?: string;
  /** How many rows this one issue stands for (60 hidden profiles are reported once), when more than one. */
  rows?: number;
}

export interface ParseResult<T = ImportedPerson> {
  records: T[];
  issues: ParseIssue[];
}

export function emptyPerson(ref: SourceRef): ImportedPerson {
  return { ref, emails: [], phones: [], urls: [], addresses: [], tags: [], extra: {} };
}
