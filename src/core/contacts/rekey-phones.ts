import type { Ctx } from '../context';
import { channelKey } from './channels';
import { phoneChannelsOf, setChannelKeys } from './contact.queries';

/**
 * Reads every phone number of the owner's contacts again in `phoneRegion` (the account's country, just changed),
 * so that imports and the duplicates view find `07700 900777` and `+44 7700 900777` to be one number — or, with
 * none, match national numbers only as written again. Runs inside the caller's transaction; returns how many
 * matching keys changed.
 */
export async function rekeyPhones(tx: Ctx, ownerId: string, phoneRegion: string | null): Promise<number> {
  const changed: { id: string; value_norm: string | null }[] = [];
  for (const c of await phoneChannelsOf(tx.db, ownerId)) {
    const key = channelKey('phone', c.value, phoneRegion);
    if (key !== c.value_norm) changed.push({ id: c.id, value_norm: key });
  }
  await setChannelKeys(tx.db, ownerId, changed);
  return changed.length;
}
