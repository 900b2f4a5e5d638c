import { type Kysely, sql, type Transaction } from 'kysely';

/**
 * Races `write` against another connection (PostgreSQL): `hold` takes its locks and makes its changes in a
 * transaction, `write` starts, and the transaction commits once `write` is seen waiting on it, or after 2 s when it
 * never waits (the race a missing lock lets through). Returns `write`'s outcome.
 */
export async function whileHeld<T>(
  db: Kysely<any>,
  hold: (trx: Transaction<any>) => Promise<unknown>,
  write: () => Promise<T>,
): Promise<T> {
  let outcome: Promise<T> | undefined;
  await db.transaction().execute(async (trx) => {
    await hold(trx);
    outcome = write();
    outcome.catch(() => undefined); // the caller awaits it; no unhandled rejection while the hold lasts
    for (const deadline = Date.now() + 2000; Date.now() < deadline; ) {
      // pg_stat_activity is read once per transaction and kept: without this, every later look sees the first.
      await sql`SELECT pg_stat_clear_snapshot()`.execute(trx);
      const waiting = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))`.execute(
        trx,
      );
      if ((waiting.rows[0]?.n ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  if (!outcome) throw new Error('the write never started');
  return outcome;
}
