import { type Kysely, sql } from 'kysely';

// An export page and a CardDAV multiget read the raw vCards of 500 contacts (`kind = 'vcard'`, export.queries.ts
// latestRawVcards). Through (owner_id, contact_id) that read every source row of those contacts and kept the vCard
// ones: after a LinkedIn import, all 30,000 LinkedIn rows to find none (1.4 s of an export's 60 pages, 0.2-0.3 s
// now). Partial: only vCard sources, so a LinkedIn or CSV import writes nothing more.

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('contact_sources_vcard_idx')
    .on('contact_sources')
    .columns(['owner_id', 'contact_id'])
    .where(sql.ref('kind'), '=', sql.lit('vcard'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contact_sources_vcard_idx').ifExists().execute();
}
