import { z } from 'zod';

/** Where a CSV column can go in an `ImportedPerson`; `extra` keeps it under its column name, `ignore` drops it. */
export { CSV_COLUMN_TARGETS as COLUMN_TARGETS } from '../../contracts/imports';

import { CSV_COLUMN_TARGETS as COLUMN_TARGETS } from '../../contracts/imports';

export type ColumnTarget = (typeof COLUMN_TARGETS)[number];

export const columnTargetSchema = z.enum(COLUMN_TARGETS);

/** One column's destination: a target, or a target with a label (`{ target: 'phone', label: 'Mobile' }`). */
export const columnDestinationSchema = z.union([
  columnTargetSchema,
  z.object({ target: columnTargetSchema, label: z.string().trim().min(1).max(100).optional() }).strict(),
]);

export type ColumnDestination = z.infer<typeof columnDestinationSchema>;

/**
 * Column name (as in the file's header, compared trimmed and case-insensitively) → destination. Given to
 * parseContactCsv it is required for a generic file and overrides the detected format's choice for its columns.
 */
export const columnMappingSchema = z.record(z.string().trim().min(1).max(200), columnDestinationSchema);

export type ColumnMapping = z.infer<typeof columnMappingSchema>;
