import { type Kysely, sql } from 'kysely';

/** Round-trips one query: the database is reachable and answering. */
export async function pingDatabase(db: Kysely<any>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
