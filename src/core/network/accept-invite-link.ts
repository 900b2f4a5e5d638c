import { type Connection, tokenInput } from '../../contracts/network';
import { hashSecret } from '../accounts/account';
import { findAccountById } from '../accounts/account.queries';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, validationError } from '../errors';
import { validate } from '../validate';
import { connectAccounts, notifyAccepted } from './accept-connection';
import { contactMatchingAccount } from './account-match.queries';
import { toConnection, tokenFromLink } from './connection';
import {
  connectionRowOf,
  findPair,
  insertConnectionIfAbsent,
  linkContact,
  lockConnection,
  updateConnection,
} from './connection.queries';
import { findInviteByHash, markInviteUsed, revokeInvites } from './invite.queries';

/** The one answer for a link that does not work, whatever the reason, so links cannot be probed. */
export function invalidInvite(): AppError {
  return new AppError(
    'not_found',
    'this invitation link does not work (used, withdrawn, expired or mistyped)',
  );
}

/**
 * Accepts a one-time invitation link as the signed-in actor: the two accounts are connected at once (whatever was
 * pending or declined between them before), the link is used up with the inviter's other open links to the same
 * address, and the inviter is told. A used, withdrawn,
 * expired or forged link is `not_found`; one's own link is a `validation` error.
 */
export async function acceptInviteLink(ctx: Ctx, body: { token: string }): Promise<Connection> {
  const me = requireActor(ctx);
  const { token } = validate(tokenInput, body);
  const result = await inTransaction(ctx, async (tx) => {
    const now = nowIso(tx);
    const invite = await findInviteByHash(tx.db, hashSecret(tokenFromLink(token)));
    if (!invite || invite.used_at || invite.revoked_at || invite.expires_at <= now) throw invalidInvite();
    const from = invite.from_account_id;
    if (from === me) throw validationError('token', 'this is your own invitation link; send it to someone');
    if ((await markInviteUsed(tx.db, invite.id, me, now)) !== 1) throw invalidInvite();
    // Copies sent to the same address (a reminder, a second try) would let a forwarded one connect someone else.
    if (invite.email_norm) await revokeInvites(tx.db, from, { emailNorm: invite.email_norm }, now);
    const found = await findPair(tx.db, me, from);
    const lo = me < from;
    const theirs = await inviterContactFor(tx, invite, me);
    const fresh = {
      id: tx.ids.next(),
      account_lo: lo ? me : from,
      account_hi: lo ? from : me,
      requested_by: from,
      status: 'accepted' as const,
      message: invite.message,
      lo_contact_id: lo ? null : theirs,
      hi_contact_id: lo ? theirs : null,
      created_at: invite.created_at,
      responded_at: now,
      updated_at: now,
    };
    let id = fresh.id;
    let newly = true;
    if (!found && (await insertConnectionIfAbsent(tx.db, fresh))) {
      await connectAccounts(tx, fresh);
    } else {
      // The pair had a connection, or the other side made one at the same moment (each accepting the other's
      // link): this one, locked, so that only one of the two connects the accounts.
      const existing = (await findPair(tx.db, me, from)) ?? found;
      const locked = existing && (await lockConnection(tx.db, existing.id));
      if (!locked) throw new AppError('conflict', 'the connection changed meanwhile: try the link again');
      id = locked.id;
      newly = locked.status !== 'accepted';
      if (newly) {
        const linked = locked.account_lo === from ? locked.lo_contact_id : locked.hi_contact_id;
        if (theirs && !linked) await linkContact(tx.db, locked, from, theirs);
        await updateConnection(tx.db, id, { status: 'accepted', responded_at: now, updated_at: now });
        await connectAccounts(tx, locked);
      }
    }
    const row = await connectionRowOf(tx.db, me, id);
    if (!row) throw new Error('connection vanished inside its own transaction');
    return { connection: toConnection(row, me), newly, from };
  });
  if (result.newly) await notifyAccepted(ctx, result.from, me);
  return result.connection;
}

/**
 * The inviter's contact the link was meant for, when the account using it signs in with the very address it was
 * sent to: connecting then links that contact instead of adding an empty namesake (an unverified address links
 * nothing else, ADR 13, but the inviter chose this one). Undefined otherwise.
 */
async function inviterContactFor(
  tx: Ctx,
  invite: { from_account_id: string; email_norm: string | null },
  me: string,
): Promise<string | null> {
  if (!invite.email_norm) return null;
  const account = await findAccountById(tx.db, me);
  if (account?.email_norm !== invite.email_norm) return null;
  const identity = { id: me, name: account.name, verifiedEmail: invite.email_norm, linkedinUrl: null };
  return (await contactMatchingAccount(tx.db, invite.from_account_id, identity)) ?? null;
}
