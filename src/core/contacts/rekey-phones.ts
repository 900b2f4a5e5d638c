import type { Ctx } from '../context';
import { channelKey } from './channels';
import { phoneChannelsOf, setChannelKeys } from './contact.queries';
import { reindexContacts } from './reindex-contacts';

/**
 * Reads every phone number of the owner's contacts again in `phoneRegion` (the account's country, just changed),
 * so that imports and the duplicates view find `07700 900777` and `+44 7700 900777` to be one number — or, with
 * none, match national numbers only as written again — and search finds them by the new keys' digits. Runs inside
 * the caller's transaction; returns how many matching keys changed.
 */
export async function rekeyPhones(tx: Ctx, ownerId: string, phoneRegion: string | null): Promise<number> {
  const changed: { id: string; value_norm: string | null }[] = [];
  const contacts = new Set<string>();
  for (const c of await phoneChannelsOf(tx.db, ownerId)) {
    const key = channelKey('phone', c.value, phoneRegion);
    if (key === c.value_norm) continue;
    changed.push({ id: c.id, value_norm: key });
    contacts.add(c.contact_id);
  }
  await setChannelKeys(tx.db, ownerId, changed);
  // Search finds a phone by the digits of its key (national and international forms once it can be read).
  await reindexContacts(tx, ownerId, [...contacts]);
  return changed.length;
}
