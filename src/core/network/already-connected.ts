import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { accountsMatchingContacts, connectionLinksOf } from './account-match.queries';

/** An account a contact stands for. */
export interface ContactAccount {
  id: string;
  name: string;
}

/**
 * The account each of `ownerId`'s contacts stands for, by the "on Rapport" rule of ADR 13: the account an accepted
 * connection links it to, else the one with a verified address among its emails, else the single account whose own
 * LinkedIn export carries its LinkedIn URL. Never the owner's own account; contacts that match none are absent.
 */
export async function accountsOfContacts(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
): Promise<Map<string, ContactAccount>> {
  const out = new Map<string, ContactAccount>(await connectionLinksOf(db, ownerId, contactIds));
  const rest = contactIds.filter((id) => !out.has(id));
  for (const [contactId, m] of await accountsMatchingContacts(db, ownerId, rest))
    out.set(contactId, m.account);
  return out;
}

/**
 * Of the contacts in `byOwner` (owner → that owner's contact ids), those that stand for one of `me`'s own
 * connections (`connected`: my connected account ids): someone to write to directly, not to be introduced to.
 * Keyed by contact id. Only what `me` already knows leaves it (the connection's id and name), never how it matched.
 */
export async function alreadyConnectedAmong(
  db: Kysely<Database>,
  byOwner: ReadonlyMap<string, readonly string[]>,
  connected: ReadonlySet<string>,
): Promise<Map<string, ContactAccount>> {
  const out = new Map<string, ContactAccount>();
  for (const [owner, ids] of byOwner) {
    for (const [contactId, account] of await accountsOfContacts(db, owner, [...ids])) {
      if (connected.has(account.id)) out.set(contactId, account);
    }
  }
  return out;
}
