import { type FeedTokenInput, feedTokenInput } from '../../contracts/feeds';
import { hashSecret } from '../accounts/account';
import { lockAccount } from '../accounts/account.queries';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError } from '../errors';
import { randomSecret } from '../ids';
import { validate } from '../validate';
import { insertFeedToken, listLiveFeedTokens } from './feed.queries';
import { MAX_LIVE_FEEDS, toFeedToken } from './feed-token';

/**
 * Creates a secret calendar-feed address for the actor, named if `input.name` is given. The token is returned once
 * and stored only hashed; throws `conflict` when MAX_LIVE_FEEDS feeds are already live (revoke one first).
 */
export async function createFeedToken(ctx: Ctx, input: FeedTokenInput = {}) {
  const accountId = requireActor(ctx);
  const data = validate(feedTokenInput, input);
  return inTransaction(ctx, async (tx) => {
    // Feeds created at once are counted one after the other.
    await lockAccount(tx.db, accountId);
    if ((await listLiveFeedTokens(tx.db, accountId)).length >= MAX_LIVE_FEEDS) {
      throw new AppError('conflict', `at most ${MAX_LIVE_FEEDS} calendar feeds: revoke one first`);
    }
    const token = randomSecret();
    const row = {
      id: tx.ids.next(),
      account_id: accountId,
      name: data.name ?? null,
      token_hash: hashSecret(token),
      created_at: nowIso(tx),
      revoked_at: null,
    };
    await insertFeedToken(tx.db, row);
    return { ...toFeedToken(row), token };
  });
}
