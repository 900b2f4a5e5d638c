import type { z } from 'zod';
import { type Introduction, introOutcomeInput } from '../../contracts/introductions';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { validate } from '../validate';
import { roleOf } from './introduction.policy';
import { findIntroduction, patchIntroduction } from './introduction.queries';
import { introductionViews } from './view-introduction';

/**
 * The requester notes how an introduction turned out (it ends the Today reminder). Only for the requester, only
 * once introduced (`not_found` / `conflict`); reporting again replaces it.
 */
export async function reportIntroductionOutcome(
  ctx: Ctx,
  id: string,
  input: z.input<typeof introOutcomeInput>,
): Promise<Introduction> {
  const requesterId = requireActor(ctx);
  const data = validate(introOutcomeInput, input);
  const row = await inTransaction(ctx, async (tx) => {
    const row = await findIntroduction(tx.db, requesterId, id);
    if (!row || roleOf(row, requesterId) !== 'requester') throw notFound('introduction');
    if (row.state !== 'introduced') throw new AppError('conflict', 'an outcome comes after the introduction');
    await patchIntroduction(tx.db, id, { outcome: data.outcome, updated_at: nowIso(tx) });
    return { ...row, outcome: data.outcome };
  });
  const [view] = await introductionViews(ctx, [{ row, role: 'requester' }]);
  return view as Introduction;
}
