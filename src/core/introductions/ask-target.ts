import { hashSecret } from '../accounts/account';
import { type Ctx, nowIso } from '../context';
import type { IntroductionTable } from '../db/schema';
import { AppError } from '../errors';
import { randomSecret } from '../ids';
import type { MailMessage } from '../mail/mailer';
import { linkMailToTarget, noticeMailToTargetAccount, offeredMailToRequester } from './intro-mail';
import { addDays, INTRO_WAIT_DAYS } from './introduction';
import { accountsByIds, updateIntroductionIf } from './introduction.queries';
import type { Reach } from './target';
import { sendQuietly } from './view-introduction';

export interface TargetAsked {
  /** The mail that asks the person; `required` when it carries the only way to answer (the signed link). */
  mail: MailMessage | null;
  required: boolean;
  tokenHash: string | null;
  /**
   * On an introduction offered on an ask, the asker's news that someone offers it: sent only once the person's mail
   * went out (an offer undone for want of its link is no news).
   */
  requesterMail: MailMessage | null;
}

/**
 * The broker's acceptance moves the request to the person, who gets a fresh wait of INTRO_WAIT_DAYS: an account
 * is asked in the app (and told by e-mail); anyone else by e-mail with a signed one-time link whose random secret
 * is stored only hashed. Moves the row from `fromStates`; the caller has checked `reach.problem` is null.
 */
export async function askTarget(
  tx: Ctx,
  row: IntroductionTable,
  reach: Reach,
  message: string | null,
  fromStates: readonly string[],
): Promise<TargetAsked> {
  const now = nowIso(tx);
  const expiresAt = addDays(now, INTRO_WAIT_DAYS);
  const accounts = await accountsByIds(
    tx.db,
    [row.requester_id, row.broker_id, reach.accountId].filter((x): x is string => x !== null),
  );
  const requesterName = accounts.get(row.requester_id)?.name ?? 'Someone';
  const brokerName = accounts.get(row.broker_id)?.name ?? 'Someone';
  const requester = accounts.get(row.requester_id);
  // Offered on an ask: the asker asked nobody for this person, so nothing else would tell them it is under way.
  const requesterMail =
    row.ask_id !== null && requester && tx.mailer
      ? offeredMailToRequester({
          to: { name: requester.name, address: requester.email },
          brokerName,
          targetName: row.target_name,
          askTitle: row.why.split('\n')[0] ?? row.why,
          decideBy: expiresAt,
          url: `${tx.settings.publicUrl}/introductions/${row.id}`,
        })
      : null;
  const common = {
    state: 'awaiting-target',
    broker_message: message,
    broker_decided_at: now,
    expires_at: expiresAt,
    updated_at: now,
  };
  if (reach.via === 'account' && reach.accountId) {
    const target = accounts.get(reach.accountId);
    const moved = await updateIntroductionIf(
      tx.db,
      row.id,
      { states: fromStates },
      {
        ...common,
        target_account_id: reach.accountId,
      },
    );
    if (!moved) throw new AppError('conflict', 'this introduction changed meanwhile: reload it');
    return {
      required: false,
      tokenHash: null,
      requesterMail,
      mail:
        target && tx.mailer
          ? noticeMailToTargetAccount({
              to: { name: target.name, address: target.email },
              requesterName,
              brokerName,
              why: row.why,
              message,
              url: `${tx.settings.publicUrl}/introductions/${row.id}`,
              expiresAt,
              offered: row.ask_id !== null,
            })
          : null,
    };
  }
  if (reach.via !== 'email' || !reach.email)
    throw new AppError('conflict', reach.problem ?? 'cannot be asked');
  const token = randomSecret();
  const tokenHash = hashSecret(token);
  const moved = await updateIntroductionIf(
    tx.db,
    row.id,
    { states: fromStates },
    {
      ...common,
      target_email: reach.email,
      token_hash: tokenHash,
      token_expires_at: expiresAt,
      token_used_at: null,
    },
  );
  if (!moved) throw new AppError('conflict', 'this introduction changed meanwhile: reload it');
  return {
    required: true,
    tokenHash,
    requesterMail,
    mail: linkMailToTarget({
      to: { name: row.target_name, address: reach.email },
      requesterName,
      brokerName,
      why: row.why,
      message,
      url: `${tx.settings.publicUrl}/intro/${token}`,
      expiresAt,
      offered: row.ask_id !== null,
    }),
  };
}

/**
 * Sends the mail that asks the person, after the change is committed. A notification may fail quietly; the
 * signed link may not: then `undo` puts things back as they were and the caller gets an error to retry.
 */
export async function deliverTargetAsk(
  ctx: Ctx,
  introductionId: string,
  asked: TargetAsked,
  undo: () => Promise<void>,
): Promise<void> {
  const news = asked.requesterMail ? [asked.requesterMail] : [];
  if (!asked.mail) return sendQuietly(ctx, introductionId, news);
  if (!asked.required) return sendQuietly(ctx, introductionId, [asked.mail, ...news]);
  try {
    if (!ctx.mailer) throw new Error('no mailer');
    await ctx.mailer.send(asked.mail);
  } catch (err) {
    ctx.log.warn(
      { introductionId, error: err instanceof Error ? err.name : 'error' },
      'introduction link e-mail not sent; undone',
    );
    await undo();
    throw new AppError(
      'internal',
      'the e-mail to the person could not be sent, so nothing changed: try again in a while',
    );
  }
  await sendQuietly(ctx, introductionId, news);
}
