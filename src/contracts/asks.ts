import { z } from 'zod';
import { id, isoDate, limitParam, page, text, timestamp } from './common';
import { introParty, introViewState } from './introductions';
import { connectionOffer } from './network';

/** An ask stays open this many days unless its owner says otherwise, and never longer than ASK_MAX_DAYS. */
export const ASK_DEFAULT_DAYS = 30;
export const ASK_MAX_DAYS = 90;

export const ASK_STATES = ['open', 'closed', 'expired'] as const;
export const askState = z.enum(ASK_STATES);

export const askInput = z.strictObject({
  /** The need, in a line ("A guest speaker on supply chain for March"). */
  title: text().trim().min(3, 'say what you need (at least 3 characters)').max(200),
  body: text()
    .max(4000)
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .nullable()
    .optional(),
  /** One of your purposes this serves (only you see it). */
  purposeId: id.nullable().optional(),
  /** Open for this many days (default 30, at most 90). */
  days: z.number().int().min(1).max(ASK_MAX_DAYS).optional(),
});
export type AskInput = z.input<typeof askInput>;

export const askListQuery = z.strictObject({
  /** mine: asks I posted (every state); connections: my connections' open asks. */
  from: z.enum(['mine', 'connections']).default('connections'),
  limit: limitParam,
  /** `nextCursor` of the previous page. */
  cursor: text().max(500).optional(),
});
export type AskListQuery = z.input<typeof askListQuery>;

const answerNote = text()
  .max(2000, 'must be at most 2000 characters')
  .transform((s) => (s.trim() === '' ? null : s.trim()))
  .nullable()
  .optional();

export const askAnswerInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('help'),
    /** How you can help (the asker reads it). */
    note: text().trim().min(1, 'say how you can help').max(2000),
  }),
  z.strictObject({
    kind: z.literal('introduce'),
    /** One of your contacts: an introduction starts with you as broker, already accepted; they still opt in. */
    contactId: id,
    /** For the asker. */
    note: answerNote,
    /** Forwarded to the person with the request. */
    message: answerNote,
  }),
]);
export type AskAnswerInput = z.input<typeof askAnswerInput>;

export const askCloseInput = z.strictObject({
  /** Answers that helped: a favour received is recorded with each of those people. */
  thank: z.array(id).max(50).default([]),
  /** A thank-you, sent to each person thanked. */
  thanks: answerNote,
});

export const askAnswer = z.object({
  id: z.string(),
  responder: introParty,
  kind: z.enum(['help', 'introduce']),
  note: z.string().nullable(),
  /** For "I can introduce you": the introduction it started, as the asker sees it. */
  introduction: z.object({ id: z.string(), targetName: z.string(), state: introViewState }).nullable(),
  createdAt: timestamp,
});
export type AskAnswer = z.infer<typeof askAnswer>;

/**
 * An ask as the caller sees it: its owner sees everything, including every answer; a connection sees the ask and
 * only their own answers, never the purpose.
 */
export const ask = z.object({
  id: z.string(),
  mine: z.boolean(),
  owner: introParty,
  title: z.string(),
  body: z.string().nullable(),
  state: askState,
  /** Owner only. */
  purpose: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The last day the ask is open. */
  expiresOn: isoDate,
  closedAt: timestamp.nullable(),
  /** Owner only: the thank-you sent when closing. */
  thanks: z.string().nullable(),
  answers: z.array(askAnswer),
  answerCount: z.number().int(),
  createdAt: timestamp,
});
export type Ask = z.infer<typeof ask>;

/** One ask as its page shows it: to its owner, while open, the connections whose offers fit it (ask them too). */
export const askDetail = ask.extend({ offering: z.array(connectionOffer) });
export type AskDetail = z.infer<typeof askDetail>;

/** A page of asks, newest first; `nextCursor` is null on the last page. */
export const askListPage = page(ask);
export type AskListPage = z.infer<typeof askListPage>;

export const closeAskResult = z.object({
  ask,
  /** People thanked with no contact in your rolodex standing for them: no favour could be recorded. */
  favoursSkipped: z.array(introParty),
});
