import { type Ask, type AskAnswerInput, askAnswerInput } from '../../contracts/asks';
import { findAccountById } from '../accounts/account.queries';
import { accountToday } from '../agenda/account-today';
import { normaliseEmailValue } from '../contacts/contact';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound, validationError } from '../errors';
import { askTarget, deliverTargetAsk, type TargetAsked } from '../introductions/ask-target';
import { addDays, INTRO_REPEAT_DAYS, newIntroductionRow, targetKeyOf } from '../introductions/introduction';
import {
  accountMatchingEmails,
  blockingIntroductions,
  deleteIntroduction,
  insertIntroduction,
} from '../introductions/introduction.queries';
import { reachOf, targetFacts, targetIdentity } from '../introductions/target';
import { accountsOfContacts } from '../network/already-connected';
import { areConnected } from '../network/connection.queries';
import { helpOfferedMail, notify } from '../network/network-mail';
import { validate } from '../validate';
import { answersBy, answersOf, deleteAnswer, findVisibleAsk, insertAnswer, lockAsk } from './ask.queries';
import { askViews } from './view-asks';

/** Answers one account may give to one ask. */
const MAX_ANSWERS = 5;

/**
 * A connection answers an open ask: "I can help" with a note, or "I can introduce you to…" one of their own
 * contacts — which starts an introduction with the answerer as broker, already accepted, so the person is asked
 * straight away and still decides (the same rules as a broker's acceptance: `conflict` when they cannot be asked).
 * `not_found` for anyone who cannot see the ask (not a connection, closed, expired).
 */
export async function answerAsk(ctx: Ctx, askId: string, input: AskAnswerInput): Promise<Ask> {
  const responderId = requireActor(ctx);
  const data = validate(askAnswerInput, input);
  const today = await accountToday(ctx, responderId);
  const now = nowIso(ctx);
  const done = await inTransaction(ctx, async (tx) => {
    // Answers sent at once are taken one after the other: at most MAX_ANSWERS, and an ask closed meanwhile is gone.
    await lockAsk(tx.db, askId);
    const ask = await findVisibleAsk(tx.db, responderId, askId, today);
    if (!ask) throw notFound('ask');
    if (ask.owner_id === responderId) throw new AppError('conflict', 'this is your own ask');
    // The same offer sent again (a double click, a retried request) is the one already given: stored and mailed once.
    if (data.kind === 'help') {
      const note = data.note ?? null;
      const mine = await answersOf(tx.db, [ask.id], responderId);
      if (mine.some((a) => a.kind === 'help' && a.note === note)) return null;
    }
    if ((await answersBy(tx.db, ask.id, responderId)) >= MAX_ANSWERS) {
      throw new AppError('conflict', `you have answered this ask ${MAX_ANSWERS} times already`);
    }
    let intro: { id: string; asked: TargetAsked } | null = null;
    if (data.kind === 'introduce') {
      const facts = await targetFacts(tx, responderId, data.contactId);
      if (!facts) throw validationError('contactId', 'is not one of your contacts');
      const name = facts.name;
      const reach = await reachOf(tx, facts, responderId);
      // Who the person is on Rapport (ADR 13's rule, as a request checks it): the asker, the answerer, or one of the
      // asker's connections is nobody to be introduced to. The answerer may not learn whom the asker is connected
      // to, so that refusal has the words of a "no" that still stands (ADR 29).
      const behind = (await accountsOfContacts(tx.db, responderId, [facts.contact.id])).get(facts.contact.id);
      const standsFor = behind?.id ?? reach.accountId;
      if (reach.accountId === ask.owner_id || standsFor === ask.owner_id) {
        throw validationError('contactId', `is ${ask.owner_name}`);
      }
      if ((await accountMatchingEmails(tx.db, facts.emails.map(normaliseEmailValue)))?.id === responderId) {
        throw validationError('contactId', 'is you');
      }
      const cannotOffer = () =>
        new AppError('conflict', `an introduction to ${name} cannot be offered to ${ask.owner_name} now`);
      if (standsFor && (await areConnected(tx.db, ask.owner_id, standsFor))) throw cannotOffer();
      if (reach.problem) throw new AppError('conflict', reach.problem);
      const targetKey = targetKeyOf(ask.owner_id, targetIdentity(facts));
      const blocking = await blockingIntroductions(
        tx.db,
        ask.owner_id,
        targetKey,
        ['target-declined'],
        addDays(now, -INTRO_REPEAT_DAYS),
      );
      // The person's "no" stands (and an open request already asks them): said without saying which.
      if (blocking.length > 0) throw cannotOffer();
      const row = newIntroductionRow({
        id: tx.ids.next(),
        requesterId: ask.owner_id,
        brokerId: responderId,
        brokerContactId: facts.contact.id,
        targetKey,
        targetName: name,
        purposeId: ask.purpose_id,
        askId: ask.id,
        why: (ask.body ? `${ask.title}\n\n${ask.body}` : ask.title).slice(0, 2000),
        now,
      });
      await insertIntroduction(tx.db, row);
      intro = { id: row.id, asked: await askTarget(tx, row, reach, data.message ?? null, ['requested']) };
    }
    const answerId = tx.ids.next();
    await insertAnswer(tx.db, {
      id: answerId,
      ask_id: ask.id,
      responder_id: responderId,
      kind: data.kind,
      note: data.note ?? null,
      introduction_id: intro?.id ?? null,
      created_at: now,
    });
    return { answerId, intro, askerId: ask.owner_id, title: ask.title };
  });
  if (!done) return viewOf(ctx, responderId, askId, today);
  const intro = done.intro;
  if (intro) {
    await deliverTargetAsk(ctx, intro.id, intro.asked, async () => {
      await inTransaction(ctx, async (tx) => {
        await deleteAnswer(tx.db, done.answerId);
        await deleteIntroduction(tx.db, responderId, intro.id);
      });
    });
  }
  if (data.kind === 'help') {
    // The asker hears of an offer at once (an introduction offer reaches them through the introduction).
    const [asker, helper] = await Promise.all([
      findAccountById(ctx.db, done.askerId),
      findAccountById(ctx.db, responderId),
    ]);
    if (asker && helper) {
      await notify(
        ctx,
        helpOfferedMail({
          to: { name: asker.name, address: asker.email },
          fromName: helper.name,
          title: done.title,
          note: data.note ?? null,
          url: `${ctx.settings.publicUrl}/asks/${encodeURIComponent(askId)}`,
        }),
        'help offered',
      );
    }
  }
  ctx.log.info({ askId, answerId: done.answerId, kind: data.kind }, 'ask answered');
  return viewOf(ctx, responderId, askId, today);
}

async function viewOf(ctx: Ctx, responderId: string, askId: string, today: string): Promise<Ask> {
  const ask = await findVisibleAsk(ctx.db, responderId, askId, today);
  if (!ask) throw notFound('ask');
  const [view] = await askViews(ctx, responderId, [ask], today);
  return view as Ask;
}
