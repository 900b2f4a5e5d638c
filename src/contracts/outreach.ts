import { z } from 'zod';
import { id, isoDate, limitParam, text, timestamp } from './common';
import { MERGE_FIELDS } from './outreach-text';

export * from './outreach-text';

/**
 * email: sent by the server (SMTP); rapport: a direct message on Rapport, sent by the server, only to a contact that
 * stands for an account I am connected with; the others are copied or opened in the user's own channel and marked
 * sent.
 */
export const OUTREACH_CHANNELS = ['email', 'rapport', 'linkedin', 'mailto', 'other'] as const;
/** The channels the server delivers itself (send); the others are marked sent (mark-sent). */
export const SERVER_CHANNELS = ['email', 'rapport'] as const satisfies readonly OutreachChannel[];
export const outreachChannel = z.enum(OUTREACH_CHANNELS);
export type OutreachChannel = z.infer<typeof outreachChannel>;
/** The channels a message has a subject in (an email, a mail-app draft); the others drop a template's subject. */
export const SUBJECT_CHANNELS = ['email', 'mailto'] as const satisfies readonly OutreachChannel[];
export function channelHasSubject(channel: OutreachChannel): boolean {
  return (SUBJECT_CHANNELS as readonly OutreachChannel[]).includes(channel);
}

/**
 * queued: waiting for a personal message; sent: waiting for a reply; followed-up: the one follow-up went out;
 * replied: they answered; closed: no reply after the follow-up (or the follow-up was skipped); dismissed: "not this
 * person".
 */
export const OUTREACH_STATES = ['queued', 'sent', 'followed-up', 'replied', 'closed', 'dismissed'] as const;
export const outreachState = z.enum(OUTREACH_STATES);
export type OutreachState = z.infer<typeof outreachState>;

export const OUTREACH_KINDS = ['first', 'follow-up'] as const;
export const outreachKind = z.enum(OUTREACH_KINDS);

/** New connections connected within this many days enter the queue by themselves; older ones are added by hand. */
export const AUTO_QUEUE_DAYS = 30;
export const DEFAULT_FOLLOW_UP_DAYS = 7;
/** About a quarter of personal messages to new connections get a reply (PRODUCT.md). */
export const REPLY_BASELINE = 0.25;

const ref = z.object({ id: z.string(), name: z.string() });

export const outreachTemplate = z.object({
  id: z.string(),
  name: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  channel: outreachChannel.nullable(),
  followUpDays: z.number().nullable(),
  purpose: ref.nullable(),
  /** Merge fields the subject and body use. */
  fields: z.array(z.enum(MERGE_FIELDS)),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type OutreachTemplate = z.infer<typeof outreachTemplate>;

const followUpDays = z.number().int().min(1).max(365);
export const outreachTemplateInput = z.strictObject({
  name: text().trim().min(1, 'is required').max(100),
  subject: text().trim().max(300).nullable().optional(),
  body: text().trim().min(1, 'is required').max(8000),
  channel: outreachChannel.nullable().optional(),
  /** Suggest a follow-up this many days after a message without reply (else the purpose's, else 7). */
  followUpDays: followUpDays.nullable().optional(),
  purposeId: id.nullable().optional(),
});
export type OutreachTemplateInput = z.input<typeof outreachTemplateInput>;
export const outreachTemplateUpdateInput = outreachTemplateInput.partial();

export const outreachMessage = z.object({
  id: z.string(),
  kind: outreachKind,
  channel: outreachChannel,
  to: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string(),
  /** sending: claimed, on its way; failed: the SMTP server refused it (see error; retry with the same sendKey). */
  status: z.enum(['sending', 'sent', 'failed']),
  error: z.string().nullable(),
  attempts: z.number(),
  sendKey: z.string(),
  templateId: z.string().nullable(),
  purposeId: z.string().nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
});
export type OutreachMessage = z.infer<typeof outreachMessage>;

export const outreachItem = z.object({
  id: z.string(),
  state: outreachState,
  /** new-connection: entered by itself; added: added by hand. */
  reason: z.enum(['new-connection', 'added']),
  contact: z.object({
    id: z.string(),
    displayName: z.string(),
    title: z.string().nullable(),
    organisation: z.string().nullable(),
    /** Where the contact came from: linkedin, web, csv… */
    source: z.string(),
  }),
  connectedOn: isoDate.nullable(),
  purpose: ref.nullable(),
  queuedAt: timestamp,
  sentAt: timestamp.nullable(),
  repliedAt: timestamp.nullable(),
  /** The day a follow-up is suggested (after the first message) or the item closes (after the follow-up). */
  followUpOn: isoDate.nullable(),
  followedUpAt: timestamp.nullable(),
  /** A follow-up is suggested today. */
  followUpDue: z.boolean(),
  closedAt: timestamp.nullable(),
  /** The latest message, e.g. to show a failed send. */
  lastMessage: outreachMessage.nullable(),
  /**
   * A queued person already got a personal message outside outreach since they connected (since they were added,
   * for one added by hand): an outbound email or message to them alone in the log (not one to a group) — a Rapport
   * direct message, one logged by hand, one a LinkedIn import brought. They need no first message, so they are out of the queue and off Today; it is
   * not an outreach send and counts in no response rate. The earliest such message; null otherwise.
   */
  writtenOutside: z
    .object({ interactionId: z.string(), at: timestamp, kind: z.string(), source: z.string() })
    .nullable(),
});
export type OutreachItem = z.infer<typeof outreachItem>;

/** Queue views: queued (default), awaiting a reply, follow-ups due today, replied, closed, dismissed, all. */
export const OUTREACH_VIEWS = [
  'queued',
  'awaiting',
  'follow-up',
  'replied',
  'closed',
  'dismissed',
  'all',
] as const;
export const outreachQueueQuery = z.strictObject({
  view: z.enum(OUTREACH_VIEWS).default('queued'),
  /**
   * Those waiting for a message (`queued`, `all`): newest connection first (default), or `oldest` first, who waited
   * longest, for working through a week's backlog before it goes stale.
   */
  order: z.enum(['newest', 'oldest']).default('newest'),
  purpose: id.optional(),
  /** Words of the contact's name, or a phone number (any prefix), folded as contact search folds them. */
  q: text().trim().max(100).optional(),
  limit: limitParam,
  cursor: text().max(500).optional(),
});
export const outreachQueuePage = z.object({
  items: z.array(outreachItem),
  nextCursor: z.string().nullable(),
  counts: z.object({
    queued: z.number(),
    awaiting: z.number(),
    followUpDue: z.number(),
    replied: z.number(),
  }),
});
export type OutreachQueuePage = z.infer<typeof outreachQueuePage>;

export const outreachItemDetail = outreachItem.extend({
  person: z.object({
    emails: z.array(z.string()),
    linkedinUrl: z.string().nullable(),
    location: z.string().nullable(),
    howWeMet: z.string().nullable(),
  }),
  /** How we're connected: the invitation and its note when LinkedIn's export had one. */
  invitation: z
    .object({
      direction: z.enum(['incoming', 'outgoing']),
      message: z.string().nullable(),
      sentOn: z.string().nullable(),
    })
    .nullable(),
  /** Purposes the contact is on, with its stage there. */
  purposes: z.array(z.object({ id: z.string(), name: z.string(), stage: z.string() })),
  /** A starting point for the composer: the suggested template's draft, merge fields unfilled. */
  suggestion: z.object({
    templateId: z.string().nullable(),
    kind: outreachKind,
    channel: outreachChannel,
    subject: z.string().nullable(),
    body: z.string(),
    purposeId: z.string().nullable(),
  }),
  /** The values the merge fields take for this person (the composer previews with them). */
  mergeValues: z.record(z.string(), z.string().nullable()),
  /** The account this contact stands for when we are connected on Rapport (the `rapport` channel reaches it). */
  rapport: z.object({ account: ref }).nullable(),
  messages: z.array(outreachMessage),
});
export type OutreachItemDetail = z.infer<typeof outreachItemDetail>;

export const outreachAddInput = z.strictObject({
  contactIds: z.array(id).min(1, 'name at least one contact').max(500),
  purposeId: id.nullable().optional(),
});
export const outreachAddResult = z.object({ added: z.number(), alreadyQueued: z.number() });

/** A draft: the body (and subject) may still hold merge fields; the template is what it started from. */
export const outreachDraft = z.strictObject({
  kind: outreachKind.default('first'),
  channel: outreachChannel,
  templateId: id.nullable().optional(),
  purposeId: id.nullable().optional(),
  subject: text().max(300).nullable().optional(),
  body: text().max(8000),
  /** Email only: one of the contact's addresses (default: the first). */
  to: text().trim().max(320).optional(),
});
export type OutreachDraft = z.input<typeof outreachDraft>;

export const outreachSendInput = outreachDraft.extend({
  /** Chosen by the client once per message: the same key never sends twice (a retry returns the same message). */
  sendKey: text().trim().min(8, 'must be at least 8 characters').max(100),
  /**
   * mark-sent only: when you sent it in your own channel (default: now), e.g. a LinkedIn message of last week
   * recorded today; the follow-up day and the time to reply count from it. Not in the future, not before the day
   * you connected (a first message), not before the first message (a follow-up). The server's own sends are now.
   */
  sentAt: z.iso.datetime({ offset: true }).optional(),
});
export type OutreachSendInput = z.input<typeof outreachSendInput>;

/** Which message to take back: the item's latest, marked sent in your own channel. */
export const outreachUndoSentInput = z.strictObject({ messageId: id });

export const outreachPreview = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  unknownFields: z.array(z.string()),
  emptyFields: z.array(z.string()),
  personal: z.object({
    line: z.string(),
    words: z.number(),
    chars: z.number(),
    ok: z.boolean(),
    reason: z.string().nullable(),
  }),
  /** The same text or personal line already went to someone else: sending is refused. */
  duplicate: z
    .object({ contact: z.object({ id: z.string(), displayName: z.string() }), why: z.string() })
    .nullable(),
  /** Sending would be accepted (problems listed otherwise). */
  ok: z.boolean(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type OutreachPreview = z.infer<typeof outreachPreview>;

export const outreachSendResult = z.object({ message: outreachMessage, item: outreachItem });
export type OutreachSendResult = z.infer<typeof outreachSendResult>;

export const outreachReplyInput = z.strictObject({
  /** When they replied (default: now). */
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  summary: text().trim().max(5000).nullable().optional(),
});

export const outreachStatsQuery = z.strictObject({
  /** Messages first sent on or after this day. */
  since: isoDate.optional(),
  purpose: id.optional(),
});
const rateRow = z.object({
  key: z.string(),
  label: z.string(),
  sent: z.number(),
  replied: z.number(),
  /** replied ÷ sent, null with nothing sent. */
  rate: z.number().nullable(),
  /** Median hours from the first message to the reply. */
  medianHoursToReply: z.number().nullable(),
  /**
   * Of `sent`, still waiting for a reply (no reply, not closed yet): not replied so far, but a reply may still
   * come, so a recent week's rate is low until they are answered or close.
   */
  waiting: z.number(),
});
export type OutreachRateRow = z.infer<typeof rateRow>;
export const outreachStats = z.object({
  baseline: z.number(),
  total: rateRow,
  byPurpose: z.array(rateRow),
  byTemplate: z.array(rateRow),
  byChannel: z.array(rateRow),
  /** key YYYY-MM of the first message. */
  byMonth: z.array(rateRow),
  /** Weekly cohorts: key YYYY-MM-DD, the Monday (UTC) of the week the first message went out. */
  byWeek: z.array(rateRow),
  queue: z.object({ queued: z.number(), awaiting: z.number(), followUpDue: z.number() }),
});
export type OutreachStats = z.infer<typeof outreachStats>;

export const outreachRepliesQuery = z.strictObject({
  purpose: id.optional(),
  template: id.optional(),
  channel: outreachChannel.optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM')
    .optional(),
  limit: limitParam,
});
export const outreachReply = z.object({
  itemId: z.string(),
  contact: z.object({ id: z.string(), displayName: z.string() }),
  channel: outreachChannel,
  purpose: ref.nullable(),
  template: ref.nullable(),
  sentAt: timestamp,
  repliedAt: timestamp,
  hoursToReply: z.number(),
});
export type OutreachReply = z.infer<typeof outreachReply>;
/** The newest `limit` replies, and how many there are in all for the same filter. */
export const outreachReplyList = z.object({ items: z.array(outreachReply), total: z.number() });
export type OutreachReplyList = z.infer<typeof outreachReplyList>;
