import { z } from 'zod';
import { limitParam, page, text } from './common';

export const invitationDirection = z.enum(['incoming', 'outgoing']);
export type InvitationDirection = z.infer<typeof invitationDirection>;

export const invitationListQuery = z.strictObject({
  direction: invitationDirection.optional(),
  limit: limitParam,
  cursor: text().max(500).optional(),
});
export type InvitationListQuery = z.input<typeof invitationListQuery>;

/** A LinkedIn invitation from an import (pending when exported), with the contact it stands for today (if any). */
export const invitation = z.object({
  id: z.string(),
  direction: invitationDirection,
  /** The other person: the invitee of an outgoing invitation, the inviter of an incoming one. */
  name: z.string(),
  /** Their LinkedIn profile (`https://www.linkedin.com/in/<slug>`); null in exports from before late 2023. */
  profileUrl: z.string().nullable(),
  /** The personal note sent with the invitation. */
  message: z.string().nullable(),
  /** `YYYY-MM-DD` (LinkedIn gives no time zone). */
  sentOn: z.string().nullable(),
  /** The live contact with the same LinkedIn profile now, whenever it was added. */
  contact: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /**
   * Accepted since: that contact is a connection from this day (`YYYY-MM-DD`), on or after the day the invitation
   * was sent (a later export lists them in Connections.csv). Null while it is pending, as far as Rapport knows.
   */
  acceptedOn: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitation>;
export const invitationPage = page(invitation);
export type InvitationPage = z.infer<typeof invitationPage>;
