import { z } from 'zod';
import { id, limitParam, optionalText, page, text, timestamp } from './common';
import { tier } from './relationships';

/**
 * Everything a connection may ever see of one of my findable contacts (docs/adr/0013-network-privacy.md). No ids,
 * no dates, no channels other than a public LinkedIn profile link: the presenter in core/network builds exactly this.
 */
export const sharedContact = z.object({
  displayName: z.string(),
  organisation: z.string().nullable(),
  title: z.string().nullable(),
  /** The account that knows this person. */
  knownBy: z.object({ accountId: z.string(), name: z.string() }),
  /** Coarse relationship strength, only when the owner shares tiers. */
  tier: tier.nullable(),
  /** https://www.linkedin.com/in/<slug>, only when the owner shares LinkedIn links. */
  linkedinUrl: z.string().nullable(),
});
export type SharedContact = z.infer<typeof sharedContact>;

export const ACCESS_EVENTS = ['search-hit', 'path', 'intro-request'] as const;
export const accessEvent = z.enum(ACCESS_EVENTS);
export type AccessEvent = z.infer<typeof accessEvent>;

// --- Accounts, connections and invitations -------------------------------------------------------------------

/** Ids as `a,b,c` in a query string (or already a list, when the server's parsed query is validated again). */
const csvIds = (max: number) =>
  z
    .union([text().max(max * 65), z.array(text())])
    .transform((v) => [
      ...new Set((typeof v === 'string' ? v.split(',') : v).map((x) => x.trim()).filter(Boolean)),
    ])
    .pipe(z.array(id).min(1, 'name at least one id').max(max, `at most ${max} ids`));

/** Another account as my network shows it: its id and name, nothing else. */
export const accountRef = z.object({ id: z.string(), name: z.string() });
export type AccountRef = z.infer<typeof accountRef>;

export const CONNECTION_STATES = ['accepted', 'incoming', 'outgoing'] as const;
export const connection = z.object({
  id: z.string(),
  account: accountRef,
  /**
   * accepted; incoming: they asked, I decide; outgoing: I asked, they decide; declined: they said no (only the
   * inviter sees this, so a new invitation is not sent blindly).
   */
  status: z.enum(['accepted', 'incoming', 'outgoing', 'declined']),
  /** The note the inviter wrote. */
  message: z.string().nullable(),
  /** Incoming only: the inviter's sign-in email and whether the inviter proved it, so I can tell who it is. */
  email: z.string().nullable(),
  emailVerified: z.boolean().nullable(),
  /** Accepted only: what their profile shows my connections. */
  headline: z.string().nullable(),
  organisation: z.string().nullable(),
  /** The contact in my rolodex that stands for them (accepted connections). */
  contactId: z.string().nullable(),
  createdAt: timestamp,
  respondedAt: timestamp.nullable(),
});
export type Connection = z.infer<typeof connection>;
export const connectionListQuery = z.strictObject({
  state: z.enum(CONNECTION_STATES).default('accepted'),
  limit: limitParam,
  cursor: text().max(500).optional(),
});
export const connectionPage = page(connection);

/** Invite by email (an account with that verified address gets it in-app, anyone else by mail), by one of my contacts, or neither (a link to copy). */
export const inviteInput = z.strictObject({
  email: z
    .string()
    .trim()
    .max(320)
    .pipe(z.email({ message: 'must be an email address' }))
    .optional(),
  contactId: id.optional(),
  message: optionalText(1000),
});
export type InviteInput = z.input<typeof inviteInput>;

export const INVITE_STATUSES = ['open', 'used', 'revoked', 'expired'] as const;
export const invite = z.object({
  id: z.string(),
  /** Where it was mailed (null: a link to copy). */
  email: z.string().nullable(),
  message: z.string().nullable(),
  status: z.enum(INVITE_STATUSES),
  createdAt: timestamp,
  expiresAt: timestamp,
  usedAt: timestamp.nullable(),
  usedBy: accountRef.nullable(),
});
export type Invite = z.infer<typeof invite>;
export const createdInvite = invite.extend({
  /** The one-time secret and its link: shown in this response only. */
  token: z.string(),
  url: z.string(),
  /** Whether the link went out by mail (false: no mail server, or a link-only invitation). */
  emailed: z.boolean(),
});
export const inviteResult = z.object({
  /** Set when the invitation reached an account in-app (a pending connection). */
  connection: connection.nullable(),
  /** Set when a one-time link was made (mailed, or to copy). */
  invite: createdInvite.nullable(),
});
export type InviteResult = z.infer<typeof inviteResult>;
export const inviteList = z.object({ items: z.array(invite) });
/** A one-time link's secret, or the whole link (invitations, email verification). */
export const tokenInput = z.strictObject({ token: text().trim().min(16).max(2048) });
export const invitePreview = z.object({
  from: z.object({ name: z.string() }),
  message: z.string().nullable(),
  expiresAt: timestamp,
});

export const onRapportQuery = z.strictObject({ contactIds: csvIds(200) });
export const onRapport = z.object({
  items: z.array(
    z.object({
      contactId: z.string(),
      account: accountRef,
      /**
       * How: the contact stands for a connection; or it has the account's verified email; or the LinkedIn profile
       * URL that account's own LinkedIn export carries (self-asserted: docs/adr/0013-network-privacy.md).
       */
      match: z.enum(['connection', 'email', 'linkedin']),
      connection: z.object({ id: z.string(), status: connection.shape.status }).nullable(),
    }),
  ),
});

// --- Profiles -------------------------------------------------------------------------------------------------

/** What my connections see of me (and nobody else): offers and needs only when I chose to show them. */
/** One of my connections and the offers of theirs that fit what I am looking for (they show offers to connections). */
export const connectionOffer = z.object({
  accountId: z.string(),
  name: z.string(),
  headline: z.string().nullable(),
  /** Their offers that fit, best first. */
  offers: z.array(z.string()),
});
export type ConnectionOffer = z.infer<typeof connectionOffer>;

export const connectionProfile = z.object({
  accountId: z.string(),
  name: z.string(),
  headline: z.string().nullable(),
  organisation: z.string().nullable(),
  offers: z.array(z.string()).nullable(),
  needs: z.array(z.string()).nullable(),
});
export type ConnectionProfile = z.infer<typeof connectionProfile>;

export const networkMe = z.object({
  accountId: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  emailVerifiedAt: timestamp.nullable(),
  /** Exactly what my connections see of me. */
  profile: connectionProfile,
  counts: z.object({
    connections: z.number(),
    incoming: z.number(),
    outgoing: z.number(),
    unreadMessages: z.number(),
  }),
});
export const emailVerificationSent = z.object({ sentTo: z.string(), expiresAt: timestamp });
export const emailVerified = z.object({ emailVerifiedAt: timestamp });

// --- Direct messages ------------------------------------------------------------------------------------------

export const MESSAGE_MAX = 5000;
export const messageInput = z.strictObject({ body: text().trim().min(1, 'is empty').max(MESSAGE_MAX) });
export const directMessage = z.object({
  id: z.string(),
  fromMe: z.boolean(),
  sender: accountRef,
  body: z.string(),
  createdAt: timestamp,
  /** When the recipient read it. */
  readAt: timestamp.nullable(),
});
export type DirectMessage = z.infer<typeof directMessage>;
export const messagePageQuery = z.strictObject({ limit: limitParam, cursor: text().max(500).optional() });
export const messagePage = page(directMessage);
export const thread = z.object({
  connectionId: z.string(),
  account: accountRef,
  lastMessage: z.object({ preview: z.string(), fromMe: z.boolean(), createdAt: timestamp }),
  unread: z.number(),
});
export const threadList = z.object({ items: z.array(thread) });

// --- Sharing policy -------------------------------------------------------------------------------------------

export const sharingSettings = z.object({
  /** Connections see a coarse strength tier of my findable contacts. */
  shareTier: z.boolean(),
  /** Connections see a public LinkedIn profile link of my findable contacts. */
  shareLinkedin: z.boolean(),
});
export const sharingSettingsInput = z.strictObject({
  shareTier: z.boolean().optional(),
  shareLinkedin: z.boolean().optional(),
});
const contactRef = z.object({ id: z.string(), displayName: z.string() });
const explicitList = z.object({ total: z.number(), items: z.array(contactRef) });
export const sharingOverview = z.object({
  settings: sharingSettings,
  /** Every live tag: findable ones make their contacts findable unless a contact says private. */
  tags: z.array(
    z.object({ id: z.string(), name: z.string(), findable: z.boolean(), contactCount: z.number() }),
  ),
  /** Contacts that decide for themselves (the first 200 of each, by name). */
  contacts: z.object({ findable: explicitList, private: explicitList }),
  /** How many of my contacts my connections can find right now. */
  findableCount: z.number(),
});
export type SharingOverview = z.infer<typeof sharingOverview>;
export const tagSharingInput = z.strictObject({
  tagIds: z.array(id).min(1, 'name at least one tag').max(200),
  findable: z.boolean(),
});
export const CONTACT_SHARES = ['findable', 'private', 'default'] as const;
export const contactSharingInput = z.strictObject({
  contactIds: z.array(id).min(1, 'name at least one contact').max(1000),
  /** findable or private decide for the contact; default follows its tags. */
  share: z.enum(CONTACT_SHARES),
});
export const contactSharingQuery = z.strictObject({ contactIds: csvIds(200) });
export const contactSharing = z.object({
  items: z.array(
    z.object({
      contactId: z.string(),
      share: z.enum(CONTACT_SHARES),
      /** Whether my connections can find this contact right now, and why. */
      findable: z.boolean(),
      findableTags: z.array(z.string()),
    }),
  ),
});

// --- Access log -----------------------------------------------------------------------------------------------

export const accessLogEntry = z.object({
  id: z.string(),
  at: timestamp,
  /** Who saw it (null when that account is gone). */
  actor: accountRef.nullable(),
  event: accessEvent,
  /** What they searched for, as typed. */
  query: z.string().nullable(),
  /** Which of my contacts appeared (null when it was since purged). */
  contact: contactRef.nullable(),
  introductionId: z.string().nullable(),
});
export const accessLogQuery = z.strictObject({ limit: limitParam, cursor: text().max(500).optional() });
export const accessLogPage = page(accessLogEntry);
export const threadRead = z.object({ marked: z.number() });

// --- The network graph: my side of the network to explore --------------------------------------------------

export const networkGraphQuery = z.strictObject({
  /** How many contacts to draw: the strongest relationships first, then the most recently connected. */
  limit: z.coerce.number().int().min(10).max(300).default(100),
});
export const graphNode = z.object({
  /** `me`, a contact id, `org:<id>` or `account:<id>`. */
  id: z.string(),
  kind: z.enum(['me', 'contact', 'organisation', 'account']),
  label: z.string(),
  /** Contacts: their strength now (0–100) and tier. */
  score: z.number().nullable(),
  tier: tier.nullable(),
  /** Contacts: title and organisation, as on the contact page. */
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  /** Contacts that stand for a connected account, and connected accounts with no contact of their own. */
  accountId: z.string().nullable(),
});
export type GraphNode = z.infer<typeof graphNode>;
export const graphLink = z.object({
  source: z.string(),
  target: z.string(),
  /** knows: me → a contact (its tier); works-at: contact → organisation; connected: me → a Rapport account. */
  kind: z.enum(['knows', 'works-at', 'connected']),
});
export type GraphLink = z.infer<typeof graphLink>;
export const networkGraph = z.object({
  nodes: z.array(graphNode),
  links: z.array(graphLink),
  /** Live contacts in all, of which `shown` are drawn. */
  totalContacts: z.number(),
  shown: z.number(),
});
export type NetworkGraph = z.infer<typeof networkGraph>;
