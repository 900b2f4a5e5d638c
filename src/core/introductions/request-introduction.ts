import { type Introduction, type IntroRequestInput, introRequestInput } from '../../contracts/introductions';
import { lockAccount } from '../accounts/account.queries';
import { normaliseEmailValue } from '../contacts/contact';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, validationError } from '../errors';
import { logAccess } from '../network/access-log.queries';
import { accountsOfContacts } from '../network/already-connected';
import { areConnected } from '../network/connection.queries';
import { findableAmong } from '../network/sharing.queries';
import { findPurpose } from '../purposes/purpose.queries';
import { validate } from '../validate';
import { requestMailToBroker } from './intro-mail';
import {
  addDays,
  INTRO_REPEAT_DAYS,
  INTRO_WEEKLY_QUOTA,
  newIntroductionRow,
  targetKeyOf,
} from './introduction';
import {
  accountMatchingEmails,
  accountsByIds,
  blockingIntroductions,
  insertIntroduction,
  ownerOfContact,
  requestTimesSince,
} from './introduction.queries';
import { reachOf, targetAccountOf, targetFacts, targetIdentity } from './target';
import { introductionViews, sendQuietly } from './view-introduction';

/** One answer for an unknown contact, a contact that is not findable and a broker who is not a connection. */
const notAvailable = () =>
  new AppError('not_found', "person not found among your connections' findable contacts");

/**
 * Asks a connection (the broker: the contact's owner) to introduce the actor to one of the broker's findable contacts. The broker sees
 * it in Today and by e-mail, and the access log records it. Throws `not_found` alike for a non-connection and an
 * unknown or unfindable contact, `rate_limited` past the weekly quota, `conflict` when the person is already one of
 * the requester's connections, while a request about the same person is open or within 90 days of a declining
 * choice, and on a server without mail when the person has no account (nobody could ask them).
 */
export async function requestIntroduction(ctx: Ctx, input: IntroRequestInput): Promise<Introduction> {
  const requesterId = requireActor(ctx);
  const data = validate(introRequestInput, input);
  const now = nowIso(ctx);
  const row = await inTransaction(ctx, async (tx) => {
    // One request at a time per requester: the quota and "already asked about this person" see the one before.
    await lockAccount(tx.db, requesterId);
    const recent = await requestTimesSince(tx.db, requesterId, addDays(now, -7));
    if (recent.length >= INTRO_WEEKLY_QUOTA) {
      const nextAt = addDays(recent[recent.length - INTRO_WEEKLY_QUOTA] as string, 7);
      throw new AppError(
        'rate_limited',
        `at most ${INTRO_WEEKLY_QUOTA} introduction requests in 7 days: you can ask again from ${nextAt.slice(0, 16).replace('T', ' ')} UTC`,
        { retryAt: nextAt },
      );
    }
    const brokerId = data.brokerId ?? (await ownerOfContact(tx.db, data.contactId));
    if (!brokerId || brokerId === requesterId || !(await areConnected(tx.db, requesterId, brokerId))) {
      throw notAvailable();
    }
    if (!(await findableAmong(tx.db, brokerId, [data.contactId])).has(data.contactId)) throw notAvailable();
    const facts = await targetFacts(tx, brokerId, data.contactId);
    if (!facts) throw notAvailable();
    if (data.purposeId && !(await findPurpose(tx.db, requesterId, data.purposeId))) {
      throw validationError('purposeId', 'is not one of your purposes');
    }
    // Who the person is on Rapport, by the same rule as everywhere in the network (ADR 13): someone the requester
    // is already connected to is one message away, with no broker and no decision in between.
    const behind = (await accountsOfContacts(tx.db, brokerId, [data.contactId])).get(data.contactId);
    if ((await targetAccountOf(tx, facts, brokerId))?.id === requesterId || behind?.id === requesterId) {
      throw validationError('contactId', 'is you');
    }
    if (behind && (await areConnected(tx.db, requesterId, behind.id))) {
      throw new AppError('conflict', `you are already connected to ${behind.name}: write to them directly`);
    }
    // The broker's own verified address on the contact: the person is the broker, a connection too (ADR 29).
    const brokerSelf = await accountMatchingEmails(tx.db, facts.emails.map(normaliseEmailValue));
    if (brokerSelf?.id === brokerId) {
      const broker = (await accountsByIds(tx.db, [brokerId])).get(brokerId);
      throw new AppError('conflict', `you are already connected to ${broker?.name}: write to them directly`);
    }
    const name = facts.name;
    const targetKey = targetKeyOf(requesterId, targetIdentity(facts));
    const blocking = await blockingIntroductions(
      tx.db,
      requesterId,
      targetKey,
      ['broker-declined', 'target-declined'],
      addDays(now, -INTRO_REPEAT_DAYS),
    );
    if (blocking.some((b) => b.state === 'requested' || b.state === 'awaiting-target')) {
      throw new AppError('conflict', `you already have an open introduction request about ${name}`);
    }
    const lastDecline = blocking
      .map((b) => b.closed_at as string)
      .sort()
      .at(-1);
    if (lastDecline) {
      throw new AppError(
        'conflict',
        `an introduction to ${name} was declined recently: you can ask again from ${addDays(lastDecline, INTRO_REPEAT_DAYS).slice(0, 10)}`,
      );
    }
    // Without a mail server only an account can be asked: a request nobody could ever accept is refused before it
    // counts, waits on the broker or ends in a decline. The refusal says only that, never whether the broker has
    // an address for them.
    if (!tx.mailer && (await reachOf(tx, facts, brokerId)).via !== 'account') {
      throw new AppError(
        'conflict',
        `${name} cannot be asked for an introduction on this server: it cannot send e-mail, so only people with an account here can be introduced`,
      );
    }
    const row = newIntroductionRow({
      id: tx.ids.next(),
      requesterId,
      brokerId,
      brokerContactId: data.contactId,
      targetKey,
      targetName: name,
      purposeId: data.purposeId ?? null,
      askId: null,
      why: data.why,
      now,
    });
    await insertIntroduction(tx.db, row);
    await logAccess(tx.db, [
      {
        id: tx.ids.next(),
        owner_id: brokerId,
        actor_id: requesterId,
        event: 'intro-request',
        query: null,
        contact_id: data.contactId,
        introduction_id: row.id,
        created_at: now,
      },
    ]);
    return row;
  });
  ctx.log.info({ introductionId: row.id }, 'introduction requested');
  const accounts = await accountsByIds(ctx.db, [requesterId, row.broker_id]);
  const broker = accounts.get(row.broker_id);
  if (broker) {
    await sendQuietly(ctx, row.id, [
      requestMailToBroker({
        to: { name: broker.name, address: broker.email },
        requesterName: accounts.get(requesterId)?.name ?? 'Someone',
        targetName: row.target_name,
        why: row.why,
        decideBy: row.expires_at,
        url: `${ctx.settings.publicUrl}/introductions/${row.id}`,
      }),
    ]);
  }
  const [view] = await introductionViews(ctx, [{ row, role: 'requester' }]);
  return view as Introduction;
}
