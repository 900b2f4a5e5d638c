import { win32 } from 'node:path';
import type { Kysely } from 'kysely';

// Imports run from the CLI kept the path of the file (`/home/ada/Downloads/export.zip`) as its name, and a single
// CSV's path on each of its rows' issues: the import history and every backup named the owner's folders. Only the
// file's own name is kept now (f333e92 and this change); stored ones are cut down to it, whichever separator the
// path used.

async function cutDown(db: Kysely<any>, table: string, column: string): Promise<void> {
  // Every distinct name (a few per import), filtered here: LIKE escapes a backslash on PostgreSQL, not on SQLite.
  const rows = (await db.selectFrom(table).select(column).distinct().execute()) as Record<string, string>[];
  for (const row of rows) {
    const path = row[column] as string;
    // win32's basename takes both `/` and `\`.
    const name = win32.basename(path);
    if (name !== path)
      await db
        .updateTable(table)
        .set({ [column]: name })
        .where(column, '=', path)
        .execute();
  }
}

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await cutDown(db, 'imports', 'file_name');
  await cutDown(db, 'import_issues', 'file');
}

export async function down(): Promise<void> {
  // The folders are not kept anywhere to put back, and the name alone is what older code shows anyway.
}
