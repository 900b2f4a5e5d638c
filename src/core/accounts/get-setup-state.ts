import type { Ctx, SignupMode } from '../context';
import { countAccounts } from './account.queries';

/** What the sign-in page must offer: first-run account creation, and the server's sign-up policy. */
export async function getSetupState(ctx: Ctx): Promise<{ needsFirstAccount: boolean; signup: SignupMode }> {
  return { needsFirstAccount: (await countAccounts(ctx.db)) === 0, signup: ctx.settings.signup };
}
