import { z } from 'zod';
import { limitParam, page, text } from './common';

export const IMPORT_KINDS = ['linkedin', 'vcard', 'csv'] as const;
export const importKind = z.enum(IMPORT_KINDS);

const fieldChange = z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() });
const sample = z.object({ name: z.string(), ref: z.string(), changes: z.array(fieldChange).optional() });
export const importIssue = z.object({
  severity: z.enum(['error', 'skipped', 'warning']),
  file: z.string(),
  line: z.number().nullable(),
  card: z.number().nullable(),
  field: z.string().nullable(),
  message: z.string(),
  /**
   * How many rows this one issue stands for, when more than one (60 hidden LinkedIn profiles are one issue); the
   * stats count rows. Kept with the stored issue too, so a past import's page counts the same.
   */
  rows: z.number().int().min(2).optional(),
});
export type ImportIssue = z.infer<typeof importIssue>;

const stats = z.record(z.string(), z.number());
export const importSummary = z.object({
  id: z.string().nullable(),
  kind: importKind,
  fileName: z.string(),
  status: z.enum(['preview', 'committed', 'undone']),
  createdAt: z.string().nullable(),
  /** created, updated, unchanged, skipped, errors, warnings, and per-kind counts (messages, invitations…). */
  stats,
});
export const csvImportInfo = z.object({
  format: z.string(),
  headers: z.array(z.string()),
  /** True when Rapport cannot read the file alone: send `map` (see `suggestedMapping`). */
  needsMapping: z.boolean(),
  sampleRows: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.unknown()),
});
export type CsvImportInfoView = z.infer<typeof csvImportInfo>;

export const importReport = importSummary.extend({
  samples: z.object({ created: z.array(sample), updated: z.array(sample), unchanged: z.array(sample) }),
  issues: z.array(importIssue),
  csv: csvImportInfo.optional(),
});
export type ImportReportView = z.infer<typeof importReport>;
export const importDetail = importSummary.extend({ issues: z.array(importIssue) });
/** Imports newest first (ties by id); `cursor` is the previous page's `nextCursor`. */
export const importListQuery = z.strictObject({ limit: limitParam, cursor: text().max(500).optional() });
export const importList = page(importSummary);

/** Where a CSV column can go; `extra` keeps it as a custom field under its column name, `ignore` drops it. */
export const CSV_COLUMN_TARGETS = [
  'givenName',
  'familyName',
  'additionalNames',
  'displayName',
  'nickname',
  'prefix',
  'suffix',
  'organisation',
  'department',
  'title',
  'email',
  'phone',
  'url',
  'address',
  'notes',
  'tags',
  'connectedOn',
  'birthday',
  'ignore',
  'extra',
] as const;

export const importQuery = z.strictObject({
  kind: importKind,
  /** `true`: only report what would happen. */
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * CSV column mapping: JSON `{"Column": "field" | {"target": "phone", "label": "Mobile"}}`, or the CLI's
   * `Column=field,Other=field:Label`. Fields: CSV_COLUMN_TARGETS.
   */
  map: text().max(5000).optional(),
  /**
   * LinkedIn only: `true` also imports the address books the owner uploaded to LinkedIn (ImportedContacts.csv or
   * Contacts.csv), tagged "LinkedIn address book" and not as connections. Without it a report only counts them
   * (`stats.addressBookPeople`).
   */
  addressBook: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const undoImportResult = z.object({
  removed: z.number(),
  restored: z.number(),
  /** Contacts it created that the owner (or a later import) had worked with since: in the trash rather than gone. */
  trashed: z.number(),
});
