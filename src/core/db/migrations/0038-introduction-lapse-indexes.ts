import { type Kysely, sql } from 'kysely';

// Lapsed introductions are now looked for every few minutes, not at the six-hourly housekeeping (ADR 15), so that a
// requester hears of a lapse soon after it. Each look is two queries: open requests past their wait
// (expireOpenIntroductions) and lapses not yet told (untoldLapses). Without these they read every introduction
// ever made, 288 times a day; with them, only the rows due. The second is partial: only untold rows (the open ones
// and the lapses waiting for their mail), so closing and telling take rows out of it.

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('introductions_state_expiry_idx')
    .on('introductions')
    .columns(['state', 'expires_at'])
    .execute();
  await db.schema
    .createIndex('introductions_untold_lapse_idx')
    .on('introductions')
    .columns(['state', 'closed_at', 'id'])
    .where(sql.ref('lapse_told_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('introductions_untold_lapse_idx').ifExists().execute();
  await db.schema.dropIndex('introductions_state_expiry_idx').ifExists().execute();
}
