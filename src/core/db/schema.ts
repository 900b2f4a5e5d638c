/**
 * Kysely table types. Portability contract (docs/adr/0001, 0002): ids are UUIDv7 strings made in the app, timestamps
 * are UTC ISO-8601 strings, dates `YYYY-MM-DD`, JSON is stored as text and parsed in the query layer.
 */
export interface AccountTable {
  id: string;
  email: string;
  email_norm: string;
  name: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
}

export interface SessionTable {
  id: string;
  account_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface SignupInviteTable {
  id: string;
  created_by: string;
  code_hash: string;
  email_norm: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

export interface OrganisationTable {
  id: string;
  owner_id: string;
  name: string;
  name_norm: string;
  website: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ContactTable {
  id: string;
  owner_id: string;
  display_name: string;
  given_name: string | null;
  family_name: string | null;
  organisation_id: string | null;
  title: string | null;
  location: string | null;
  how_we_met: string | null;
  notes: string | null;
  /** JSON object of string → string. */
  custom_fields: string;
  connected_on: string | null;
  source: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Folded display name: sort order and exact/prefix ranking. */
  sort_key: string;
  /** Folded words of every name: the heaviest search column. */
  search_name: string;
  /** Folded words of organisation, title, emails, tags, location, notes. */
  search_text: string;
}

export type ChannelKind = 'email' | 'phone' | 'url';

export interface ContactChannelTable {
  id: string;
  owner_id: string;
  contact_id: string;
  kind: ChannelKind;
  value: string;
  /** Matching key: lower-cased email, E.164 phone, normalised URL (LinkedIn: https://www.linkedin.com/in/<slug>). */
  value_norm: string | null;
  label: string | null;
  position: number;
  source: string;
}

export interface ContactPositionTable {
  id: string;
  owner_id: string;
  contact_id: string;
  organisation_id: string | null;
  organisation_name: string | null;
  title: string | null;
  ended_on: string | null;
  source: string;
  recorded_at: string;
}

export interface TagTable {
  id: string;
  owner_id: string;
  name: string;
  name_norm: string;
  created_at: string;
  deleted_at: string | null;
}

export interface ContactTagTable {
  owner_id: string;
  contact_id: string;
  tag_id: string;
}

export interface Database {
  accounts: AccountTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  signup_invites: SignupInviteTable;
  organisations: OrganisationTable;
  contacts: ContactTable;
  contact_channels: ContactChannelTable;
  contact_positions: ContactPositionTable;
  tags: TagTable;
  contact_tags: ContactTagTable;
}
