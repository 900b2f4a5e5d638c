import type { Account, SignupInput } from '../../contracts/auth';
import { signupInput } from '../../contracts/auth';
import { type Ctx, inTransaction, nowIso } from '../context';
import { AppError } from '../errors';
import { validate } from '../validate';
import { hashSecret, normaliseEmail } from './account';
import { countAccounts } from './account.queries';
import { createAccount } from './create-account';
import { findUsableInvite, markInviteUsed } from './signup-invite.queries';

/**
 * Self-service sign-up under the server's policy (RAPPORT_SIGNUP): the very first account is always allowed;
 * after that `open` lets anyone in, `invite` needs an unused invite code, `closed` refuses (`forbidden`).
 */
export async function signUp(ctx: Ctx, input: SignupInput): Promise<Account> {
  const data = validate(signupInput, input);
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
          throw new AppError('forbidden', 'inviteCode: this invite code has just been used');
        }
        return account;
      }
    }
  });
}
