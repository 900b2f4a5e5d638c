import {
  type BrokerDecisionInput,
  brokerDecisionInput,
  type Introduction,
} from '../../contracts/introductions';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound, validationError } from '../errors';
import { validate } from '../validate';
import { askTarget, deliverTargetAsk } from './ask-target';
import { roleOf } from './introduction.policy';
import { expireOpenIntroductions, findIntroduction, updateIntroductionIf } from './introduction.queries';
import { reachOf, requestReach, targetFacts } from './target';
import { tellDeclined } from './tell-declined';
import { introductionViews } from './view-introduction';

/**
 * The broker's decision on a request waiting on them. Decline: closed, with an optional private reason that only
 * the broker ever sees (a decline of a person who cannot be asked is recorded as such: it blocks no new request). Accept: the person is asked (in the app if they have an account, else by a signed link
 * to the address the broker has, which needs one and a mail server: `conflict` otherwise, before anything
 * changes). `not_found` for anyone but the broker; `conflict` once it no longer waits on the broker.
 */
export async function decideAsBroker(
  ctx: Ctx,
  id: string,
  input: BrokerDecisionInput,
): Promise<Introduction> {
  const brokerId = requireActor(ctx);
  const data = validate(brokerDecisionInput, input);
  if (data.decision === 'accept' && data.reason) {
    throw validationError('reason', 'goes with a decline (send a message to the person instead)');
  }
  if (data.decision === 'decline' && data.message) {
    throw validationError('message', 'goes with an accept (a reason for declining stays private)');
  }
  const now = nowIso(ctx);
  const { row, asked } = await inTransaction(ctx, async (tx) => {
    await expireOpenIntroductions(tx.db, now, brokerId);
    const row = await findIntroduction(tx.db, brokerId, id);
    if (!row || roleOf(row, brokerId) !== 'broker') throw notFound('introduction');
    if (row.state !== 'requested') {
      throw new AppError('conflict', `this request no longer waits on you: it is ${row.state}`);
    }
    if (data.decision === 'decline') {
      // Declining a person who cannot be asked (as the broker is shown) is no choice: it starts no 90-day block.
      const unreachable = (await requestReach(tx, row)).problem !== null;
      const moved = await updateIntroductionIf(
        tx.db,
        row.id,
        { states: ['requested'] },
        {
          state: 'broker-declined',
          decline_cause: unreachable ? 'unreachable' : null,
          broker_note: data.reason ?? null,
          broker_decided_at: now,
          closed_at: now,
          updated_at: now,
        },
      );
      if (!moved) throw new AppError('conflict', 'this introduction changed meanwhile: reload it');
      return { row, asked: null };
    }
    const facts = row.broker_contact_id ? await targetFacts(tx, brokerId, row.broker_contact_id) : undefined;
    if (!facts) {
      throw new AppError(
        'conflict',
        `${row.target_name} is no longer in your contacts: restore them from the trash to accept, or decline`,
      );
    }
    const reach = await reachOf(tx, facts, brokerId);
    if (reach.problem) throw new AppError('conflict', reach.problem);
    if (reach.accountId === row.requester_id) throw new AppError('conflict', 'the person is the requester');
    return { row, asked: await askTarget(tx, row, reach, data.message ?? null, ['requested']) };
  });
  if (data.decision === 'decline') await tellDeclined(ctx, row, 'broker');
  if (asked) {
    await deliverTargetAsk(ctx, row.id, asked, async () => {
      await updateIntroductionIf(
        ctx.db,
        row.id,
        { states: ['awaiting-target'], ...(asked.tokenHash ? { tokenHash: asked.tokenHash } : {}) },
        {
          state: 'requested',
          target_account_id: null,
          target_email: null,
          token_hash: null,
          token_expires_at: null,
          broker_message: null,
          broker_decided_at: null,
          expires_at: row.expires_at,
          updated_at: now,
        },
      );
    });
  }
  ctx.log.info({ introductionId: row.id, decision: data.decision }, 'broker decided on an introduction');
  const fresh = await findIntroduction(ctx.db, brokerId, id);
  if (!fresh) throw notFound('introduction');
  const [view] = await introductionViews(ctx, [{ row: fresh, role: 'broker' }]);
  return view as Introduction;
}
