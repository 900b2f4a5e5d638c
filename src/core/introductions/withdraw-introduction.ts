import type { Introduction } from '../../contracts/introductions';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { isOpen } from './introduction';
import { roleOf } from './introduction.policy';
import { expireOpenIntroductions, findIntroduction, updateIntroductionIf } from './introduction.queries';
import { tellWithdrawn } from './tell-withdrawn';
import { introductionViews } from './view-introduction';

/**
 * The requester takes back a request that is still open: it leaves the broker's and the person's lists, and a
 * signed link already sent stops working; whoever was waiting to answer is told (tellWithdrawn). `not_found` for
 * anyone but the requester; `conflict` once it is closed.
 */
export async function withdrawIntroduction(ctx: Ctx, id: string): Promise<Introduction> {
  const requesterId = requireActor(ctx);
  const now = nowIso(ctx);
  const { open, row } = await inTransaction(ctx, async (tx) => {
    await expireOpenIntroductions(tx.db, now, requesterId);
    const row = await findIntroduction(tx.db, requesterId, id);
    if (!row || roleOf(row, requesterId) !== 'requester') throw notFound('introduction');
    if (!isOpen(row.state)) throw new AppError('conflict', 'only an open request can be withdrawn');
    const moved = await updateIntroductionIf(
      tx.db,
      row.id,
      { states: ['requested', 'awaiting-target'] },
      {
        state: 'withdrawn',
        closed_at: now,
        updated_at: now,
      },
    );
    if (!moved) throw new AppError('conflict', 'this introduction changed meanwhile: reload it');
    return { open: row, row: (await findIntroduction(tx.db, requesterId, id)) ?? row };
  });
  ctx.log.info({ introductionId: id }, 'introduction withdrawn');
  await tellWithdrawn(ctx, open);
  const [view] = await introductionViews(ctx, [{ row, role: 'requester' }]);
  return view as Introduction;
}
