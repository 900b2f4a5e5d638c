import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // What a token may do: 'full' (everything its account may, bar managing credentials) or 'read' (GET/HEAD only,
  // for dashboards and backup scripts). Every token made before could do everything, so it stays 'full'.
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('full').check(sql`scope IN ('full', 'read')`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
}
