import {
  type RestoredContacts,
  type RestoreTrashedContactsInput,
  restoreTrashedContactsInput,
} from '../../contracts/trash';
import { contactIdsMatching, untrashContacts } from '../contacts/contact.queries';
import { type Ctx, inTransaction, requireActor } from '../context';
import { AppError } from '../errors';
import { validate } from '../validate';
import { trashedContactFilter } from './trashed-contact-filter';

/**
 * Brings many contacts back from the trash at once, whole (as restoreContact does), in one transaction: those
 * named by `ids`, or with `all` every one the trash search `q` and `import` match (everything without them). Ids
 * not in the actor's trash (another account's, purged, past the trash window) are a `validation` error naming each
 * by its place in `ids`, and then none comes back. Returns how many did.
 */
export async function restoreTrashedContacts(
  ctx: Ctx,
  input: RestoreTrashedContactsInput,
): Promise<RestoredContacts> {
  const ownerId = requireActor(ctx);
  const data = validate(restoreTrashedContactsInput, input);
  return inTransaction(ctx, async (tx) => {
    const found = await trashedContactFilter(tx, ownerId, data.ids ? {} : data);
    if (!found) return { restored: 0 };
    // At most 1,000 ids (the contract): one statement each way.
    const filter = data.ids ? { ...found, ids: data.ids } : found;
    if (data.ids) {
      const inTrash = await contactIdsMatching(tx.db, filter);
      const missing = data.ids.flatMap((id, i) => (inTrash.has(id) ? [] : [`ids.${i}`]));
      if (missing.length > 0) {
        const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : '';
        throw new AppError('validation', `${missing[0]}: is not in your trash${more}`, {
          issues: missing.map((path) => ({ path, message: 'is not in your trash' })),
        });
      }
    }
    return { restored: await untrashContacts(tx.db, filter) };
  });
}
