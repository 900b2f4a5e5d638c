import type { Kysely } from 'kysely';
import type { Database } from '../src/core/db/schema';
import { uuidIds } from '../src/core/ids';
import { pairOf } from '../src/core/network/connection.queries';
import type { Client, TestServer } from './http';

/**
 * Test factory: an accepted connection between accounts `a` and `b`, optionally linking each side to the contact
 * in its own rolodex that stands for the other (`aContact`: a's contact for b; `bContact`: b's contact for a).
 * Stands in for the connection use cases where a test is about something else.
 */
export async function seedConnection(
  db: Kysely<Database>,
  a: string,
  b: string,
  opts: { aContact?: string; bContact?: string; at?: string } = {},
): Promise<string> {
  const pair = pairOf(a, b);
  const at = opts.at ?? '2026-11-01T09:00:00.000Z';
  const id = uuidIds.next();
  const contactOf = (account: string) =>
    (account === a ? opts.aContact : account === b ? opts.bContact : undefined) ?? null;
  await db
    .insertInto('connections')
    .values({
      id,
      ...pair,
      requested_by: a,
      status: 'accepted',
      message: null,
      lo_contact_id: contactOf(pair.account_lo),
      hi_contact_id: contactOf(pair.account_hi),
      created_at: at,
      responded_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Test factory: removes the connection between `a` and `b` (what "remove connection" does). */
export async function removeConnection(db: Kysely<Database>, a: string, b: string): Promise<void> {
  const pair = pairOf(a, b);
  await db
    .deleteFrom('connections')
    .where('account_lo', '=', pair.account_lo)
    .where('account_hi', '=', pair.account_hi)
    .execute();
}

/** Test factory: marks the account's e-mail address verified (what following a verification link does). */
export async function markEmailVerified(db: Kysely<Database>, accountId: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ email_verified_at: '2026-11-01T09:00:00.000Z' })
    .where('id', '=', accountId)
    .execute();
}

/**
 * Test factory over HTTP: two new users (`aName`, `bName`) connected, each with a contact for the other (named by
 * the other's first name, with their e-mail), as the introduction tests need a requester and a broker.
 */
export async function connectedUsers(s: TestServer, aName: string, bName: string) {
  const a = await s.user(aName);
  const b = await s.user(bName);
  const contactFor = (owner: Client, name: string, email: string) =>
    owner.post('/api/v1/contacts', { displayName: name.split(' ')[0], emails: [{ value: email }] });
  const bOfA = await contactFor(a, bName, b.email);
  const aOfB = await contactFor(b, aName, a.email);
  await seedConnection(s.handle().db, a.accountId, b.accountId, {
    aContact: bOfA.body.id,
    bContact: aOfB.body.id,
  });
  return [a, b] as const;
}
