import { z } from 'zod';
import { id, isoDate, limitParam, page, text, timestamp } from './common';
import { purposePace } from './purposes';

export const INTERACTION_KINDS = ['meeting', 'call', 'video', 'email', 'message', 'event', 'note'] as const;
export const interactionKind = z.enum(INTERACTION_KINDS);
export const interactionDirection = z.enum(['outbound', 'inbound', 'mutual']);

const contactIds = z.array(id).min(1, 'name at least one contact').max(50);

export const interactionInput = z.strictObject({
  kind: interactionKind,
  contactIds,
  /**
   * When it happened: an ISO-8601 time with an offset, or a day alone (YYYY-MM-DD) when the time is not known (the
   * interaction is then `dateOnly`); now when left out. Not in the future.
   */
  occurredAt: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: 'must be an ISO time with an offset (2026-11-20T14:30:00Z) or a day (2026-11-20)',
    })
    .optional(),
  /** outbound: I reached out; inbound: they did; mutual: both, or it just happened. */
  direction: interactionDirection.default('mutual'),
  /** Calls: whether it was answered. */
  answered: z.boolean().nullable().optional(),
  summary: text().trim().max(5000).nullable().optional(),
});
export type InteractionInput = z.input<typeof interactionInput>;
/** Only what is sent changes: no defaults here, so correcting a summary keeps the direction. */
export const interactionUpdateInput = interactionInput.extend({ direction: interactionDirection }).partial();

export const interaction = z.object({
  id: z.string(),
  kind: interactionKind,
  occurredAt: timestamp,
  /** Only the day is known: show occurredAt's day (in the account's time zone) and no time. */
  dateOnly: z.boolean(),
  direction: interactionDirection,
  answered: z.boolean().nullable(),
  summary: z.string().nullable(),
  source: z.string(),
  contacts: z.array(z.object({ id: z.string(), displayName: z.string() })),
  createdAt: timestamp,
});
export type Interaction = z.infer<typeof interaction>;
export const interactionListQuery = z.strictObject({
  contact: text().max(64).optional(),
  limit: limitParam,
  cursor: text().max(500).optional(),
});
export const interactionPage = z.object({ items: z.array(interaction), nextCursor: z.string().nullable() });

export const tier = z.enum(['inner', 'close', 'active', 'dormant']);
export const strengthFactor = z.object({
  kind: z.enum(['face', 'voice', 'reciprocated', 'one-way', 'favours', 'duration', 'floor']),
  points: z.number(),
  /** Plain-language reason, e.g. "met in person 12 days ago". */
  text: z.string(),
});
export const relationship = z.object({
  contactId: z.string(),
  score: z.number(),
  tier,
  factors: z.array(strengthFactor),
  closeness: z.number().int().min(0).max(5),
  lastContactAt: timestamp.nullable(),
  /** The last contact was logged with its day only (its time is a stand-in): show the day alone. */
  lastContactDateOnly: z.boolean(),
  /** What the last contact was: a kind of interaction, or a favour (given or received: that is contact too). */
  lastContactKind: z.enum([...INTERACTION_KINDS, 'favour']).nullable(),
  /** Keep in touch every N days (null: no reminder), and where that comes from. */
  cadence: z.object({
    days: z.number().nullable(),
    source: z.enum(['contact', 'tag', 'tier', 'purpose', 'stopped', 'none']),
    /** Source `tag`: the tag whose interval applies (the shortest among the contact's tags). */
    tag: z.object({ id: z.string(), name: z.string() }).optional(),
  }),
  nextDue: isoDate.nullable(),
  /** `given`/`received` weigh each favour by its size (small 1, medium 2, large 3); the counts do not. */
  favours: z.object({
    given: z.number(),
    received: z.number(),
    balance: z.number(),
    givenCount: z.number().int(),
    receivedCount: z.number().int(),
  }),
});
export type Relationship = z.infer<typeof relationship>;

export const lapsedQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });
/** Contacts past their keep-in-touch date, most urgent first (strength × how long overdue). */
export const lapsedList = z.object({
  date: isoDate,
  items: z.array(
    z.object({
      contact: z.object({ id: z.string(), displayName: z.string() }),
      score: z.number(),
      tier,
      lastContactAt: timestamp.nullable(),
      nextDue: isoDate,
      cadenceDays: z.number(),
      daysOverdue: z.number(),
    }),
  ),
  /** More lapsed contacts exist beyond `limit`. */
  more: z.boolean(),
});

export const relationshipSettingsInput = z.strictObject({
  /** 0 none … 5 closest: a floor the score never decays below. */
  closeness: z.number().int().min(0).max(5).optional(),
  /** Keep in touch every N days; null goes back to the tag or tier default. */
  cadenceDays: z.number().int().min(1).max(3650).nullable().optional(),
  /** true: "not this person" (no keep-in-touch reminders). */
  stopped: z.boolean().optional(),
});
export const tagCadenceInput = z.strictObject({ cadenceDays: z.number().int().min(1).max(3650).nullable() });

export const FAVOUR_SIZES = [1, 2, 3] as const;
const favourSize = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const favourInput = z.strictObject({
  contactId: id,
  /** given: I helped them; received: they helped me. */
  direction: z.enum(['given', 'received']),
  what: text().trim().min(1, 'is required').max(500),
  /** 1 small, 2 medium, 3 large. */
  size: favourSize.default(1),
  occurredOn: isoDate.optional(),
  interactionId: id.nullable().optional(),
});
/** Only what is sent changes (no default size); the contact too, when it was entered against the wrong person. */
export const favourUpdateInput = favourInput.extend({ size: favourSize }).partial();
export const favour = z.object({
  id: z.string(),
  contact: z.object({ id: z.string(), displayName: z.string() }),
  direction: z.enum(['given', 'received']),
  what: z.string(),
  size: z.number(),
  occurredOn: isoDate,
  interactionId: z.string().nullable(),
  source: z.string(),
  createdAt: timestamp,
});
export type Favour = z.infer<typeof favour>;
/** Favours newest first (ties by id), optionally with one contact; `cursor` is the previous page's `nextCursor`. */
export const favourListQuery = z.strictObject({
  contact: text().max(64).optional(),
  limit: limitParam,
  cursor: text().max(500).optional(),
});
export const favourPage = page(favour);
export const favourBalance = z.object({
  given: z.number(),
  received: z.number(),
  /** Per person: positive when I have given more than received (weighted by size). */
  people: z.array(
    z.object({
      contact: z.object({ id: z.string(), displayName: z.string() }),
      given: z.number(),
      received: z.number(),
      balance: z.number(),
    }),
  ),
});

export const promiseInput = z.strictObject({
  contactId: id,
  /** mine: I promised them; theirs: they promised me. */
  direction: z.enum(['mine', 'theirs']),
  what: text().trim().min(1, 'is required').max(500),
  dueOn: isoDate,
});
export const promiseUpdateInput = z.strictObject({
  contactId: id.optional(),
  direction: z.enum(['mine', 'theirs']).optional(),
  what: text().trim().min(1, 'is required').max(500).optional(),
  dueOn: isoDate.optional(),
  status: z.enum(['open', 'kept', 'broken', 'released']).optional(),
  /** When it was kept, broken or released, if not today (kept yesterday, marked this morning). */
  resolvedOn: isoDate.optional(),
});
export const promiseView = z.object({
  id: z.string(),
  contact: z.object({ id: z.string(), displayName: z.string() }),
  direction: z.enum(['mine', 'theirs']),
  what: z.string(),
  dueOn: isoDate,
  status: z.enum(['open', 'kept', 'broken', 'released']),
  resolvedOn: isoDate.nullable(),
  overdue: z.boolean(),
  createdAt: timestamp,
});
export type PromiseView = z.infer<typeof promiseView>;
export const promisePage = page(promiseView);
export const promiseStats = z.object({
  /** Share of my promises due in the window that I kept on time (null when none fell due). */
  keptOnTime90Days: z.number().nullable(),
  keptOnTimeAllTime: z.number().nullable(),
  open: z.number(),
  overdue: z.number(),
});

export const TODAY_KINDS = [
  'promise',
  'waiting',
  'birthday',
  'keep-in-touch',
  'favour-owed',
  'their-promise',
  // Outreach, purposes and the network (docs/adr/0009).
  'follow-up',
  'new-connection',
  'purpose-stale',
  'introduction',
  'connection-request',
  'ask',
  'thank-broker',
] as const;
export const todayItem = z.object({
  /** Stable key: done and snooze refer to it. */
  key: z.string(),
  kind: z.enum(TODAY_KINDS),
  title: z.string(),
  /** Why this is on the list today. */
  reason: z.string(),
  contact: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /**
   * The one-click action the web app and CLI offer; for `log-interaction`, the kind of interaction the log starts
   * as (a reply goes back the way their last word came).
   */
  action: z.object({ kind: z.string(), label: z.string(), logAs: z.enum(INTERACTION_KINDS).optional() }),
  dueOn: isoDate.nullable(),
  rank: z.number(),
});
export type TodayItem = z.infer<typeof todayItem>;
export const todayList = z.object({ date: isoDate, items: z.array(todayItem), more: z.number() });
export const todayActionInput = z.strictObject({
  /** `undo`: the item comes back as if neither done nor snoozed (not for my promise: reopen that instead). */
  action: z.enum(['done', 'snooze', 'undo']),
  /** Snooze until this day (required with snooze). */
  until: isoDate.optional(),
});

/** The newest day the daily digest was due: when it was last tried, and how it ended (`error` when it failed). */
export const lastDigestSend = z.object({
  /** The account's local day (YYYY-MM-DD). */
  day: isoDate,
  /** `sent` with 0 items: Today was empty, no e-mail; `sending`: being sent right now. */
  status: z.enum(['sending', 'sent', 'failed']),
  items: z.number().int(),
  at: timestamp,
  error: z.string().nullable(),
});
export type LastDigestSend = z.infer<typeof lastDigestSend>;

export const accountSettings = z.object({
  todayLimit: z.number().int().min(1).max(50),
  timeZone: z.string(),
  digestEnabled: z.boolean(),
  digestHour: z.number().int().min(0).max(23),
  /** The country (ISO 3166 alpha-2) a phone number written without its country code is read in; null: none. */
  phoneRegion: z.string().nullable(),
  /** Whether this server can send e-mail (SMTP_URL): without it the digest never arrives. */
  mailConfigured: z.boolean(),
  lastDigest: lastDigestSend.nullable(),
});
export const accountSettingsInput = z.strictObject({
  todayLimit: z.number().int().min(1).max(50).optional(),
  timeZone: text()
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'is not a known time zone')
    .optional(),
  digestEnabled: z.boolean().optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
  // Whether libphonenumber knows the country is checked by the server (its metadata stays out of the web app).
  phoneRegion: text()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'is not a two-letter country code (ISO 3166), e.g. GB')
    .nullable()
    .optional(),
});

const phrase = text().trim().min(1).max(200);
export const profile = z.object({
  headline: z.string().nullable(),
  summary: z.string().nullable(),
  location: z.string().nullable(),
  offers: z.array(z.string()),
  needs: z.array(z.string()),
  /** Shown to my connections with my name and headline (network profile). */
  organisation: z.string().nullable(),
  /** Whether my connections see my offers / needs. */
  showOffers: z.boolean(),
  showNeeds: z.boolean(),
});
export const profileInput = z.strictObject({
  headline: text().trim().max(300).nullable().optional(),
  summary: text().trim().max(5000).nullable().optional(),
  location: text().trim().max(200).nullable().optional(),
  offers: z.array(phrase).max(50).optional(),
  needs: z.array(phrase).max(50).optional(),
  organisation: text().trim().max(200).nullable().optional(),
  showOffers: z.boolean().optional(),
  showNeeds: z.boolean().optional(),
});

export const charts = z.object({
  health: z.array(
    z.object({ day: isoDate, inner: z.number(), close: z.number(), active: z.number(), dormant: z.number() }),
  ),
  favours: z.array(
    z.object({ month: z.string(), given: z.number(), received: z.number(), balance: z.number() }),
  ),
  promises: z.array(
    z.object({
      month: z.string(),
      onTime: z.number(),
      late: z.number(),
      broken: z.number(),
      overdue: z.number(),
    }),
  ),
  /** The active purposes, by name, each against its target and deadline. */
  purposes: z.array(purposePace),
});
export const todayQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).optional() });
export const todayKeyedAction = todayActionInput.extend({ key: text().min(1).max(300) }).strict();
/** Promises by due date (ties by id), optionally with one contact or in one status; paged as favours are. */
export const promiseListQuery = z.strictObject({
  contact: text().max(64).optional(),
  status: z.enum(['open', 'kept', 'broken', 'released']).optional(),
  limit: limitParam,
  cursor: text().max(500).optional(),
});
