import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // When the requester was told that their request lapsed (ADR 15): housekeeping mails each expired request once,
  // and claims it here first so two servers never both send. Also set, without a mail, where none is due.
  await db.schema.alterTable('introductions').addColumn('lapse_told_at', 'text').execute();
  // Everything that ended before this version was never going to be mailed: no flood of old news.
  await db
    .updateTable('introductions')
    .set({ lapse_told_at: sql`coalesce(closed_at, updated_at)` })
    .where('state', 'not in', ['requested', 'awaiting-target'])
    .execute();
  // Requests left waiting on a person whose account was deleted before deleting ended them: the cascade blanked
  // the account and no link was ever sent (the signed link is only for people without an account), so nobody can
  // answer. They end now as expired, left untold so the requester hears it lapsed. A deleted requester or broker
  // took their rows with them (on delete cascade).
  const now = new Date().toISOString();
  await db
    .updateTable('introductions')
    .set({ state: 'expired', closed_at: now, updated_at: now })
    .where('state', '=', 'awaiting-target')
    .where('target_account_id', 'is', null)
    .where('token_hash', 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('introductions').dropColumn('lapse_told_at').execute();
}
