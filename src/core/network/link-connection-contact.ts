import { createContact } from '../contacts/create-contact';
import { actingAs, type Ctx } from '../context';
import type { ConnectionTable } from '../db/schema';
import { findAccountProfile } from '../imports/import.queries';
import { contactMatchingAccount, identitiesOf } from './account-match.queries';
import { otherOf } from './connection';
import { contactStateOf, linkContact, lockConnection } from './connection.queries';

/**
 * The contact in `accountId`'s rolodex that stands for the other account of an accepted connection, so messages
 * count as interactions: the linked one; else one matching the other account (verified email, own LinkedIn URL);
 * else a new contact with the name and organisation the other's profile shows connections (source 'rapport').
 * Null when the linked contact is in the trash (the owner put it there; nothing is recreated behind their back).
 * The connection row is locked and read afresh first: of two requests at once (two messages, an introduction and a
 * thank-you), the second finds the contact the first linked instead of creating another.
 */
export async function linkConnectionContact(
  tx: Ctx,
  connection: Pick<ConnectionTable, 'id'>,
  accountId: string,
): Promise<string | null> {
  const current = await lockConnection(tx.db, connection.id);
  if (!current) return null;
  const linked = current.account_lo === accountId ? current.lo_contact_id : current.hi_contact_id;
  if (linked) {
    const row = await contactStateOf(tx.db, accountId, linked);
    if (row && !row.deleted_at) return row.id;
    // Merged away: follow it to the contact it lives on in.
    if (row?.merged_into) {
      await linkContact(tx.db, current, accountId, row.merged_into);
      return row.merged_into;
    }
    if (row) return null;
  }
  const otherId = otherOf(current, accountId);
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
  await linkContact(tx.db, current, accountId, contactId);
  return contactId;
}
