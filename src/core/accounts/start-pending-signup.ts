import type { SignupInput } from '../../contracts/auth';
import { addDays } from '../clock';
import { type Ctx, inTransaction, nowIso } from '../context';
import { randomSecret } from '../ids';
import { composeMail } from '../mail/compose-mail';
import { notify } from '../network/network-mail';
import { hashSecret, normaliseEmail } from './account';
import { findAccountByEmail } from './account.queries';
import { hashPassword } from './password';
import { countLivePendingSignups, deletePendingSignup, insertPendingSignup } from './pending-signup.queries';

/** How long a sign-up's confirmation link works. */
export const PENDING_SIGNUP_TTL_DAYS = 1;
/** Unexpired links one address can have at once: more sign-ups for it answer the same but send nothing. */
export const PENDING_SIGNUPS_PER_ADDRESS = 3;

/**
 * The first half of an e-mail-confirmed sign-up (ADR 4, amendment "sign-up confirmed by e-mail"): hashes the
 * password first (a taken address costs the same hash), then either stores the sign-up with a one-time link
 * (secret hashed, valid a day) and mails the link, or, when the address already has an account, stores nothing.
 * The mail goes out after the answer (not awaited), so neither outcome is slower. Returns which it was, for the
 * caller to send the owner's notice; the HTTP answer must not tell them apart.
 */
export async function startPendingSignup(ctx: Ctx, data: SignupInput): Promise<'pending' | 'taken'> {
  const emailNorm = normaliseEmail(data.email);
  const passwordHash = await hashPassword(data.password, { N: ctx.settings.scryptN });
  const link = await inTransaction(ctx, async (tx) => {
    if (await findAccountByEmail(tx.db, emailNorm)) return 'taken' as const;
    const now = nowIso(tx);
    if ((await countLivePendingSignups(tx.db, emailNorm, now)) >= PENDING_SIGNUPS_PER_ADDRESS) {
      // Someone keeps signing this address up: the links already sent still work; no more mail for it.
      tx.log.info({}, 'sign-up confirmation not sent: this address has enough unused links');
      return null;
    }
    const token = randomSecret(24);
    const id = tx.ids.next();
    const expiresAt = addDays(tx.clock.now(), PENDING_SIGNUP_TTL_DAYS).toISOString();
    await insertPendingSignup(tx.db, {
      id,
      email: data.email,
      email_norm: emailNorm,
      name: data.name,
      password_hash: passwordHash,
      token_hash: hashSecret(token),
      created_at: now,
      expires_at: expiresAt,
    });
    return { id, token, expiresAt };
  });
  if (link === 'taken') return 'taken';
  if (link) void mailLink(ctx, { name: data.name, address: data.email }, link);
  return 'pending';
}

async function mailLink(
  ctx: Ctx,
  to: { name: string; address: string },
  link: { id: string; token: string; expiresAt: string },
): Promise<void> {
  const sent = await notify(
    ctx,
    composeMail(to, 'Confirm your new Rapport account', [
      `Hello ${to.name},`,
      'Someone (you, we hope) asked for a Rapport account with this e-mail address. Open the link to create it and sign in; it works once, for 24 hours.',
      { link: `${ctx.settings.publicUrl}/sign-up/confirm/${link.token}`, label: 'Create my account' },
      'If you did not ask for this, ignore this e-mail: no account is made without the link.',
    ]),
    'sign-up confirmation',
  );
  // A link nobody received must not count against the address's few.
  if (!sent) await deletePendingSignup(ctx.db, link.id).catch(() => undefined);
}
