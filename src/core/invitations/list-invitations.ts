import {
  type InvitationListQuery,
  type InvitationPage,
  invitationListQuery,
} from '../../contracts/invitations';
import { normaliseLinkedinUrl } from '../contacts/contact';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { validate } from '../validate';
import { listInvitationRows, liveContactsByLinkedinUrl } from './invitations.queries';

/**
 * The actor's LinkedIn invitations pending when exported (outgoing and incoming, with their notes), newest first,
 * paged with a cursor; one whose person became a connection since says when (`acceptedOn`). Each shows the live contact holding the same LinkedIn profile at the time of reading, so a person added
 * after the import (by hand or by a later Connections.csv) is matched, and a trashed or merged-away one is not
 * (docs/adr/0019-invitation-matching.md). Throws `validation` on a bad direction, limit or cursor.
 */
export async function listInvitations(ctx: Ctx, query: InvitationListQuery = {}): Promise<InvitationPage> {
  const ownerId = requireActor(ctx);
  const q = validate(invitationListQuery, query);
  const before = q.cursor ? decodeCursor(q.cursor, ['s', 'i']) : undefined;
  const rows = await listInvitationRows(ctx.db, ownerId, {
    direction: q.direction,
    before: before ? { sentOn: String(before.s), id: String(before.i) } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  // Stored URLs are canonical already; normalising again keeps rows from older backups matchable.
  const keyOf = (url: string | null) => (url ? normaliseLinkedinUrl(url) : null);
  const contacts = await liveContactsByLinkedinUrl(
    ctx.db,
    ownerId,
    page.flatMap((r) => keyOf(r.profile_url) ?? []),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const key = keyOf(r.profile_url);
      const contact = (key && contacts.get(key)) || null;
      // Connected on or after the day it was sent: the invitation was accepted (a later export's connection).
      const connected = contact?.connectedOn ?? null;
      const accepted = connected !== null && (!r.sent_on || connected >= r.sent_on);
      return {
        id: r.id,
        direction: r.direction,
        name: r.name,
        profileUrl: r.profile_url,
        message: r.message,
        sentOn: r.sent_on,
        contact: contact ? { id: contact.id, displayName: contact.displayName } : null,
        acceptedOn: accepted ? connected : null,
      };
    }),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ s: last.sent_on ?? '', i: last.id }) : null,
  };
}
