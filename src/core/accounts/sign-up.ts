import type { Account, SignupInput } from '../../contracts/auth';
import { signupInput } from '../../contracts/auth';
import { type Ctx, inTransaction, nowIso } from '../context';
import { AppError } from '../errors';
import { composeMail } from '../mail/compose-mail';
import { notify } from '../network/network-mail';
import { validate } from '../validate';
import { hashSecret, normaliseEmail } from './account';
import { countAccounts, findAccountByEmail } from './account.queries';
import { createAccount, isEmailTaken } from './create-account';
import { findUsableInvite, markInviteUsed } from './signup-invite.queries';

/** The refusal of an address that already has an account, unless an invite for that very address was used. */
export const SIGNUP_REFUSED =
  'could not create an account with these details; if you already have an account here, sign in instead';

/**
 * Self-service sign-up under the server's policy (RAPPORT_SIGNUP): the very first account is always allowed;
 * after that `open` lets anyone in, `invite` needs an unused invite code, `closed` refuses (`forbidden`).
 *
 * An address that already has an account is not named as such (ADR 4, amendment "sign-up does not name
 * accounts"): `conflict` with the generic SIGNUP_REFUSED and `details.reason: "signup_refused"`, after the same
 * password hash a new account costs, and the account's owner is told by e-mail when mail is configured. Only an
 * invite bound to that address gets the precise answer: the invite already names it.
 */
export async function signUp(ctx: Ctx, input: SignupInput): Promise<Account> {
  const data = validate(signupInput, input);
  let boundInvite = false;
  try {
    return await signUpUnderPolicy(ctx, data, () => {
      boundInvite = true;
    });
  } catch (e) {
    if (!isEmailTaken(e) || boundInvite) throw e;
    // Not awaited: the SMTP round trip must not make this answer slower than a sign-up that worked.
    void noticeToOwner(ctx, data.email);
    throw new AppError('conflict', SIGNUP_REFUSED, { reason: 'signup_refused' });
  }
}

async function signUpUnderPolicy(ctx: Ctx, data: SignupInput, onBoundInvite: () => void): Promise<Account> {
  return inTransaction(ctx, async (tx) => {
    if ((await countAccounts(tx.db)) === 0) return createAccount(tx, data);
    const mode = tx.settings.signup;
    switch (mode) {
      case 'open':
        return createAccount(tx, data);
      case 'closed':
        throw new AppError('forbidden', 'sign-up is closed on this server; ask its operator for an account');
      case 'invite': {
        const invite = data.inviteCode
          ? await findUsableInvite(tx.db, hashSecret(data.inviteCode), nowIso(tx))
          : undefined;
        // Names no address: the holder may have the link by mistake. The page can ask for it with the code
        // (inspectSignupInvite), as the one it was given to needs it.
        if (invite?.email_norm && invite.email_norm !== normaliseEmail(data.email)) {
          throw new AppError('forbidden', 'email: this invite is for another e-mail address', {
            issues: [{ path: 'email', message: 'this invite is for another e-mail address' }],
          });
        }
        if (invite?.email_norm) onBoundInvite();
        if (!invite) {
          throw new AppError(
            'forbidden',
            'inviteCode: a valid, unused invite code is required to sign up here',
            {
              issues: [{ path: 'inviteCode', message: 'a valid, unused invite code is required' }],
            },
          );
        }
        const account = await createAccount(tx, data);
        if ((await markInviteUsed(tx.db, invite.id, account.id, nowIso(tx))) !== 1) {
          // Used by someone else meanwhile, or revoked by its maker (the row is gone).
          throw new AppError('forbidden', 'inviteCode: this invite code has just been used or revoked');
        }
        return account;
      }
    }
  });
}

/** Tells the owner of `email` that someone tried to sign up with it (nothing when mail is not configured). */
async function noticeToOwner(ctx: Ctx, email: string): Promise<void> {
  if (!ctx.mailer) return;
  try {
    const owner = await findAccountByEmail(ctx.db, normaliseEmail(email));
    if (!owner) return;
    await notify(
      ctx,
      composeMail(
        { name: owner.name, address: owner.email },
        'Someone tried to sign up to Rapport with your address',
        [
          `Hello ${owner.name},`,
          'Someone just tried to create a new Rapport account with this e-mail address, which already has one. They were not told that it does, and nothing about your account changed.',
          'If it was you: you already have an account. Sign in with your password; if you no longer know it, the server’s operator can set a new one.',
          { link: `${ctx.settings.publicUrl}/sign-in`, label: 'Sign in' },
          'If it was not you, there is nothing to do.',
        ],
      ),
      'sign-up notice',
    );
  } catch (e) {
    ctx.log.warn({ err: e }, 'sign-up notice not sent');
  }
}
