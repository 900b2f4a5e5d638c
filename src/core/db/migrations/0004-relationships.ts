import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per contact someone has been in touch with: the strength model's accumulators (see ADR 8), kept in
  // step with every interaction and favour, plus the owner's settings for this relationship.
  await db.schema
    .createTable('relationship_states')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('as_of_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('face', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('voice', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('out_w', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('in_w', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('favours', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('first_at', 'text')
    .addColumn('last_at', 'text')
    .addColumn('closeness', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cadence_days', 'integer')
    .addColumn('cadence_stopped', 'integer', (c) => c.notNull().defaultTo(0))
    // When keeping in touch is next due (YYYY-MM-DD), computed on every change; Today reads it by index.
    .addColumn('next_due', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relationship_states_pk', ['owner_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('relationship_states_due_idx')
    .on('relationship_states')
    .columns(['owner_id', 'next_due'])
    .where(sql.ref('next_due'), 'is not', null)
    .execute();

  await db.schema.alterTable('tags').addColumn('cadence_days', 'integer').execute();

  await db.schema
    .createTable('favours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('interaction_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('favours_contact_idx')
    .on('favours')
    .columns(['owner_id', 'contact_id', 'occurred_on'])
    .execute();

  await db.schema
    .createTable('promises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('promises_owner_due_idx')
    .on('promises')
    .columns(['owner_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('promises_contact_idx')
    .on('promises')
    .columns(['owner_id', 'contact_id'])
    .execute();

  // What the owner did with a Today item: done, or snoozed until a date.
  await db.schema
    .createTable('agenda_actions')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agenda_actions_pk', ['owner_id', 'item_key'])
    .execute();

  await db.schema
    .createTable('account_settings')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('today_limit', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('digest_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('digest_hour', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One digest per account and local day: the unique key is also the lock between server processes.
  await db.schema
    .createTable('digest_sends')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('error', 'text')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_sends_pk', ['account_id', 'day'])
    .execute();

  await db.schema
    .createTable('feed_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  // A daily count of relationships per tier, for the health-over-time chart.
  await db.schema
    .createTable('tier_history')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('inner_n', 'integer', (c) => c.notNull())
    .addColumn('close_n', 'integer', (c) => c.notNull())
    .addColumn('active_n', 'integer', (c) => c.notNull())
    .addColumn('dormant_n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tier_history_pk', ['owner_id', 'day'])
    .execute();

  await db.schema
    .alterTable('account_profiles')
    .addColumn('offers', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('account_profiles')
    .addColumn('needs', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'tier_history',
    'feed_tokens',
    'digest_sends',
    'account_settings',
    'agenda_actions',
    'promises',
    'favours',
    'relationship_states',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('tags').dropColumn('cadence_days').execute();
  await db.schema.alterTable('account_profiles').dropColumn('offers').execute();
  await db.schema.alterTable('account_profiles').dropColumn('needs').execute();
}
