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
  nickname: string | null;
  name_prefix: string | null;
  name_suffix: string | null;
  additional_names: string | null;
  department: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday: string | null;
  /** JSON array of postal addresses (formats/model.ts PostalAddress). */
  addresses: string;
  /** JSON array of { value, label } dates (anniversaries and other events). */
  dates: string;
  /** The contact this one was merged into; set together with deleted_at, cleared by undoing the merge. */
  merged_into: string | null;
  /** The import that created this contact (undo deletes by it). */
  import_id: string | null;
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
  /** Keep-in-touch interval for contacts with this tag ("former students: every 6 months"). */
  cadence_days: number | null;
}

export interface ContactTagTable {
  owner_id: string;
  contact_id: string;
  tag_id: string;
}

export interface ContactPhotoTable {
  contact_id: string;
  owner_id: string;
  mime: string | null;
  data: Buffer | null;
  url: string | null;
  sha256: string | null;
  updated_at: string;
}

export type ImportKind = 'linkedin' | 'vcard' | 'csv';

export interface ImportTable {
  id: string;
  owner_id: string;
  kind: ImportKind;
  file_name: string;
  status: 'committed' | 'undone';
  /** JSON counts: created, updated, unchanged, skipped, errors, and kind-specific ones (messages, invitations). */
  stats: string;
  created_at: string;
  undone_at: string | null;
}

export interface ImportIssueTable {
  import_id: string;
  owner_id: string;
  position: number;
  severity: 'error' | 'skipped' | 'warning';
  file: string;
  line: number | null;
  card: number | null;
  field: string | null;
  message: string;
}

export interface ImportChangeTable {
  id: string;
  import_id: string;
  owner_id: string;
  entity: 'contact' | 'organisation' | 'tag' | 'position' | 'invitation' | 'interaction' | 'profile';
  entity_id: string;
  action: 'created' | 'updated';
  /** JSON state of the entity before the import changed it (for `updated`). */
  before: string | null;
}

export interface ContactSourceTable {
  id: string;
  owner_id: string;
  contact_id: string;
  kind: string;
  source_key: string | null;
  raw: string | null;
  /** JSON of the record as last imported from this source (no photo bytes). */
  snapshot: string;
  import_id: string | null;
  recorded_at: string;
}

export interface ContactHistoryTable {
  id: string;
  owner_id: string;
  contact_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  source: string;
  import_id: string | null;
  recorded_at: string;
}

export interface MergeTable {
  id: string;
  owner_id: string;
  kept_id: string;
  merged_id: string;
  /** JSON of both contacts and everything attached to them before the merge. */
  snapshot: string;
  created_at: string;
  undone_at: string | null;
}

export interface DuplicateDismissalTable {
  owner_id: string;
  contact_a: string;
  contact_b: string;
  created_at: string;
}

export interface LinkedinInvitationTable {
  id: string;
  owner_id: string;
  contact_id: string | null;
  direction: 'incoming' | 'outgoing';
  name: string;
  profile_url: string | null;
  message: string | null;
  sent_on: string | null;
  /** direction + profile URL (or name) + date: makes re-imports idempotent. */
  natural_key: string;
  import_id: string | null;
  created_at: string;
}

export interface AccountProfileTable {
  account_id: string;
  headline: string | null;
  summary: string | null;
  industry: string | null;
  location: string | null;
  linkedin_url: string | null;
  /** JSON array of { label, url }. */
  websites: string;
  /** JSON array of { organisation, title, startedOn, endedOn, description }. */
  positions: string;
  /** JSON arrays of short phrases: the skills of value I offer, and what I am looking for. */
  offers: string;
  needs: string;
  updated_at: string;
}

export type InteractionKind = 'meeting' | 'call' | 'video' | 'email' | 'message' | 'event' | 'note';
export type InteractionDirection = 'outbound' | 'inbound' | 'mutual';

export interface InteractionTable {
  id: string;
  owner_id: string;
  kind: InteractionKind;
  occurred_at: string;
  /** outbound: I reached out; inbound: they did; mutual: both, or it just happened (a meeting). */
  direction: InteractionDirection;
  /** Calls only: 1 answered, 0 not answered, null unknown. */
  answered: number | null;
  summary: string | null;
  source: string;
  external_key: string | null;
  conversation_key: string | null;
  import_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface RelationshipStateTable {
  owner_id: string;
  contact_id: string;
  as_of_ms: number;
  face: number;
  voice: number;
  out_w: number;
  in_w: number;
  favours: number;
  first_at: string | null;
  last_at: string | null;
  /** The owner's own rating, 0 (none) to 5 (closest): a floor for the score. */
  closeness: number;
  /** Keep-in-touch interval chosen for this contact (overrides tags and the tier default). */
  cadence_days: number | null;
  /** 1: "not this person" — no keep-in-touch reminders. */
  cadence_stopped: number;
  next_due: string | null;
  updated_at: string;
  /** Kind and direction of the last contact (for "people waiting on me"). */
  last_kind: string | null;
  last_direction: string | null;
}

export interface FavourTable {
  id: string;
  owner_id: string;
  contact_id: string;
  /** given: I helped them; received: they helped me. */
  direction: 'given' | 'received';
  what: string;
  /** 1 small, 2 medium, 3 large. */
  size: number;
  occurred_on: string;
  interaction_id: string | null;
  source: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PromiseTable {
  id: string;
  owner_id: string;
  contact_id: string;
  /** mine: I promised them; theirs: they promised me. */
  direction: 'mine' | 'theirs';
  what: string;
  due_on: string;
  status: 'open' | 'kept' | 'broken' | 'released';
  resolved_on: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface AgendaActionTable {
  owner_id: string;
  item_key: string;
  action: 'done' | 'snoozed';
  until: string | null;
  created_at: string;
}

export interface AccountSettingsTable {
  account_id: string;
  today_limit: number;
  time_zone: string;
  digest_enabled: number;
  digest_hour: number;
  updated_at: string;
}

export interface DigestSendTable {
  account_id: string;
  day: string;
  status: 'sending' | 'sent' | 'failed';
  items: number;
  message_id: string | null;
  error: string | null;
  sent_at: string;
}

export interface FeedTokenTable {
  id: string;
  account_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface TierHistoryTable {
  owner_id: string;
  day: string;
  inner_n: number;
  close_n: number;
  active_n: number;
  dormant_n: number;
}

export interface InteractionContactTable {
  owner_id: string;
  interaction_id: string;
  contact_id: string;
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
  contact_photos: ContactPhotoTable;
  imports: ImportTable;
  import_issues: ImportIssueTable;
  import_changes: ImportChangeTable;
  contact_sources: ContactSourceTable;
  contact_history: ContactHistoryTable;
  merges: MergeTable;
  duplicate_dismissals: DuplicateDismissalTable;
  linkedin_invitations: LinkedinInvitationTable;
  account_profiles: AccountProfileTable;
  interactions: InteractionTable;
  interaction_contacts: InteractionContactTable;
  relationship_states: RelationshipStateTable;
  favours: FavourTable;
  promises: PromiseTable;
  agenda_actions: AgendaActionTable;
  account_settings: AccountSettingsTable;
  digest_sends: DigestSendTable;
  feed_tokens: FeedTokenTable;
  tier_history: TierHistoryTable;
}
