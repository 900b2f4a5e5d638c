import { type InviteInput, type InviteResult, inviteInput } from '../../contracts/network';
import { hashSecret, normaliseEmail } from '../accounts/account';
import { findAccountById, lockAccount } from '../accounts/account.queries';
import { addDays, DAY_MS } from '../clock';
import { channelsOf, findContact } from '../contacts/contact.queries';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound, rateLimited, validationError } from '../errors';
import { randomSecret } from '../ids';
import { laterOf, utcMinute, windowFreesAt } from '../rolling-window';
import { validate } from '../validate';
import { acceptPending } from './accept-connection';
import { accountByVerifiedEmail, accountsMatchingContacts, connectionLinksOf } from './account-match.queries';
import {
  DECLINE_COOLDOWN_DAYS,
  INVITE_TTL_DAYS,
  MAX_INVITES_PER_DAY,
  MAX_PENDING_INVITES,
  toConnection,
} from './connection';
import {
  connectionRowOf,
  findPair,
  insertConnectionIfAbsent,
  lockConnection,
  pendingRequestsBy,
  pendingRequestTimesSince,
  updateConnection,
} from './connection.queries';
import { insertInvite, inviteTimesSince, openInviteExpiries, openInvitesOf } from './invite.queries';
import { connectionRequestMail, inviteLinkMail, notify } from './network-mail';

type Target =
  | { kind: 'account'; accountId: string; contactId: string | null }
  | { kind: 'email'; email: string; emailNorm: string }
  | { kind: 'link' };

/**
 * Invites someone to connect. By email: an account with that verified address gets a pending connection in-app
 * (and a notification), anyone else a one-time link by mail. By one of my contacts: the account it matches, else its
 * first email. With neither: a one-time link to copy. The link's secret is in this answer only, stored hashed, single
 * use, and expires in 14 days. At most 50 invitations wait at once and 25 are made a day (`rate_limited`); asking
 * again within 90 days of a decline, or someone already connected, is a `conflict`.
 */
export async function inviteToConnect(ctx: Ctx, input: InviteInput): Promise<InviteResult> {
  const me = requireActor(ctx);
  const data = validate(inviteInput, input);
  if (data.email !== undefined && data.contactId !== undefined) {
    throw validationError('contactId', 'give an email or a contact, not both');
  }
  const message = data.message ?? null;
  const result = await inTransaction(ctx, async (tx) => {
    // One invitation at a time per account, so invitations sent at once are counted against the quota in turn.
    await lockAccount(tx.db, me);
    const target = await resolveTarget(tx, me, data);
    await checkQuota(tx, me);
    const now = nowIso(tx);
    if (target.kind === 'account')
      return requestInApp(tx, me, target.accountId, target.contactId, message, now);
    const token = randomSecret(24);
    const expiresAt = addDays(tx.clock.now(), INVITE_TTL_DAYS).toISOString();
    const id = tx.ids.next();
    const email = target.kind === 'email' ? target.email : null;
    await insertInvite(tx.db, {
      id,
      from_account_id: me,
      email_norm: target.kind === 'email' ? target.emailNorm : null,
      token_hash: hashSecret(token),
      message,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
    });
    return {
      kind: 'link' as const,
      email,
      invite: {
        id,
        email,
        message,
        status: 'open' as const,
        createdAt: now,
        expiresAt,
        usedAt: null,
        usedBy: null,
        token,
        url: `${tx.settings.publicUrl}/connect/${token}`,
        emailed: false,
      },
    };
  });

  const from = await findAccountById(ctx.db, me);
  const fromName = from?.name ?? 'Someone';
  if (result.kind === 'link') {
    const { invite } = result;
    if (result.email) {
      invite.emailed = await notify(
        ctx,
        inviteLinkMail({ to: result.email, fromName, message, url: invite.url, expiresAt: invite.expiresAt }),
        'connection invitation',
      );
    }
    return { connection: null, invite };
  }
  if (result.connection.status === 'outgoing' && result.notify) {
    await notify(
      ctx,
      connectionRequestMail({
        to: result.notify,
        fromName,
        message,
        url: `${ctx.settings.publicUrl}/network/connections`,
      }),
      'connection request',
    );
  }
  return { connection: result.connection, invite: null };
}

async function resolveTarget(
  tx: Ctx,
  me: string,
  data: { email?: string; contactId?: string },
): Promise<Target> {
  if (data.contactId !== undefined) {
    const contact = await findContact(tx.db, me, data.contactId);
    if (!contact) throw notFound('contact');
    const linked = (await connectionLinksOf(tx.db, me, [contact.id])).get(contact.id);
    if (linked) throw new AppError('conflict', `you are already connected with ${linked.name}`);
    const match = (await accountsMatchingContacts(tx.db, me, [contact.id])).get(contact.id);
    if (match) return { kind: 'account', accountId: match.account.id, contactId: contact.id };
    const email = (await channelsOf(tx.db, me, [contact.id])).find((c) => c.kind === 'email');
    if (!email?.value_norm) {
      throw validationError(
        'contactId',
        `${contact.display_name} is not on Rapport and has no email address: invite with a link instead`,
      );
    }
    return { kind: 'email', email: email.value, emailNorm: email.value_norm };
  }
  if (data.email !== undefined) {
    const emailNorm = normaliseEmail(data.email);
    const self = await findAccountById(tx.db, me);
    if (self?.email_norm === emailNorm) throw validationError('email', 'is your own address');
    const account = await accountByVerifiedEmail(tx.db, emailNorm);
    if (account) return { kind: 'account', accountId: account.id, contactId: null };
    return { kind: 'email', email: data.email, emailNorm };
  }
  return { kind: 'link' };
}

async function checkQuota(tx: Ctx, me: string): Promise<void> {
  const now = tx.clock.now();
  const since = addDays(now, -1).toISOString();
  const requests = await pendingRequestsBy(tx.db, me, since);
  const links = await openInvitesOf(tx.db, me, now.toISOString(), since);
  const waiting = requests.pending + links.open;
  const waitingFull = waiting >= MAX_PENDING_INVITES;
  const dailyFull = requests.recent + links.recent >= MAX_INVITES_PER_DAY;
  if (!waitingFull && !dailyFull) return;
  // When it frees up; when both limits are spent, the later of the two.
  const dailyFree = dailyFull
    ? windowFreesAt(
        [
          ...(await pendingRequestTimesSince(tx.db, me, since)),
          ...(await inviteTimesSince(tx.db, me, since)),
        ].sort(),
        MAX_INVITES_PER_DAY,
        DAY_MS,
      )
    : null;
  let waitingFree: Date | null = null;
  if (waitingFull) {
    const expiries = await openInviteExpiries(tx.db, me, now.toISOString());
    const expiry = expiries[waiting - MAX_PENDING_INVITES];
    // Links expire; a request in the app waits until answered or withdrawn, so then a day is when to look again.
    waitingFree = expiry ? new Date(expiry) : addDays(now, 1);
  }
  const until = laterOf(waitingFree, dailyFree) ?? addDays(now, 1);
  if (waitingFull) {
    throw rateLimited(
      `you have ${MAX_PENDING_INVITES} invitations waiting for an answer; withdraw some or wait for replies`,
      until,
    );
  }
  throw rateLimited(
    `at most ${MAX_INVITES_PER_DAY} invitations a day; you can invite again from ${utcMinute(until)}`,
    until,
  );
}

/** A pending connection to `other` (or, when they already asked me, the accepted one). */
async function requestInApp(
  tx: Ctx,
  me: string,
  other: string,
  myContactId: string | null,
  message: string | null,
  now: string,
) {
  const found = await findPair(tx.db, me, other);
  let id = tx.ids.next();
  const meFirst = me < other;
  const inserted =
    !found &&
    (await insertConnectionIfAbsent(tx.db, {
      id,
      account_lo: meFirst ? me : other,
      account_hi: meFirst ? other : me,
      requested_by: me,
      status: 'pending',
      message,
      lo_contact_id: meFirst ? myContactId : null,
      hi_contact_id: meFirst ? null : myContactId,
      created_at: now,
      responded_at: null,
      updated_at: now,
    }));
  if (!inserted) {
    // The pair had a connection, or the other side asked at the same moment: decide on it, locked, so that two
    // requests both ways end as one accepted connection.
    const pair = (await findPair(tx.db, me, other)) ?? found;
    const existing = pair && (await lockConnection(tx.db, pair.id));
    if (!existing) throw new AppError('conflict', 'the connection changed meanwhile: try again');
    id = existing.id;
    if (existing.status === 'accepted') throw new AppError('conflict', 'you are already connected');
    if (existing.status === 'pending' && existing.requested_by === me) {
      throw new AppError('conflict', 'you already asked; the invitation is waiting for an answer');
    }
    if (existing.status === 'pending') {
      // They asked me first: inviting them back is saying yes.
      const connection = await acceptPending(tx, me, existing);
      return { kind: 'account' as const, connection, notify: null };
    }
    if (existing.requested_by === me && existing.responded_at) {
      const until = addDays(new Date(existing.responded_at), DECLINE_COOLDOWN_DAYS).toISOString();
      if (until > now) {
        throw new AppError(
          'conflict',
          `your last invitation was declined; you can ask again from ${until.slice(0, 10)}`,
        );
      }
    }
    const lo = existing.account_lo === me;
    await updateConnection(tx.db, id, {
      requested_by: me,
      status: 'pending',
      message,
      ...(myContactId ? (lo ? { lo_contact_id: myContactId } : { hi_contact_id: myContactId }) : {}),
      created_at: now,
      responded_at: null,
      updated_at: now,
    });
  }
  const row = await connectionRowOf(tx.db, me, id);
  if (!row) throw new Error('connection vanished inside its own transaction');
  const to = await findAccountById(tx.db, other);
  return {
    kind: 'account' as const,
    connection: toConnection(row, me),
    notify: to ? { name: to.name, address: to.email } : null,
  };
}
