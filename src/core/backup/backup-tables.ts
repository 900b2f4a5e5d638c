import type { Database } from '../db/schema';

/**
 * Every table an account owns, in insert order, with the columns a backup carries (docs/backup.md). A later
 * feature that adds a table adds it here; `backup.test.ts` fails if an owned table is missing.
 */
export interface BackupTable {
  name: keyof Database;
  /** The column holding the owning account's id (rewritten to the restoring account). */
  owner: string;
  /** Primary-key column made of an app-generated id, if any (remapped when the id is taken). */
  id?: string;
  /** Columns that hold ids of rows in other backed-up tables: column → table. */
  refs?: Record<string, keyof Database>;
  /** Columns holding bytes, carried as base64. */
  binary?: string[];
  /** Columns holding numbers (every other column holds text or null). */
  numeric?: string[];
  /** Columns added after version 1 first shipped: a backup made before lacks them, and they restore as null. */
  added?: string[];
  /** What an `added` column restores as when the backup lacks it, for those that cannot be null. */
  absent?: Record<string, string | number>;
  /**
   * Not what the account holds but how it is set up, or counts the server records by itself every day: an account
   * with rows only here is still empty (a new user sets a time zone before restoring), and a backup that holds rows
   * of it replaces them.
   */
  setup?: true;
  /** The backup version that first carried this table (1 when absent): an older backup lacks it, restored empty. */
  since?: number;
  columns: string[];
}

export const BACKUP_TABLES: BackupTable[] = [
  {
    name: 'account_profiles',
    owner: 'account_id',
    setup: true,
    columns: [
      'headline',
      'summary',
      'industry',
      'location',
      'linkedin_url',
      'websites',
      'positions',
      'offers',
      'needs',
      'updated_at',
      'organisation',
      'show_offers',
      'show_needs',
    ],
    numeric: ['show_offers', 'show_needs'],
  },
  {
    name: 'organisations',
    owner: 'owner_id',
    id: 'id',
    refs: { merged_into: 'organisations' },
    columns: [
      'id',
      'name',
      'name_norm',
      'website',
      'notes',
      'created_at',
      'updated_at',
      'deleted_at',
      'merged_into',
    ],
  },
  {
    name: 'tags',
    owner: 'owner_id',
    id: 'id',
    numeric: ['cadence_days', 'findable'],
    columns: ['id', 'name', 'name_norm', 'created_at', 'deleted_at', 'cadence_days', 'findable'],
  },
  {
    name: 'tag_merged_names',
    owner: 'owner_id',
    refs: { tag_id: 'tags' },
    columns: ['name_norm', 'tag_id', 'merged_at'],
  },
  {
    name: 'imports',
    owner: 'owner_id',
    id: 'id',
    columns: ['id', 'kind', 'file_name', 'status', 'stats', 'created_at', 'undone_at'],
  },
  {
    name: 'contacts',
    owner: 'owner_id',
    id: 'id',
    refs: { organisation_id: 'organisations', merged_into: 'contacts', import_id: 'imports' },
    columns: [
      'id',
      'display_name',
      'given_name',
      'family_name',
      'additional_names',
      'name_prefix',
      'name_suffix',
      'nickname',
      'organisation_id',
      'department',
      'title',
      'location',
      'how_we_met',
      'notes',
      'birthday',
      'custom_fields',
      'addresses',
      'dates',
      'connected_on',
      'source',
      'created_at',
      'updated_at',
      'deleted_at',
      'merged_into',
      'import_id',
      'sort_key',
      'search_name',
      'search_text',
      'share',
    ],
  },
  {
    name: 'contact_channels',
    owner: 'owner_id',
    id: 'id',
    refs: { contact_id: 'contacts' },
    numeric: ['position'],
    columns: ['id', 'contact_id', 'kind', 'value', 'value_norm', 'label', 'position', 'source'],
  },
  {
    name: 'contact_tags',
    owner: 'owner_id',
    refs: { contact_id: 'contacts', tag_id: 'tags' },
    columns: ['contact_id', 'tag_id'],
  },
  {
    name: 'contact_positions',
    owner: 'owner_id',
    id: 'id',
    refs: { contact_id: 'contacts', organisation_id: 'organisations' },
    columns: [
      'id',
      'contact_id',
      'organisation_id',
      'organisation_name',
      'title',
      'ended_on',
      'source',
      'recorded_at',
    ],
  },
  {
    name: 'contact_photos',
    owner: 'owner_id',
    refs: { contact_id: 'contacts' },
    binary: ['data'],
    columns: ['contact_id', 'mime', 'data', 'url', 'sha256', 'updated_at'],
  },
  {
    name: 'carddav_cards',
    owner: 'owner_id',
    refs: { contact_id: 'contacts' },
    columns: ['contact_id', 'name', 'uid', 'raw', 'updated_at'],
  },
  {
    name: 'contact_sources',
    owner: 'owner_id',
    id: 'id',
    refs: { contact_id: 'contacts', import_id: 'imports' },
    columns: ['id', 'contact_id', 'kind', 'source_key', 'raw', 'snapshot', 'import_id', 'recorded_at'],
  },
  {
    name: 'contact_history',
    owner: 'owner_id',
    id: 'id',
    refs: { contact_id: 'contacts', import_id: 'imports' },
    columns: ['id', 'contact_id', 'field', 'old_value', 'new_value', 'source', 'import_id', 'recorded_at'],
  },
  {
    name: 'import_issues',
    owner: 'owner_id',
    refs: { import_id: 'imports' },
    numeric: ['position', 'line', 'card', 'rows'],
    added: ['rows'],
    columns: ['import_id', 'position', 'severity', 'file', 'line', 'card', 'field', 'message', 'rows'],
  },
  {
    name: 'import_changes',
    owner: 'owner_id',
    id: 'id',
    refs: { import_id: 'imports' },
    added: ['after'],
    columns: ['id', 'import_id', 'entity', 'entity_id', 'action', 'before', 'after'],
  },
  {
    name: 'merges',
    owner: 'owner_id',
    id: 'id',
    refs: { kept_id: 'contacts', merged_id: 'contacts' },
    columns: ['id', 'kept_id', 'merged_id', 'snapshot', 'created_at', 'undone_at'],
  },
  {
    name: 'organisation_merges',
    owner: 'owner_id',
    id: 'id',
    refs: { kept_id: 'organisations', merged_id: 'organisations' },
    columns: ['id', 'kept_id', 'merged_id', 'moved', 'created_at', 'undone_at'],
  },
  {
    name: 'duplicate_dismissals',
    owner: 'owner_id',
    refs: { contact_a: 'contacts', contact_b: 'contacts' },
    columns: ['contact_a', 'contact_b', 'created_at'],
  },
  {
    name: 'organisation_dismissals',
    owner: 'owner_id',
    refs: { organisation_a: 'organisations', organisation_b: 'organisations' },
    columns: ['organisation_a', 'organisation_b', 'created_at'],
  },
  {
    name: 'interactions',
    owner: 'owner_id',
    id: 'id',
    refs: { import_id: 'imports' },
    numeric: ['answered', 'date_only'],
    added: ['date_only'],
    absent: { date_only: 0 },
    columns: [
      'id',
      'kind',
      'occurred_at',
      'direction',
      'answered',
      'summary',
      'source',
      'external_key',
      'conversation_key',
      'date_only',
      'import_id',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
  },
  {
    name: 'interaction_contacts',
    owner: 'owner_id',
    refs: { interaction_id: 'interactions', contact_id: 'contacts' },
    columns: ['interaction_id', 'contact_id'],
  },
  {
    name: 'relationship_states',
    owner: 'owner_id',
    refs: { contact_id: 'contacts' },
    numeric: [
      'as_of_ms',
      'face',
      'voice',
      'out_w',
      'in_w',
      'favours',
      'closeness',
      'cadence_days',
      'cadence_stopped',
    ],
    columns: [
      'contact_id',
      'as_of_ms',
      'face',
      'voice',
      'out_w',
      'in_w',
      'favours',
      'first_at',
      'last_at',
      'closeness',
      'cadence_days',
      'cadence_stopped',
      'next_due',
      'updated_at',
      'last_kind',
      'last_direction',
    ],
  },
  {
    name: 'favours',
    owner: 'owner_id',
    id: 'id',
    refs: { contact_id: 'contacts', interaction_id: 'interactions' },
    numeric: ['size'],
    columns: [
      'id',
      'contact_id',
      'direction',
      'what',
      'size',
      'occurred_on',
      'interaction_id',
      'source',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
  },
  {
    name: 'promises',
    owner: 'owner_id',
    id: 'id',
    refs: { contact_id: 'contacts' },
    columns: [
      'id',
      'contact_id',
      'direction',
      'what',
      'due_on',
      'status',
      'resolved_on',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
  },
  {
    name: 'purposes',
    owner: 'owner_id',
    id: 'id',
    numeric: ['target_count', 'cadence_days', 'follow_up_days'],
    columns: [
      'id',
      'name',
      'name_norm',
      'description',
      'target_count',
      'deadline',
      'stages',
      'cadence_days',
      'follow_up_days',
      'archived_at',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
  },
  {
    name: 'purpose_items',
    owner: 'owner_id',
    id: 'id',
    refs: { purpose_id: 'purposes', contact_id: 'contacts' },
    numeric: ['position'],
    columns: [
      'id',
      'purpose_id',
      'contact_id',
      'stage',
      'stage_since',
      'position',
      'next_step',
      'next_step_on',
      'note',
      'created_at',
      'updated_at',
    ],
  },
  {
    name: 'purpose_stage_moves',
    owner: 'owner_id',
    id: 'id',
    refs: { item_id: 'purpose_items' },
    columns: ['id', 'item_id', 'from_stage', 'to_stage', 'moved_at', 'source'],
  },
  {
    name: 'outreach_templates',
    owner: 'owner_id',
    id: 'id',
    refs: { purpose_id: 'purposes' },
    numeric: ['follow_up_days'],
    columns: [
      'id',
      'name',
      'subject',
      'body',
      'channel',
      'follow_up_days',
      'purpose_id',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
  },
  {
    name: 'outreach_items',
    owner: 'owner_id',
    id: 'id',
    refs: {
      contact_id: 'contacts',
      purpose_id: 'purposes',
      template_id: 'outreach_templates',
      reply_interaction_id: 'interactions',
    },
    columns: [
      'id',
      'contact_id',
      'reason',
      'connected_on',
      'purpose_id',
      'template_id',
      'state',
      'queued_at',
      'sent_at',
      'replied_at',
      'reply_interaction_id',
      'follow_up_on',
      'followed_up_at',
      'closed_at',
      'created_at',
      'updated_at',
    ],
  },
  {
    name: 'outreach_messages',
    owner: 'owner_id',
    id: 'id',
    refs: {
      item_id: 'outreach_items',
      contact_id: 'contacts',
      template_id: 'outreach_templates',
      purpose_id: 'purposes',
      interaction_id: 'interactions',
    },
    numeric: ['attempts'],
    columns: [
      'id',
      'item_id',
      'contact_id',
      'kind',
      'channel',
      'to_address',
      'subject',
      'body',
      'personal_line',
      'fingerprint',
      'send_key',
      'status',
      'error',
      'attempts',
      'message_id',
      'template_id',
      'purpose_id',
      'interaction_id',
      'created_at',
      'updated_at',
      'sent_at',
    ],
  },
  { name: 'agenda_actions', owner: 'owner_id', columns: ['item_key', 'action', 'until', 'created_at'] },
  {
    name: 'account_settings',
    owner: 'account_id',
    setup: true,
    numeric: ['today_limit', 'digest_enabled', 'digest_hour', 'share_tier', 'share_linkedin'],
    added: ['phone_region'],
    columns: [
      'today_limit',
      'time_zone',
      'digest_enabled',
      'digest_hour',
      'updated_at',
      'share_tier',
      'share_linkedin',
      'phone_region',
    ],
  },
  {
    name: 'tier_history',
    owner: 'owner_id',
    setup: true,
    numeric: ['inner_n', 'close_n', 'active_n', 'dormant_n'],
    columns: ['day', 'inner_n', 'close_n', 'active_n', 'dormant_n'],
  },
  {
    name: 'linkedin_invitations',
    owner: 'owner_id',
    id: 'id',
    refs: { contact_id: 'contacts', import_id: 'imports' },
    columns: [
      'id',
      'contact_id',
      'direction',
      'name',
      'profile_url',
      'message',
      'sent_on',
      'natural_key',
      'import_id',
      'created_at',
    ],
  },
  {
    name: 'asks',
    owner: 'owner_id',
    id: 'id',
    since: 2,
    refs: { purpose_id: 'purposes' },
    columns: [
      'id',
      'purpose_id',
      'title',
      'body',
      'state',
      'expires_on',
      'closed_at',
      'thanks',
      'created_at',
      'updated_at',
    ],
  },
];

/**
 * Every other table of the schema, each with the reason it is in no backup. `backup.test.ts` reads the live schema
 * on both engines and fails on a table listed in neither place, so a later migration cannot add data a backup
 * silently leaves behind: it either adds its table to `BACKUP_TABLES` or says here why not.
 */
export const NOT_BACKED_UP: Record<string, string> = {
  accounts: 'the account itself: a backup is restored into an account the user already has',
  sessions: 'browser sessions are secrets tied to this server',
  api_tokens: 'API token secrets are stored only hashed and cannot be carried over',
  signup_invites: 'server administration, not the account’s data',
  digest_sends: 'a log of emails this server sent; a restored account starts its own',
  feed_tokens: 'calendar feed secrets belong to one server; make a new feed URL after restoring',
  email_verifications: 'one-time secrets proving the sign-in address on this server',
  pending_signups: 'sign-ups waiting for their e-mailed link: no account yet, so no account data',
  server_state: 'server-wide values (the person-key secret, the network index version): no account’s data',
  // SQLite's search index (portable.ts): the FTS5 table, the parts SQLite keeps it in, its row map and switch.
  ...Object.fromEntries(
    ['', '_config', '_data', '_docsize', '_idx', '_map', '_deferred'].map((part) => [
      `contact_fts${part}`,
      'the contacts’ search index on SQLite, derived from the contacts: a restore writes it anew',
    ]),
  ),
  carddav_changes:
    'what address-book clients of this server were told; rebuilt from the contacts, clients then sync anew',
  carddav_sync_tokens: 'the sync tokens address-book clients of this server were given; they then sync anew',
  // The network lives between accounts on one server: a backup carries only what one account holds alone, and a
  // restore never invents the other accounts a row names (docs/backup.md, "Between accounts").
  connections: 'a connection belongs to two accounts on this server; reconnect after restoring elsewhere',
  connection_invites: 'invitation secrets belong to one server',
  direct_messages: 'messages belong to a connection between two accounts on this server',
  access_log: 'a log of what other accounts on this server saw; it means nothing on another server',
  network_searches: 'a rate-limit log of searches on this server',
  introductions:
    'an introduction involves other accounts on this server (broker, requester, target); the contact it created is backed up',
  ask_answers:
    'each answer is written by another account (on my ask, theirs; on theirs, the ask is theirs); the asks are backed up',
};

/**
 * The tables of a schema (as `db.introspection.getTables()` lists them) that are neither backed up nor left out
 * with a reason, and the backed-up tables whose columns differ from `BACKUP_TABLES`'s (owner and search columns
 * aside). Both empty when the backup covers the schema.
 */
export function backupCoverage(tables: { name: string; columns: { name: string }[] }[]): {
  unlisted: string[];
  columnsDiffer: { table: string; missing: string[]; extra: string[] }[];
} {
  const unlisted = tables
    .map((t) => t.name)
    .filter((name) => !BACKUP_TABLES.some((b) => b.name === name) && !(name in NOT_BACKED_UP))
    .sort();
  const columnsDiffer: { table: string; missing: string[]; extra: string[] }[] = [];
  for (const spec of BACKUP_TABLES) {
    const live = tables.find((t) => t.name === spec.name);
    if (!live) {
      columnsDiffer.push({ table: spec.name, missing: [], extra: [...spec.columns].sort() });
      continue;
    }
    const columns = live.columns.map((c) => c.name).filter((c) => c !== spec.owner && c !== 'search_vector');
    const missing = columns.filter((c) => !spec.columns.includes(c)).sort();
    const extra = spec.columns.filter((c) => !columns.includes(c)).sort();
    if (missing.length > 0 || extra.length > 0) columnsDiffer.push({ table: spec.name, missing, extra });
  }
  return { unlisted, columnsDiffer };
}
