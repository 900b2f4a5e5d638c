import type { TrashedContactsQuery, TrashListing } from '../../contracts/trash';
import { accountToday } from '../agenda/account-today';
import { type Ctx, requireActor } from '../context';
import { toFavour } from '../favours/favour';
import { toInteraction } from '../interactions/interaction';
import { contactsOfInteractions } from '../interactions/interaction.queries';
import { toOrganisation } from '../organisations/organisation';
import { listTrashedOrganisations } from '../organisations/organisation.queries';
import { toPromise } from '../promises/promise';
import { listTrashedPurposes } from '../purposes/purpose.queries';
import { toTag } from '../tags/tag';
import { listTrashedTags } from '../tags/tag.queries';
import { listTrashedContacts } from './list-trashed-contacts';
import { listTrashedFavours, listTrashedInteractions, listTrashedPromises } from './trash.queries';
import { inTrashWindow, purgeAfter, trashCutoff } from './trash-window';

/**
 * Everything the actor deleted that can still be restored, newest first, each with its purge date. Contacts come
 * a page at a time (`contacts`, the first page unless it says otherwise) with how many there are in all.
 */
export async function listTrash(ctx: Ctx, contacts: TrashedContactsQuery = {}): Promise<TrashListing> {
  const ownerId = requireActor(ctx);
  const live = <T extends { deleted_at: string | null }>(rows: T[]) =>
    rows.filter((r) => inTrashWindow(ctx, r.deleted_at));
  const withPurge = <T extends { deletedAt: string | null }>(x: T) => ({
    ...x,
    purgeAfter: purgeAfter(ctx, x.deletedAt ?? ''),
  });
  const since = trashCutoff(ctx);
  const [contactPage, organisations, tags, purposes, interactions, favours, promises, today] =
    await Promise.all([
      listTrashedContacts(ctx, contacts),
      listTrashedOrganisations(ctx.db, ownerId),
      listTrashedTags(ctx.db, ownerId),
      listTrashedPurposes(ctx.db, ownerId),
      listTrashedInteractions(ctx.db, ownerId, since),
      listTrashedFavours(ctx.db, ownerId, since),
      listTrashedPromises(ctx.db, ownerId, since),
      accountToday(ctx, ownerId),
    ]);
  const withWho = await contactsOfInteractions(
    ctx.db,
    ownerId,
    interactions.map((i) => i.id),
  );
  const deleted = <T>(x: T, deletedAt: string | null) => ({
    ...x,
    deletedAt: deletedAt ?? '',
    purgeAfter: purgeAfter(ctx, deletedAt ?? ''),
  });
  return {
    contacts: contactPage.items,
    contactsTotal: contactPage.total,
    contactsNextCursor: contactPage.nextCursor,
    organisations: live(organisations).map(toOrganisation).map(withPurge),
    tags: live(tags).map(toTag).map(withPurge),
    purposes: live(purposes)
      .map((p) => ({ id: p.id, name: p.name, deletedAt: p.deleted_at }))
      .map(withPurge),
    interactions: interactions.map((i) => deleted(toInteraction(i, withWho.get(i.id) ?? []), i.deleted_at)),
    favours: favours.map((f) => deleted(toFavour(f), f.deleted_at)),
    promises: promises.map((p) => deleted(toPromise(p, today), p.deleted_at)),
  };
}
