import type { z } from 'zod';
import { type Ask, askCloseInput } from '../../contracts/asks';
import { accountToday } from '../agenda/account-today';
import { actingAs, type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound, validationError } from '../errors';
import { recordFavour } from '../favours/record-favour';
import { contactStandingFor } from '../introductions/contact-standing-for';
import { accountsByIds } from '../introductions/introduction.queries';
import { composeMail } from '../mail/compose-mail';
import type { MailMessage } from '../mail/mailer';
import { validate } from '../validate';
import { answersOf, findVisibleAsk, updateOwnAskIf } from './ask.queries';
import { askViews } from './view-asks';

/**
 * Closes one of my asks (open or expired). Thanking answers records a favour received from each person thanked, on
 * the contact that stands for them in my rolodex (the connection's, created if need be; when we are no longer
 * connected and no contact matches, they are named in the result instead), and the same favour given in theirs,
 * on the contact that stands for me there (as an introduction does for its broker); a thank-you text is e-mailed
 * to each. `not_found` for anyone else's ask; `conflict` when closed.
 */
export async function closeAsk(
  ctx: Ctx,
  id: string,
  input: z.input<typeof askCloseInput>,
): Promise<{ ask: Ask; favoursSkipped: { accountId: string; name: string }[] }> {
  const ownerId = requireActor(ctx);
  const data = validate(askCloseInput, input);
  const today = await accountToday(ctx, ownerId);
  const now = nowIso(ctx);
  const { mails, skipped } = await inTransaction(ctx, async (tx) => {
    const ask = await findVisibleAsk(tx.db, ownerId, id, today);
    if (!ask || ask.owner_id !== ownerId) throw notFound('ask');
    if (ask.state === 'closed') throw new AppError('conflict', 'this ask is already closed');
    // Closed first: of two closes at once, the second finds it closed and thanks no one twice.
    const closed = await updateOwnAskIf(tx.db, ownerId, ask.id, ['open', 'expired'], {
      state: 'closed',
      closed_at: now,
      thanks: data.thanks ?? null,
      updated_at: now,
    });
    if (!closed) throw new AppError('conflict', 'this ask is already closed');
    const answers = await answersOf(tx.db, [ask.id]);
    const thanked = data.thank.map((answerId, i) => {
      const a = answers.find((x) => x.id === answerId);
      if (!a) throw validationError(`thank.${i}`, 'is not an answer to this ask');
      return a;
    });
    const people = [...new Map(thanked.map((a) => [a.responder_id, a.responder_name])).entries()];
    const skipped: { accountId: string; name: string }[] = [];
    for (const [accountId, name] of people) {
      const contactId = await contactStandingFor(tx, ownerId, accountId);
      if (!contactId) {
        skipped.push({ accountId, name });
        continue;
      }
      await recordFavour(
        tx,
        { contactId, direction: 'received', what: `Helped with my ask: ${ask.title}`.slice(0, 500), size: 1 },
        'ask',
      );
      // Their ledger too: helping is a favour given (skipped when I stand for no one in their rolodex).
      const mine = await contactStandingFor(tx, accountId, ownerId);
      if (mine) {
        await recordFavour(
          actingAs(tx, accountId),
          {
            contactId: mine,
            direction: 'given',
            what: `Helped ${ask.owner_name} with their ask: ${ask.title}`.slice(0, 500),
            size: 1,
          },
          'ask',
        );
      }
    }
    const mails: MailMessage[] = [];
    if (data.thanks && people.length > 0) {
      const accounts = await accountsByIds(tx.db, [ownerId, ...people.map(([accountId]) => accountId)]);
      const from = accounts.get(ownerId)?.name ?? 'Someone';
      for (const [accountId] of people) {
        const to = accounts.get(accountId);
        if (!to) continue;
        mails.push(
          composeMail({ name: to.name, address: to.email }, `${from} thanks you`, [
            `Hello ${to.name},`,
            `${from} closed the ask "${ask.title}" and thanks you:`,
            { quote: data.thanks },
          ]),
        );
      }
    }
    return { mails, skipped };
  });
  for (const mail of mails) {
    try {
      await ctx.mailer?.send(mail);
    } catch (err) {
      ctx.log.warn(
        { askId: id, error: err instanceof Error ? err.name : 'error' },
        'thank-you e-mail not sent',
      );
    }
  }
  const row = await findVisibleAsk(ctx.db, ownerId, id, today);
  if (!row) throw notFound('ask');
  const [view] = await askViews(ctx, ownerId, [row], today);
  return { ask: view as Ask, favoursSkipped: skipped };
}
