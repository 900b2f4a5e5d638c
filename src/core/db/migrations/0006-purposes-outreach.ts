import { type Kysely, sql } from 'kysely';
import { binaryText } from '../portable';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const sortable = binaryText(db);

  // A named goal ("Guest speakers for MGMT 401") with its own pipeline stages, in order (JSON array of names).
  await db.schema
    .createTable('purposes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', sortable, (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('target_count', 'integer')
    .addColumn('deadline', 'text')
    .addColumn('stages', 'text', (c) => c.notNull())
    // A purpose can bring its own keep-in-touch interval and outreach follow-up delay.
    .addColumn('cadence_days', 'integer')
    .addColumn('follow_up_days', 'integer')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('purposes_name_uq')
    .on('purposes')
    .columns(['owner_id', 'name_norm'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  // A contact placed on a purpose: its stage (since when), its position in the stage's column, a next step, a note.
  await db.schema
    .createTable('purpose_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('purpose_id', 'text', (c) => c.notNull().references('purposes.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_since', 'text', (c) => c.notNull())
    .addColumn('position', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('next_step', 'text')
    .addColumn('next_step_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('purpose_items_uq')
    .on('purpose_items')
    .columns(['purpose_id', 'contact_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('purpose_items_contact_idx')
    .on('purpose_items')
    .columns(['owner_id', 'contact_id'])
    .execute();

  // Every stage change, so time in stage and progress over time can be told.
  await db.schema
    .createTable('purpose_stage_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('purpose_items.id').onDelete('cascade'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('moved_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('purpose_stage_moves_item_idx')
    .on('purpose_stage_moves')
    .columns(['item_id', 'moved_at'])
    .execute();

  await db.schema
    .createTable('outreach_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('follow_up_days', 'integer')
    .addColumn('purpose_id', 'text', (c) => c.references('purposes.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  // The queue: one open item per contact (closed_at null) until it has had its personal message and a reply or
  // its one follow-up.
  await db.schema
    .createTable('outreach_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('connected_on', 'text')
    .addColumn('purpose_id', 'text', (c) => c.references('purposes.id').onDelete('set null'))
    .addColumn('template_id', 'text', (c) => c.references('outreach_templates.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('reply_interaction_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('follow_up_on', 'text')
    .addColumn('followed_up_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outreach_items_open_uq')
    .on('outreach_items')
    .columns(['owner_id', 'contact_id'])
    .unique()
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('outreach_items_state_idx')
    .on('outreach_items')
    .columns(['owner_id', 'state', 'queued_at'])
    .execute();
  await db.schema
    .createIndex('outreach_items_follow_up_idx')
    .on('outreach_items')
    .columns(['owner_id', 'follow_up_on'])
    .where(sql.ref('follow_up_on'), 'is not', null)
    .execute();

  // Each message written from the queue (the first, and at most one follow-up). The send key makes sending
  // idempotent; the fingerprint (the text without its merge values) refuses the same message to many people.
  await db.schema
    .createTable('outreach_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('outreach_items.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text')
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('personal_line', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('send_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message_id', 'text')
    .addColumn('template_id', 'text', (c) => c.references('outreach_templates.id').onDelete('set null'))
    .addColumn('purpose_id', 'text', (c) => c.references('purposes.id').onDelete('set null'))
    .addColumn('interaction_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('outreach_messages_key_uq')
    .on('outreach_messages')
    .columns(['owner_id', 'send_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('outreach_messages_fingerprint_idx')
    .on('outreach_messages')
    .columns(['owner_id', 'fingerprint'])
    .execute();
  await db.schema
    .createIndex('outreach_messages_item_idx')
    .on('outreach_messages')
    .columns(['item_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'outreach_messages',
    'outreach_items',
    'outreach_templates',
    'purpose_stage_moves',
    'purpose_items',
    'purposes',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
