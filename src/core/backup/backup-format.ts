import { z } from 'zod';
import { BACKUP_TABLES } from './backup-tables';

export const BACKUP_FORMAT = 'rapport-backup';
/**
 * Raised whenever a backup holds more than the one before (a table or column): an older Rapport then refuses it by
 * its version, saying so, instead of by the first name it does not know. 2 added `asks`.
 */
export const BACKUP_VERSION = 2;

/**
 * The JSON backup (docs/backup.md): one array of rows per owned table, columns as in the database. Every version up
 * to BACKUP_VERSION reads: an older one lacks the later tables (empty) and columns (`added`, restored as null).
 */
const versionError = `this Rapport reads backups of version ${BACKUP_VERSION} and older`;

export const backupDocument = z.strictObject({
  format: z.literal(BACKUP_FORMAT, { error: 'this is not a Rapport backup' }),
  version: z
    .number({ error: versionError })
    .int({ error: versionError })
    .min(1, { error: versionError })
    .max(BACKUP_VERSION, { error: versionError }),
  exportedAt: z.string(),
  account: z.strictObject({ name: z.string(), email: z.string() }),
  tables: z.strictObject(
    Object.fromEntries(
      BACKUP_TABLES.map((t) => [
        t.name,
        z
          .array(
            z.strictObject(
              Object.fromEntries(
                t.columns.map((c) => {
                  const value = t.numeric?.includes(c) ? z.number().nullable() : z.string().nullable();
                  return [c, t.added?.includes(c) ? value.optional() : value];
                }),
              ),
            ),
          )
          .default([]),
      ]),
    ),
  ),
});
export type BackupDocument = z.output<typeof backupDocument>;
