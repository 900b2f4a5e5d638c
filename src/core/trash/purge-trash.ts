import { purgeTrashedContacts } from '../contacts/contact.queries';
import { type Ctx, inTransaction } from '../context';
import { purgeTrashedOrganisations } from '../organisations/organisation.queries';
import { purgeTrashedPurposes } from '../purposes/purpose.queries';
import { purgeTrashedTags } from '../tags/tag.queries';
import { purgeTrashedLedger } from './trash.queries';
import { trashCutoff } from './trash-window';

/** System job: deletes for good whatever has been in any account's trash longer than `settings.trashDays`. */
export async function purgeTrash(ctx: Ctx): Promise<{
  contacts: number;
  organisations: number;
  tags: number;
  purposes: number;
  interactions: number;
  favours: number;
  promises: number;
}> {
  const before = trashCutoff(ctx);
  return inTransaction(ctx, async (tx) => ({
    contacts: await purgeTrashedContacts(tx.db, before),
    organisations: await purgeTrashedOrganisations(tx.db, before),
    tags: await purgeTrashedTags(tx.db, before),
    purposes: await purgeTrashedPurposes(tx.db, before),
    ...(await purgeTrashedLedger(tx.db, before)),
  }));
}
