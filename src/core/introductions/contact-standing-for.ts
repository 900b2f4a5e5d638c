import type { Ctx } from '../context';
import { findPair } from '../network/connection.queries';
import { linkConnectionContact } from '../network/link-connection-contact';
import { contactForAccount } from './introduction.queries';

/**
 * The contact in `ownerId`'s rolodex that stands for account `otherId`, for logging an interaction or a favour:
 * while they are connected, the connection's contact (linked, matched or created, as direct messages do); else a
 * contact with the account's verified e-mail address; else null (nothing is invented for a stranger).
 */
export async function contactStandingFor(tx: Ctx, ownerId: string, otherId: string): Promise<string | null> {
  const connection = await findPair(tx.db, ownerId, otherId);
  if (connection?.status === 'accepted') return linkConnectionContact(tx, connection, ownerId);
  return contactForAccount(tx.db, ownerId, otherId);
}
