import type { Connection } from '../../contracts/network';
import type { ConnectionTable } from '../db/schema';
import type { ConnectionListRow } from './connection.queries';

/** How long a one-time invitation link works. */
export const INVITE_TTL_DAYS = 14;
/** Invitations one account may have waiting at once (pending connections plus open links). */
export const MAX_PENDING_INVITES = 50;
/** Invitations one account may make in 24 hours. */
export const MAX_INVITES_PER_DAY = 25;
/** After a decline, the inviter waits this long before asking the same account again. */
export const DECLINE_COOLDOWN_DAYS = 90;

/** The other account of a connection. */
export function otherOf(row: Pick<ConnectionTable, 'account_lo' | 'account_hi'>, accountId: string): string {
  return row.account_lo === accountId ? row.account_hi : row.account_lo;
}

/** The contact on `accountId`'s side of the connection (the one that stands for the other account). */
export function myContactId(
  row: Pick<ConnectionTable, 'account_lo' | 'lo_contact_id' | 'hi_contact_id'>,
  accountId: string,
): string | null {
  return row.account_lo === accountId ? row.lo_contact_id : row.hi_contact_id;
}

/**
 * A connection as `accountId` sees it. The other side's email shows only on an incoming request (the inviter
 * chose to reach out, and the invitee needs to tell who it is); headline and organisation only once accepted.
 */
export function toConnection(row: ConnectionListRow, accountId: string): Connection {
  const mine = row.requested_by === accountId;
  const status =
    row.status === 'accepted'
      ? 'accepted'
      : row.status === 'declined'
        ? 'declined'
        : mine
          ? 'outgoing'
          : 'incoming';
  const accepted = status === 'accepted';
  return {
    id: row.id,
    account: { id: row.other_id, name: row.other_name },
    status,
    message: row.message,
    email: status === 'incoming' ? row.other_email : null,
    emailVerified: status === 'incoming' ? row.other_email_verified_at !== null : null,
    headline: accepted ? row.other_headline : null,
    organisation: accepted ? row.other_organisation : null,
    contactId: accepted ? myContactId(row, accountId) : null,
    createdAt: row.created_at,
    respondedAt: row.responded_at,
  };
}

/** The secret of a one-time link, given either the secret or the whole link (…/connect/<secret>). */
export function tokenFromLink(input: string): string {
  const trimmed = input.trim();
  const path = trimmed.split(/[?#]/)[0] ?? '';
  const last = path.split('/').filter(Boolean).pop() ?? '';
  return /\/connect\//.test(path) || /\/verify-email\//.test(path) ? last : trimmed;
}
