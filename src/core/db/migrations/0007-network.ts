import { type Kysely, sql } from 'kysely';
import { binaryText } from '../portable';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const sortable = binaryText(db);

  // One row per pair of accounts, stored once with the smaller id first. Pending until the other side accepts;
  // removing a connection deletes the row. Each side may link the other to a contact in its own rolodex, so
  // messages count as interactions for both.
  await db.schema
    .createTable('connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_lo', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('account_hi', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('lo_contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('hi_contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('connections_pair_uq')
    .on('connections')
    .columns(['account_lo', 'account_hi'])
    .unique()
    .execute();
  await db.schema
    .createIndex('connections_hi_idx')
    .on('connections')
    .columns(['account_hi', 'status'])
    .execute();

  // An invitation to connect by email or one-time link; the secret is shown once and stored hashed.
  await db.schema
    .createTable('connection_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('email_norm', sortable)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('connection_invites_from_idx')
    .on('connection_invites')
    .columns(['from_account_id', 'created_at'])
    .execute();

  // One thread per connected pair.
  await db.schema
    .createTable('direct_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull().references('connections.id').onDelete('cascade'))
    .addColumn('sender_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('direct_messages_thread_idx')
    .on('direct_messages')
    .columns(['connection_id', 'created_at'])
    .execute();

  // Sharing policy. Per contact: null follows its tags, 'findable' or 'private' decide for it. Per tag: findable
  // or not (the default, for imports too). Per account: whether connections see a coarse tier and a public
  // LinkedIn profile link of findable contacts.
  await db.schema.alterTable('contacts').addColumn('share', 'text').execute();
  await db.schema
    .alterTable('tags')
    .addColumn('findable', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('account_settings')
    .addColumn('share_tier', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('account_settings')
    .addColumn('share_linkedin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`CREATE INDEX contacts_share_idx ON contacts (owner_id) WHERE share IS NOT NULL`.execute(db);

  // What connections see of my profile: my organisation, and whether my offers and needs are shown.
  await db.schema.alterTable('account_profiles').addColumn('organisation', 'text').execute();
  await db.schema
    .alterTable('account_profiles')
    .addColumn('show_offers', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('account_profiles')
    .addColumn('show_needs', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Every time one of my contacts appears to someone else (a search hit, a path, an introduction request).
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('query', 'text')
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('introduction_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('access_log_owner_idx')
    .on('access_log')
    .columns(['owner_id', 'created_at'])
    .execute();

  // Searches a account has run: the daily rate limit counts these.
  await db.schema
    .createTable('network_searches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('result_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('network_searches_account_idx')
    .on('network_searches')
    .columns(['account_id', 'created_at'])
    .execute();

  // A double opt-in introduction: requester → broker decides → target decides → introduced. The target is a contact
  // of the broker's (and maybe an account); what the target agrees to share is all the requester ever receives.
  await db.schema
    .createTable('introductions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requester_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('broker_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('broker_contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('target_account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    // Opaque identity of the target (keyed hash of LinkedIn slug or email, else the broker's contact id), for
    // the quota and the no-repeat-after-decline rule without keeping the address.
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('purpose_id', 'text', (c) => c.references('purposes.id').onDelete('set null'))
    .addColumn('ask_id', 'text')
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('broker_note', 'text')
    .addColumn('broker_message', 'text')
    .addColumn('target_email', 'text')
    .addColumn('token_hash', 'text')
    .addColumn('token_expires_at', 'text')
    .addColumn('token_used_at', 'text')
    .addColumn('shared', 'text')
    .addColumn('requester_contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('broker_decided_at', 'text')
    .addColumn('target_decided_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('introductions_requester_idx')
    .on('introductions')
    .columns(['requester_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('introductions_broker_idx')
    .on('introductions')
    .columns(['broker_id', 'state'])
    .execute();
  await db.schema
    .createIndex('introductions_target_account_idx')
    .on('introductions')
    .columns(['target_account_id', 'state'])
    .where(sql.ref('target_account_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('introductions_repeat_idx')
    .on('introductions')
    .columns(['requester_id', 'target_key', 'created_at'])
    .execute();
  await db.schema
    .createIndex('introductions_token_uq')
    .on('introductions')
    .column('token_hash')
    .unique()
    .where(sql.ref('token_hash'), 'is not', null)
    .execute();

  // A need posted to my connections, tied to a purpose; it expires.
  await db.schema
    .createTable('asks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('purpose_id', 'text', (c) => c.references('purposes.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('thanks', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('asks_owner_idx')
    .on('asks')
    .columns(['owner_id', 'state', 'expires_on'])
    .execute();

  await db.schema
    .createTable('ask_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ask_id', 'text', (c) => c.notNull().references('asks.id').onDelete('cascade'))
    .addColumn('responder_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('introduction_id', 'text', (c) => c.references('introductions.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ask_answers_ask_idx')
    .on('ask_answers')
    .columns(['ask_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('ask_answers_responder_idx')
    .on('ask_answers')
    .columns(['responder_id', 'ask_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'ask_answers',
    'asks',
    'introductions',
    'network_searches',
    'access_log',
    'direct_messages',
    'connection_invites',
    'connections',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`DROP INDEX IF EXISTS contacts_share_idx`.execute(db);
  await db.schema.alterTable('contacts').dropColumn('share').execute();
  await db.schema.alterTable('tags').dropColumn('findable').execute();
  await db.schema.alterTable('account_settings').dropColumn('share_tier').execute();
  await db.schema.alterTable('account_settings').dropColumn('share_linkedin').execute();
  await db.schema.alterTable('account_profiles').dropColumn('organisation').execute();
  await db.schema.alterTable('account_profiles').dropColumn('show_offers').execute();
  await db.schema.alterTable('account_profiles').dropColumn('show_needs').execute();
}
