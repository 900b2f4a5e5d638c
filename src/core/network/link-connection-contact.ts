import { createContact } from '../contacts/create-contact';
import { actingAs, type Ctx } from '../context';
import type { ConnectionTable } from '../db/schema';
import { findAccountProfile } from '../imports/import.queries';
import { contactMatchingAccount, identitiesOf } from './account-match.queries';
import { otherOf } from './connection';
import { contactStateOf, linkContact } from './connection.queries';

/**
 * The contact in `accountId`'s rolodex that stands for the other account of an accepted connection, so messages
 * count as interactions: the linked one; else one matching the other account (verified email, own LinkedIn URL);
 * else a new contact with the name and organisation the other's profile shows connections (source 'rapport').
 * Null when the linked contact is in the trash (the owner put it there; nothing is recreated behind their back).
 */
export async function linkConnectionContact(
  tx: Ctx,
  connection: Pick<ConnectionTable, 'id' | 'account_lo' | 'account_hi' | 'lo_contact_id' | 'hi_contact_id'>,
  accountId: string,
): Promise<string | null> {
  const linked = connection.account_lo === accountId ? connection.lo_contact_id : connection.hi_contact_id;
  if (linked) {
    const row = await contactStateOf(tx.db, accountId, linked);
    if (row && !row.deleted_at) return row.id;
    // Merged away: follow it to the contact it lives on in.
    if (row?.merged_into) {
      await linkContact(tx.db, connection, accountId, row.merged_into);
      return row.merged_into;
    }
    if (row) return null;
  }
  const otherId = otherOf(connection, accountId);
  const identity = (await identitiesOf(tx.db, [otherId])).get(otherId);
  if (!identity) return null;
  let contactId = await contactMatchingAccount(tx.db, accountId, identity);
  if (!contactId) {
    const profile = await findAccountProfile(tx.db, otherId);
    const created = await createContact(
      actingAs(tx, accountId),
      { displayName: identity.name, organisation: profile?.organisation ?? null },
      'rapport',
    );
    contactId = created.id;
  }
  await linkContact(tx.db, connection, accountId, contactId);
  return contactId;
}
