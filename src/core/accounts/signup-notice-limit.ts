import type { Ctx } from '../context';

/** An account's owner is mailed at most one "someone tried to sign up with your address" notice per hour. */
export const SIGNUP_NOTICE_WINDOW_MS = 60 * 60 * 1000;

const SWEEP_EVERY = 1000;

// In memory, as the server's other attempt limits are (ADR 4): a restart lets at most one more notice through.
// Checked and set in one synchronous step, so parallel attempts cannot all pass before the first is counted.
const lastNotice = new Map<string, { at: number; heldBack: number }>();
let untilSweep = SWEEP_EVERY;

/**
 * Claims the hour's sign-up notice for `accountId` (ctx.clock's time): a function that gives the claim back (call
 * it when the mail did not go out), or null when a notice already went within the hour — the attempt is counted and
 * logged instead, so anyone can no longer make Rapport mail someone a hundred notices.
 */
export function claimSignupNotice(ctx: Ctx, accountId: string): (() => void) | null {
  const now = ctx.clock.now().getTime();
  sweepNowAndThen(now);
  const last = lastNotice.get(accountId);
  if (last && now - last.at < SIGNUP_NOTICE_WINDOW_MS) {
    last.heldBack++;
    ctx.log.info(
      { accountId, heldBack: last.heldBack },
      'sign-up notice held back: one went to this account within the hour',
    );
    return null;
  }
  const claim = { at: now, heldBack: 0 };
  lastNotice.set(accountId, claim);
  return () => {
    if (lastNotice.get(accountId) !== claim) return;
    if (last) lastNotice.set(accountId, last);
    else lastNotice.delete(accountId);
  };
}

/** Forgets ended windows from time to time, so accounts tried once do not stay in memory. */
function sweepNowAndThen(now: number) {
  if (--untilSweep > 0) return;
  untilSweep = SWEEP_EVERY;
  for (const [id, w] of lastNotice) if (now - w.at >= SIGNUP_NOTICE_WINDOW_MS) lastNotice.delete(id);
}
