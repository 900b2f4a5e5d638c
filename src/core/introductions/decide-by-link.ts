import { type TargetDecisionInput, targetDecisionInput } from '../../contracts/introductions';
import { type Ctx, inTransaction, nowIso } from '../context';
import { notFound, validationError } from '../errors';
import type { MailMessage } from '../mail/mailer';
import { validate } from '../validate';
import { completeIntroduction } from './complete-introduction';
import { openLink } from './intro-link';
import { accountsByIds, updateIntroductionIf } from './introduction.queries';
import { tellDeclined } from './tell-declined';
import { sendQuietly } from './view-introduction';

/**
 * The person's decision through the signed link (no account, no session: the one-time secret is the credential).
 * The link works once: accepting introduces (the requester gets what was chosen, the three get the introduction
 * e-mail), declining closes the request. A link that is not good is `not_found`, the same for every reason.
 */
export async function decideByLink(
  ctx: Ctx,
  token: string,
  input: TargetDecisionInput,
): Promise<{ decision: 'accept' | 'decline'; requesterName: string }> {
  const data = validate(targetDecisionInput, input);
  if (data.decision === 'decline' && data.share.length > 0)
    throw validationError('share', 'goes with an accept');
  const now = nowIso(ctx);
  const { id, requesterId, mails, row } = await inTransaction(ctx, async (tx) => {
    const open = await openLink(tx, token);
    if (!open) throw notFound('link');
    const { row, tokenHash } = open;
    let mails: MailMessage[] = [];
    if (data.decision === 'accept') {
      mails = await completeIntroduction(tx, row, data.share, { tokenHash });
    } else {
      const moved = await updateIntroductionIf(
        tx.db,
        row.id,
        { states: ['awaiting-target'], tokenHash },
        {
          state: 'target-declined',
          token_used_at: now,
          target_decided_at: now,
          closed_at: now,
          updated_at: now,
        },
      );
      if (!moved) throw notFound('link');
    }
    return { id: row.id, requesterId: row.requester_id, mails, row };
  });
  await sendQuietly(ctx, id, mails);
  if (data.decision === 'decline') await tellDeclined(ctx, row, 'target');
  ctx.log.info({ introductionId: id, decision: data.decision }, 'target decided on an introduction by link');
  const requesterName = (await accountsByIds(ctx.db, [requesterId])).get(requesterId)?.name ?? 'Someone';
  return { decision: data.decision, requesterName };
}
