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
import { claimSignupNotice } from './signup-notice-limit';
import { startPendingSignup } from './start-pending-signup';

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
 *
 * With mail configured and sign-up open (after the first account), every sign-up answers `{ checkInbox: true }`
 * instead: a new address is mailed a one-time link that makes the account (`confirmSignup`), a taken one's owner
 * gets the notice; nothing tells the two apart (ADR 4, amendment "sign-up confirmed by e-mail").
 */
export async function signUp(ctx: Ctx, input: SignupInput): Promise<SignUpResult> {
  const data = validate(signupInput, input);
  if (await confirmsByMail(ctx)) {
    // ADR 4, "sign-up confirmed by e-mail": the same answer for a new and a taken address.
    if ((await startPendingSignup(ctx, data)) === 'taken') {
      // Not awaited: the SMTP round trip must not make this answer slower than a new address's.
      void noticeToOwner(ctx, data.email);
    }
    return { checkInbox: true };
  }
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

/** Either the account, signed up at once, or a link was (or, for a taken address, was said to be) mailed. */
export type SignUpResult = Account | { checkInbox: true };

/**
 * Whether a sign-up must be confirmed by e-mail: mail is configured and sign-up is open, but not for the very
 * first account (the operator's own; nobody to hide anything from yet). Invite sign-ups keep signing in at once.
 */
async function confirmsByMail(ctx: Ctx): Promise<boolean> {
  return !!ctx.mailer && ctx.settings.signup === 'open' && (await countAccounts(ctx.db)) > 0;
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
    // At most one an hour per account: nobody can make Rapport mail someone a hundred notices.
    const giveBack = claimSignupNotice(ctx, owner.id);
    if (!giveBack) return;
    const sent = await notify(
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
    if (!sent) giveBack();
  } catch (e) {
    ctx.log.warn({ err: e }, 'sign-up notice not sent');
  }
}
