import type { TrashedContactsQuery, TrashListing } from '../../contracts/trash';
import { type Ctx, requireActor } from '../context';
import { toOrganisation } from '../organisations/organisation';
import { listTrashedOrganisations } from '../organisations/organisation.queries';
import { listTrashedPurposes } from '../purposes/purpose.queries';
import { toTag } from '../tags/tag';
import { listTrashedTags } from '../tags/tag.queries';
import { listTrashedContacts } from './list-trashed-contacts';
import { trashedFavoursPage, trashedInteractionsPage, trashedPromisesPage } from './list-trashed-ledger';
import { TRASHED_LEDGER_LIMIT } from './trash.queries';
import { inTrashWindow, purgeAfter } from './trash-window';

/**
 * Everything the actor deleted that can still be restored, newest first, each with its purge date. Contacts come
 * a page at a time (`contacts`, the first page unless it says otherwise) with how many there are in all;
 * interactions, favours and promises the newest 1,000 of each, with the cursor of the rest.
 */
export async function listTrash(ctx: Ctx, contacts: TrashedContactsQuery = {}): Promise<TrashListing> {
  const ownerId = requireActor(ctx);
  const live = <T extends { deleted_at: string | null }>(rows: T[]) =>
    rows.filter((r) => inTrashWindow(ctx, r.deleted_at));
  const withPurge = <T extends { deletedAt: string | null }>(x: T) => ({
    ...x,
    purgeAfter: purgeAfter(ctx, x.deletedAt ?? ''),
  });
  const [contactPage, organisations, tags, purposes, interactions, favours, promises] = await Promise.all([
    listTrashedContacts(ctx, contacts),
    listTrashedOrganisations(ctx.db, ownerId),
    listTrashedTags(ctx.db, ownerId),
    listTrashedPurposes(ctx.db, ownerId),
    trashedInteractionsPage(ctx, ownerId, TRASHED_LEDGER_LIMIT),
    trashedFavoursPage(ctx, ownerId, TRASHED_LEDGER_LIMIT),
    trashedPromisesPage(ctx, ownerId, TRASHED_LEDGER_LIMIT),
  ]);
  return {
    contacts: contactPage.items,
    contactsTotal: contactPage.total,
    contactsNextCursor: contactPage.nextCursor,
    organisations: live(organisations).map(toOrganisation).map(withPurge),
    tags: live(tags).map(toTag).map(withPurge),
    purposes: live(purposes)
      .map((p) => ({ id: p.id, name: p.name, deletedAt: p.deleted_at }))
      .map(withPurge),
    interactions: interactions.items,
    interactionsNextCursor: interactions.nextCursor,
    favours: favours.items,
    favoursNextCursor: favours.nextCursor,
    promises: promises.items,
    promisesNextCursor: promises.nextCursor,
  };
}
