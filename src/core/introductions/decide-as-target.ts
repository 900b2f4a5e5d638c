import {
  type Introduction,
  type TargetDecisionInput,
  targetDecisionInput,
} from '../../contracts/introductions';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound, validationError } from '../errors';
import type { MailMessage } from '../mail/mailer';
import { validate } from '../validate';
import { completeIntroduction } from './complete-introduction';
import { roleOf } from './introduction.policy';
import {
  expireOpenIntroductions,
  findIntroduction,
  lockIntroduction,
  updateIntroductionIf,
} from './introduction.queries';
import { tellDeclined } from './tell-declined';
import { introductionViews, sendQuietly } from './view-introduction';

/**
 * The person's decision, when they have an account: accept with what to share (then the introduction happens and
 * the three get the introduction e-mail) or decline (the requester only learns "declined"). `not_found` for anyone
 * who is not the person of a request the broker accepted; `conflict` once it no longer waits on them.
 */
export async function decideAsTarget(
  ctx: Ctx,
  id: string,
  input: TargetDecisionInput,
): Promise<Introduction> {
  const targetId = requireActor(ctx);
  const data = validate(targetDecisionInput, input);
  if (data.decision === 'decline' && data.share.length > 0) {
    throw validationError('share', 'goes with an accept');
  }
  const now = nowIso(ctx);
  const { mails, declined } = await inTransaction(ctx, async (tx) => {
    await expireOpenIntroductions(tx.db, now, targetId);
    // The same answer sent twice: the second reads what the first decided.
    await lockIntroduction(tx.db, id);
    const row = await findIntroduction(tx.db, targetId, id);
    if (!row || roleOf(row, targetId) !== 'target') throw notFound('introduction');
    if (row.state !== 'awaiting-target') {
      throw new AppError('conflict', `this introduction no longer waits on you: it is ${row.state}`);
    }
    if (data.decision === 'accept') {
      return { mails: await completeIntroduction(tx, row, data.share, {}), declined: null };
    }
    const moved = await updateIntroductionIf(
      tx.db,
      row.id,
      { states: ['awaiting-target'] },
      {
        state: 'target-declined',
        target_decided_at: now,
        closed_at: now,
        updated_at: now,
      },
    );
    if (!moved) throw new AppError('conflict', 'this introduction changed meanwhile: reload it');
    return { mails: [] as MailMessage[], declined: row };
  });
  await sendQuietly(ctx, id, mails);
  if (declined) await tellDeclined(ctx, declined, 'target');
  ctx.log.info({ introductionId: id, decision: data.decision }, 'target decided on an introduction');
  const fresh = await findIntroduction(ctx.db, targetId, id);
  if (!fresh) throw notFound('introduction');
  const [view] = await introductionViews(ctx, [{ row: fresh, role: 'target' }]);
  return view as Introduction;
}
