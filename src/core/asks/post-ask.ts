import { ASK_DEFAULT_DAYS, type Ask, type AskInput, askInput } from '../../contracts/asks';
import { lockAccount } from '../accounts/account.queries';
import { accountToday } from '../agenda/account-today';
import { shiftDay } from '../agenda/local-day';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, validationError } from '../errors';
import { findPurpose } from '../purposes/purpose.queries';
import { validate } from '../validate';
import { countOpenAsks, findVisibleAsk, insertAsk } from './ask.queries';
import { askViews } from './view-asks';

/** Open asks an account may have at once: an ask board, not a megaphone. */
export const MAX_OPEN_ASKS = 5;

/**
 * Posts a need to the actor's connections (they see it in Today and on their ask board) until its last day:
 * `days` from today (default 30, at most 90). `conflict` with MAX_OPEN_ASKS open already.
 */
export async function postAsk(ctx: Ctx, input: AskInput): Promise<Ask> {
  const ownerId = requireActor(ctx);
  const data = validate(askInput, input);
  const today = await accountToday(ctx, ownerId);
  return inTransaction(ctx, async (tx) => {
    // One ask at a time per account: asks posted at once are counted against MAX_OPEN_ASKS in turn.
    await lockAccount(tx.db, ownerId);
    if (data.purposeId && !(await findPurpose(tx.db, ownerId, data.purposeId))) {
      throw validationError('purposeId', 'is not one of your purposes');
    }
    if ((await countOpenAsks(tx.db, ownerId, today)) >= MAX_OPEN_ASKS) {
      throw new AppError('conflict', `at most ${MAX_OPEN_ASKS} open asks at once: close one first`);
    }
    const now = nowIso(tx);
    const row = {
      id: tx.ids.next(),
      owner_id: ownerId,
      purpose_id: data.purposeId ?? null,
      title: data.title,
      body: data.body ?? null,
      state: 'open',
      expires_on: shiftDay(today, data.days ?? ASK_DEFAULT_DAYS),
      closed_at: null,
      thanks: null,
      created_at: now,
      updated_at: now,
    };
    await insertAsk(tx.db, row);
    const saved = await findVisibleAsk(tx.db, ownerId, row.id, today);
    if (!saved) throw new Error('ask vanished inside its own transaction');
    const [view] = await askViews(tx, ownerId, [saved], today);
    return view as Ask;
  });
}
