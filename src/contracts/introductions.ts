import { z } from 'zod';
import { id, limitParam, page, text as storableText, timestamp } from './common';

/**
 * A double opt-in introduction (docs/adr/0015-introductions.md): requested → the broker accepts (awaiting-target) or
 * declines → the target accepts (introduced) or declines. Open requests expire; the requester may withdraw them.
 */
export const INTRO_STATES = [
  'requested',
  'broker-declined',
  'awaiting-target',
  'target-declined',
  'introduced',
  'expired',
  'withdrawn',
] as const;
export const introState = z.enum(INTRO_STATES);
export type IntroState = z.infer<typeof introState>;

/**
 * What each party sees: the requester sees an open request only as 'requested' and either decline only as
 * 'declined' (who decided, and when the broker agreed, are not theirs).
 */
export const introViewState = z.enum([...INTRO_STATES, 'declined']);
export type IntroViewState = z.infer<typeof introViewState>;

export const INTRO_ROLES = ['requester', 'broker', 'target'] as const;
export const introRole = z.enum(INTRO_ROLES);
export type IntroRole = z.infer<typeof introRole>;

/** What a target may agree to share with the requester. */
export const SHARE_KINDS = ['email', 'phone', 'linkedin'] as const;
export const shareKind = z.enum(SHARE_KINDS);
export type ShareKind = z.infer<typeof shareKind>;

const text = (min: number, max: number, tooShort: string) =>
  storableText().trim().min(min, tooShort).max(max, `must be at most ${max} characters`);
const note = storableText()
  .max(2000, 'must be at most 2000 characters')
  .transform((s) => (s.trim() === '' ? null : s.trim()))
  .nullable()
  .optional();

export const introRequestInput = z.strictObject({
  /** The broker's contact, as network search or paths returned it. */
  contactId: id,
  /** The connection who knows the person (an account id, from network search or paths); the contact's owner when left out. */
  brokerId: id.optional(),
  /** Why you want to be introduced: the broker and the person both read it. */
  why: text(10, 2000, 'say in a sentence or two why (at least 10 characters)'),
  /** One of your purposes this serves (only you see it). */
  purposeId: id.nullable().optional(),
});
export type IntroRequestInput = z.input<typeof introRequestInput>;

export const brokerDecisionInput = z.strictObject({
  decision: z.enum(['accept', 'decline']),
  /** accept: a note forwarded to the person with the request. */
  message: note,
  /** decline: a private reason, kept for you alone (the requester only ever sees "declined"). */
  reason: note,
});
export type BrokerDecisionInput = z.input<typeof brokerDecisionInput>;

export const targetDecisionInput = z.strictObject({
  decision: z.enum(['accept', 'decline']),
  /** accept: what the requester receives (nothing else about you ever reaches them). */
  share: z.array(shareKind).max(SHARE_KINDS.length).default([]),
});
export type TargetDecisionInput = z.input<typeof targetDecisionInput>;

export const introOutcomeInput = z.strictObject({
  /** How it went ("met for coffee; she will speak in March"). */
  outcome: text(1, 2000, 'is required'),
});

export const introListQuery = z.strictObject({
  /** Only the introductions where I am this party (outbox: requester; inbox: broker or target). */
  role: introRole.optional(),
  /** open: still waiting on someone (requested, awaiting-target); closed: everything else. */
  status: z.enum(['open', 'closed']).optional(),
  limit: limitParam,
  /** `nextCursor` of the previous page. */
  cursor: storableText().max(500).optional(),
});
export type IntroListQuery = z.input<typeof introListQuery>;

export const introParty = z.object({ accountId: z.string(), name: z.string() });

export const sharedDetails = z.object({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
});
export type SharedDetails = z.infer<typeof sharedDetails>;

/** How the person would be asked, as the broker sees it before deciding. */
export const introReach = z.object({
  /** account: in Rapport and by e-mail; email: a signed link to the address you have; none: cannot be asked. */
  via: z.enum(['account', 'email', 'none']),
  /** The address the link goes to (your own record of the person), when via is email. */
  email: z.string().nullable(),
  /** Why the request cannot be accepted as it stands, when it cannot. */
  problem: z.string().nullable(),
});

/**
 * One introduction as the caller's role may see it. Fields outside a role's view are null: the requester never
 * sees the broker's contact, private reason, message to the person or who declined; the person never sees the
 * requester's purpose.
 */
export const introduction = z.object({
  id: z.string(),
  role: introRole,
  state: introViewState,
  why: z.string(),
  requester: introParty,
  broker: introParty,
  target: z.object({
    /** The person's name as the broker's contact had it when the request was made. */
    name: z.string(),
    /** broker: your contact; requester: the contact you received once introduced; target: null. */
    contactId: z.string().nullable(),
  }),
  /** requester only. */
  purpose: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** broker and target: the broker's note to the person. */
  message: z.string().nullable(),
  /** broker only: the private reason for a decline. */
  privateReason: z.string().nullable(),
  /** broker only, while the request waits on the broker. */
  reach: introReach.nullable(),
  /** target only, while the request waits on the target: what you may choose to share. */
  shareOptions: z.array(z.object({ kind: shareKind, value: z.string() })).nullable(),
  /** requester and target, once introduced: exactly what the person agreed to share. */
  shared: sharedDetails.nullable(),
  /** requester only: how it went. */
  outcome: z.string().nullable(),
  /** Whether this came from an answer to an ask (the broker offered it). */
  fromAsk: z.boolean(),
  createdAt: timestamp,
  expiresAt: timestamp,
  closedAt: timestamp.nullable(),
});
export type Introduction = z.infer<typeof introduction>;

/** A page of introductions, newest first; `nextCursor` is null on the last page. */
export const introductionListPage = page(introduction);
export type IntroductionListPage = z.infer<typeof introductionListPage>;
