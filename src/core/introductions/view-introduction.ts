import type { Introduction, IntroRole } from '../../contracts/introductions';
import type { Ctx } from '../context';
import type { IntroductionTable } from '../db/schema';
import type { MailMessage } from '../mail/mailer';
import { findPurpose } from '../purposes/purpose.queries';
import { presentIntroduction } from './introduction';
import { accountsByIds } from './introduction.queries';
import { reachView, requestReach, shareOptionsOf } from './target';

/**
 * Builds the views of introductions for the acting account, each in that account's role, with what only that
 * role needs: the requester's purpose, the broker's reach (while deciding), the person's share options.
 */
export async function introductionViews(
  ctx: Ctx,
  rows: { row: IntroductionTable; role: IntroRole }[],
): Promise<Introduction[]> {
  const names = new Map(
    [
      ...(await accountsByIds(
        ctx.db,
        // The person's own account name for their own view: the broker's name for them is the broker's (a label
        // like "Tom (met at a bad time)" must not reach Tom).
        rows.flatMap(({ row, role }) => [
          row.requester_id,
          row.broker_id,
          ...(role === 'target' && row.target_account_id ? [row.target_account_id] : []),
        ]),
      )),
    ].map(([id, a]) => [id, a.name]),
  );
  const out: Introduction[] = [];
  for (const { row, role } of rows) {
    let purpose: { id: string; name: string } | null = null;
    if (role === 'requester' && row.purpose_id) {
      const p = await findPurpose(ctx.db, row.requester_id, row.purpose_id);
      purpose = p ? { id: p.id, name: p.name } : null;
    }
    let reach: Introduction['reach'] = null;
    if (role === 'broker' && row.state === 'requested') reach = reachView(await requestReach(ctx, row));
    const shareOptions =
      role === 'target' && row.state === 'awaiting-target' ? await shareOptionsOf(ctx, row) : null;
    out.push(presentIntroduction(row, role, { names, purpose, reach, shareOptions }));
  }
  return out;
}

/** Sends notifications after their change is committed; a failure is logged (ids only) and undoes nothing. */
export async function sendQuietly(ctx: Ctx, introductionId: string, mails: MailMessage[]): Promise<void> {
  const mailer = ctx.mailer;
  if (!mailer) return;
  for (const mail of mails) {
    try {
      await mailer.send(mail);
    } catch (err) {
      ctx.log.warn(
        { introductionId, error: err instanceof Error ? err.name : 'error' },
        'introduction e-mail not sent',
      );
    }
  }
}
