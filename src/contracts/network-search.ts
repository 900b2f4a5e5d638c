import { z } from 'zod';
import { id, text } from './common';
import { connectionOffer, sharedContact } from './network';
import { tier } from './relationships';

/** The most people one second-degree search returns; there is no paging past it (refine the query instead). */
export const NETWORK_SEARCH_CAP = 25;
/** The most warm paths one look-up returns. */
export const PATH_CAP = 10;
/** The most brokers listed for one person. */
export const BROKER_CAP = 10;

const queryText = text()
  .trim()
  .min(2, 'type at least 2 characters')
  .max(100, 'at most 100 characters')
  .refine((s) => s.split(/\s+/).length <= 8, 'at most 8 words');

/**
 * "Who do my connections know at Acme / in supply chain / named Chen". Strict: unknown parameters (offset, cursor,
 * page) are refused, so nothing pages past the cap.
 */
export const networkSearchQuery = z.strictObject({
  q: queryText,
  limit: z.coerce.number().int().min(1).max(NETWORK_SEARCH_CAP).default(NETWORK_SEARCH_CAP),
});
export type NetworkSearchInput = z.input<typeof networkSearchQuery>;

/** One of my connections who knows the person: ask them for an introduction to `contactId` (their contact). */
export const networkBroker = z.object({
  accountId: id,
  name: z.string(),
  /** The broker's own contact id for this person: what an introduction request names. */
  contactId: id,
  /** What the broker shares of this person. */
  contact: sharedContact,
});
export type NetworkBroker = z.infer<typeof networkBroker>;

/** One person, however many of my connections know them (matched by LinkedIn profile or email, never shown). */
export const networkPerson = z.object({
  displayName: z.string(),
  organisation: z.string().nullable(),
  title: z.string().nullable(),
  brokers: z.array(networkBroker),
  /** One of my own connections: write to them directly (no introduction to ask for). */
  connected: z.object({ accountId: id, name: z.string() }).nullable(),
});
export type NetworkPerson = z.infer<typeof networkPerson>;

export const networkSearchResult = z.object({
  query: z.string(),
  people: z.array(networkPerson),
  /** More people matched than the cap: refine the query (there are no further pages). */
  more: z.boolean(),
  /** My own connections who offer what I searched for (in their profile, shown to connections): ask them directly. */
  offering: z.array(connectionOffer),
  /** Network searches and path look-ups left in the current 24 hours. */
  searchesLeft: z.number().int(),
});
export type NetworkSearchResult = z.infer<typeof networkSearchResult>;

/** "How can I reach someone at Acme (q), or this person (contactId: mine, or a broker's from a search)?" */
export const pathQuery = z
  .strictObject({
    q: queryText.optional(),
    contactId: id.optional(),
    limit: z.coerce.number().int().min(1).max(PATH_CAP).default(5),
  })
  .refine((v) => (v.q === undefined) !== (v.contactId === undefined), {
    message: 'give either q (organisation, title or name) or contactId',
    path: ['q'],
  });
export type PathInput = z.input<typeof pathQuery>;

/** A link's strength as the viewer may see it: the owner's tier when shared (or when it is mine), else "known". */
export const linkTier = z.union([tier, z.literal('known')]);

export const pathNode = z.object({
  /** An account I may see (me, my connections); null for someone I am not connected to. */
  accountId: id.nullable(),
  name: z.string(),
});

export const pathStep = z.object({
  from: pathNode,
  to: pathNode,
  tier: linkTier,
  why: z.string(),
});

export const warmPath = z.object({
  hops: z.number().int().min(2).max(3),
  /** Product of the links' weights (inner 1, close 0.8, active or known 0.6, dormant 0.35): higher is warmer. */
  score: z.number(),
  steps: z.array(pathStep),
  /** Whom to ask: always one of my connections. */
  ask: z.object({ accountId: id, name: z.string() }),
  /** For two hops, the person as that connection shares them and their contact id (for an introduction request). */
  target: sharedContact.nullable(),
  contactId: id.nullable(),
  /** For two hops, when the person is one of my own connections: write to them directly (no introduction). */
  connected: z.object({ accountId: id, name: z.string() }).nullable(),
});
export type WarmPath = z.infer<typeof warmPath>;

export const pathResult = z.object({
  paths: z.array(warmPath),
  searchesLeft: z.number().int(),
});
export type PathResult = z.infer<typeof pathResult>;
