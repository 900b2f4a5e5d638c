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
  /** When the account proved it reads mail at `email` (null: not verified). */
  email_verified_at: string | null;
}

export interface EmailVerificationTable {
  id: string;
  account_id: string;
  email_norm: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A sign-up waiting for its e-mailed link (migration 0031); not account data, never backed up. */
export interface PendingSignupTable {
  id: string;
  email: string;
  email_norm: string;
  name: string;
  password_hash: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface SessionTable {
  id: string;
  account_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
  /** Set when something other than its own browser ended it (kept a few days to tell that browser why). */
  ended_at: string | null;
  end_reason: 'password_changed' | 'signed_out_elsewhere' | null;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  /** 'full' or 'read' (GET/HEAD only), migration 0030. */
  scope: 'full' | 'read';
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
  /** The organisation this one was merged into (it is then also trashed, but stays: undo and its name need it). */
  merged_into: string | null;
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
  /** Sharing with connections: null follows the contact's tags; 'findable' or 'private' decide for it. */
  share: 'findable' | 'private' | null;
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
  /** 1 when my connections may find contacts with this tag (0 by default). */
  findable: number;
}

/** The folded name of a tag merged into another, leading to the tag it now lives in (migration 0019). */
export interface TagMergedNameTable {
  owner_id: string;
  name_norm: string;
  tag_id: string;
  merged_at: string;
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

/** A contact an address book (CardDAV) wrote: the client's name for its card, its UID and its text. */
export interface CarddavCardTable {
  contact_id: string;
  owner_id: string;
  name: string;
  uid: string | null;
  raw: string;
  updated_at: string;
}

/** What address-book clients were last told of each card (null once removed), by change number (ADR 18). */
export interface CarddavChangeTable {
  owner_id: string;
  name: string;
  etag: string | null;
  seq: number;
}

/** A change number an address book gave out as a sync token (migration 0040). */
export interface CarddavSyncTokenTable {
  owner_id: string;
  seq: number;
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
  /** How many rows the issue stands for when more than one (migration 0033); null for one. */
  rows: number | null;
}

export interface ImportChangeTable {
  id: string;
  import_id: string;
  owner_id: string;
  entity:
    | 'contact'
    | 'organisation'
    | 'tag'
    | 'position'
    | 'invitation'
    | 'interaction'
    | 'profile'
    | 'outreach';
  entity_id: string;
  action: 'created' | 'updated';
  /** JSON state of the entity before the import changed it (for `updated`). */
  before: string | null;
  /** JSON state of a contact as the import's update left it (migration 0018); null before that, and for the rest. */
  after?: string | null;
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

export interface OrganisationMergeTable {
  id: string;
  owner_id: string;
  kept_id: string;
  merged_id: string;
  /** JSON: which contacts and past positions moved, and which of the kept organisation's fields were filled. */
  moved: string;
  created_at: string;
  undone_at: string | null;
}

export interface DuplicateDismissalTable {
  owner_id: string;
  contact_a: string;
  contact_b: string;
  created_at: string;
}

/** Two organisations the owner said are different companies (smaller id first). */
export interface OrganisationDismissalTable {
  owner_id: string;
  organisation_a: string;
  organisation_b: string;
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
  organisation: string | null;
  /** 1 when my connections see my offers / needs. */
  show_offers: number;
  show_needs: number;
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
  /** 1: only the day is known; occurred_at is midday in the account's zone (now, when logged that day). */
  date_only: number;
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
  /** 1 when connections may see a coarse strength tier / a public LinkedIn link of my findable contacts. */
  share_tier: number;
  share_linkedin: number;
  /** ISO 3166 alpha-2 country in which phone numbers written without a country code are read; null: none. */
  phone_region: string | null;
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
  /** What the owner calls it (migration 0017); null when unnamed. */
  name: string | null;
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

export interface PurposeTable {
  id: string;
  owner_id: string;
  name: string;
  name_norm: string;
  description: string | null;
  target_count: number | null;
  deadline: string | null;
  /** JSON array of `{ id, name, role }` stages in pipeline order (docs/adr/0011-purposes.md). */
  stages: string;
  cadence_days: number | null;
  follow_up_days: number | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PurposeItemTable {
  id: string;
  owner_id: string;
  purpose_id: string;
  contact_id: string;
  stage: string;
  stage_since: string;
  position: number;
  next_step: string | null;
  next_step_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface PurposeStageMoveTable {
  id: string;
  owner_id: string;
  item_id: string;
  from_stage: string | null;
  to_stage: string;
  moved_at: string;
  source: string;
}

export interface OutreachTemplateTable {
  id: string;
  owner_id: string;
  name: string;
  subject: string | null;
  body: string;
  channel: string | null;
  follow_up_days: number | null;
  purpose_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface OutreachItemTable {
  id: string;
  owner_id: string;
  contact_id: string;
  reason: string;
  connected_on: string | null;
  purpose_id: string | null;
  template_id: string | null;
  state: string;
  queued_at: string;
  sent_at: string | null;
  replied_at: string | null;
  reply_interaction_id: string | null;
  follow_up_on: string | null;
  followed_up_at: string | null;
  /** Null while the item is open: one open item per contact. */
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OutreachMessageTable {
  id: string;
  owner_id: string;
  item_id: string;
  contact_id: string;
  kind: string;
  channel: string;
  to_address: string | null;
  subject: string | null;
  body: string;
  personal_line: string;
  fingerprint: string;
  send_key: string;
  status: string;
  error: string | null;
  attempts: number;
  message_id: string | null;
  template_id: string | null;
  purpose_id: string | null;
  interaction_id: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface ConnectionTable {
  id: string;
  /** The pair, smaller account id first. */
  account_lo: string;
  account_hi: string;
  requested_by: string;
  status: 'pending' | 'accepted' | 'declined';
  message: string | null;
  lo_contact_id: string | null;
  hi_contact_id: string | null;
  created_at: string;
  responded_at: string | null;
  updated_at: string;
}

export interface ConnectionInviteTable {
  id: string;
  from_account_id: string;
  email_norm: string | null;
  token_hash: string;
  message: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  revoked_at: string | null;
}

export interface DirectMessageTable {
  id: string;
  connection_id: string;
  sender_id: string;
  body: string;
  created_at: string;
  read_at: string | null;
}

export interface AccessLogTable {
  id: string;
  /** Whose contact appeared. */
  owner_id: string;
  /** Who saw it. */
  actor_id: string | null;
  event: string;
  query: string | null;
  contact_id: string | null;
  introduction_id: string | null;
  created_at: string;
}

export interface NetworkSearchTable {
  id: string;
  account_id: string;
  kind: string;
  query: string;
  result_count: number;
  created_at: string;
}

export interface IntroductionTable {
  id: string;
  requester_id: string;
  broker_id: string;
  broker_contact_id: string | null;
  target_account_id: string | null;
  target_key: string;
  target_name: string;
  purpose_id: string | null;
  ask_id: string | null;
  why: string;
  state: string;
  broker_note: string | null;
  broker_message: string | null;
  target_email: string | null;
  token_hash: string | null;
  token_expires_at: string | null;
  token_used_at: string | null;
  /** JSON: what the target agreed to share. */
  shared: string | null;
  requester_contact_id: string | null;
  expires_at: string;
  broker_decided_at: string | null;
  target_decided_at: string | null;
  closed_at: string | null;
  outcome: string | null;
  created_at: string;
  updated_at: string;
  /** A broker's decline that was not a choice: 'unreachable' (the person could not be asked); else null. */
  decline_cause: string | null;
  /** When the requester was told it lapsed, or it was settled that nobody would be (ADR 15); null until then. */
  lapse_told_at: string | null;
}

export interface AskTable {
  id: string;
  owner_id: string;
  purpose_id: string | null;
  title: string;
  body: string | null;
  state: string;
  expires_on: string;
  closed_at: string | null;
  thanks: string | null;
  created_at: string;
  updated_at: string;
}

export interface AskAnswerTable {
  id: string;
  ask_id: string;
  responder_id: string;
  kind: string;
  note: string | null;
  introduction_id: string | null;
  created_at: string;
}

/** Server-wide values that belong to no account (the person-key secret, the network index version). */
export interface ServerStateTable {
  name: string;
  value: string;
  updated_at: string;
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
  tag_merged_names: TagMergedNameTable;
  contact_photos: ContactPhotoTable;
  carddav_cards: CarddavCardTable;
  carddav_changes: CarddavChangeTable;
  carddav_sync_tokens: CarddavSyncTokenTable;
  imports: ImportTable;
  import_issues: ImportIssueTable;
  import_changes: ImportChangeTable;
  contact_sources: ContactSourceTable;
  contact_history: ContactHistoryTable;
  merges: MergeTable;
  organisation_merges: OrganisationMergeTable;
  duplicate_dismissals: DuplicateDismissalTable;
  organisation_dismissals: OrganisationDismissalTable;
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
  purposes: PurposeTable;
  purpose_items: PurposeItemTable;
  purpose_stage_moves: PurposeStageMoveTable;
  outreach_templates: OutreachTemplateTable;
  outreach_items: OutreachItemTable;
  outreach_messages: OutreachMessageTable;
  connections: ConnectionTable;
  connection_invites: ConnectionInviteTable;
  direct_messages: DirectMessageTable;
  access_log: AccessLogTable;
  network_searches: NetworkSearchTable;
  introductions: IntroductionTable;
  asks: AskTable;
  ask_answers: AskAnswerTable;
  server_state: ServerStateTable;
  email_verifications: EmailVerificationTable;
  pending_signups: PendingSignupTable;
}
