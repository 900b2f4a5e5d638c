import { type Kysely, sql } from 'kysely';

/** SQLite writes a consistent, compacted copy of the whole database to `file` while others go on writing. */
export async function vacuumInto(db: Kysely<any>, file: string): Promise<void> {
  await sql`VACUUM INTO ${file}`.execute(db);
}
