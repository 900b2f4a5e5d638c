import { z } from 'zod';
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
