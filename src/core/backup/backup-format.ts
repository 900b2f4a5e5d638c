import { z } from 'zod';
import { BACKUP_TABLES } from './backup-tables';

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

/** The JSON backup, version 1 (docs/backup.md): one array of rows per owned table, columns as in the database. */
export const backupV1 = z.strictObject({
  format: z.literal(BACKUP_FORMAT, { error: 'this is not a Rapport backup' }),
  version: z.literal(BACKUP_VERSION, { error: `this Rapport reads backups of version ${BACKUP_VERSION}` }),
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
export type BackupV1 = z.output<typeof backupV1>;
