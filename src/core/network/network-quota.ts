import { lockAccount } from '../accounts/account.queries';
import { type Ctx, nowIso } from '../context';
import { AppError } from '../errors';
import { oldestSearchSince, recordSearch, searchesSince } from './network-search.queries';

const DAY_MS = 86_400_000;

/**
 * How many network searches (second-degree and warm paths together) `accountId` has left in the rolling 24 hours;
 * throws `rate_limited` (HTTP 429) naming the limit and when the next one frees up when none is left. Every search
 * counts, repeated and near-identical ones too, so the cap × the daily limit bounds what anyone can enumerate.
 */
export async function searchesLeft(ctx: Ctx, accountId: string): Promise<number> {
  const limit = ctx.settings.networkSearchesPerDay;
  const since = new Date(ctx.clock.now().getTime() - DAY_MS).toISOString();
  const used = await searchesSince(ctx.db, accountId, since);
  if (used < limit) return limit - used;
  const oldest = await oldestSearchSince(ctx.db, accountId, since);
  const retryAt = new Date((oldest ? Date.parse(oldest) : ctx.clock.now().getTime()) + DAY_MS).toISOString();
  throw new AppError(
    'rate_limited',
    `network search limit reached: ${limit} searches per 24 hours; the next one is possible at ${retryAt}`,
    { limit, retryAt },
  );
}

/**
 * `searchesLeft` inside the transaction that records the search, the account locked first (ADR 20): searches sent
 * at once are counted one after another, so none passes the limit.
 */
export async function searchesLeftLocked(tx: Ctx, accountId: string): Promise<number> {
  await lockAccount(tx.db, accountId);
  return searchesLeft(tx, accountId);
}

/** Counts one search against the account's limit. */
export async function spendSearch(
  ctx: Ctx,
  accountId: string,
  kind: 'search' | 'path',
  query: string,
  resultCount: number,
): Promise<void> {
  await recordSearch(ctx.db, {
    id: ctx.ids.next(),
    account_id: accountId,
    kind,
    query,
    result_count: resultCount,
    created_at: nowIso(ctx),
  });
}
