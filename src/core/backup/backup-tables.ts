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
  columns: string[];
}

export const BACKUP_TABLES: BackupTable[] = [
  {
    name: 'account_profiles',
    owner: 'account_id',
    columns: [
      'headline',
      'summary',
      'industry',
      'location',
      'linkedin_url',
      'websites',
      'positions',
      'updated_at',
    ],
  },
  {
    name: 'organisations',
    owner: 'owner_id',
    id: 'id',
    columns: ['id', 'name', 'name_norm', 'website', 'notes', 'created_at', 'updated_at', 'deleted_at'],
  },
  {
    name: 'tags',
    owner: 'owner_id',
    id: 'id',
    columns: ['id', 'name', 'name_norm', 'created_at', 'deleted_at'],
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
    numeric: ['position', 'line', 'card'],
    columns: ['import_id', 'position', 'severity', 'file', 'line', 'card', 'field', 'message'],
  },
  {
    name: 'import_changes',
    owner: 'owner_id',
    id: 'id',
    refs: { import_id: 'imports' },
    columns: ['id', 'import_id', 'entity', 'entity_id', 'action', 'before'],
  },
  {
    name: 'merges',
    owner: 'owner_id',
    id: 'id',
    refs: { kept_id: 'contacts', merged_id: 'contacts' },
    columns: ['id', 'kept_id', 'merged_id', 'snapshot', 'created_at', 'undone_at'],
  },
  {
    name: 'duplicate_dismissals',
    owner: 'owner_id',
    refs: { contact_a: 'contacts', contact_b: 'contacts' },
    columns: ['contact_a', 'contact_b', 'created_at'],
  },
  {
    name: 'interactions',
    owner: 'owner_id',
    id: 'id',
    refs: { import_id: 'imports' },
    numeric: ['answered'],
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
];

/** Tables that belong to the account but are deliberately left out of backups, and why. */
export const NOT_BACKED_UP: Record<string, string> = {
  accounts: 'the account itself: a backup is restored into an account the user already has',
  sessions: 'browser sessions are secrets tied to this server',
  api_tokens: 'API token secrets are stored only hashed and cannot be carried over',
  signup_invites: 'server administration, not the account’s data',
};
