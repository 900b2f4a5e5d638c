import type { ContactSummary } from '../../contracts/contacts';
import type { Organisation } from '../../contracts/organisations';
import type { Tag } from '../../contracts/tags';
import { listTrashedContacts } from '../contacts/contact.queries';
import { presentSummaries } from '../contacts/present-contact';
import { type Ctx, requireActor } from '../context';
import { toOrganisation } from '../organisations/organisation';
import { listTrashedOrganisations } from '../organisations/organisation.queries';
import { listTrashedPurposes } from '../purposes/purpose.queries';
import { toTag } from '../tags/tag';
import { listTrashedTags } from '../tags/tag.queries';
import { inTrashWindow, purgeAfter } from './trash-window';

type Trashed<T> = T & { purgeAfter: string };

/** Everything the actor deleted that can still be restored, newest first, each with its purge date. */
export async function listTrash(ctx: Ctx): Promise<{
  contacts: Trashed<ContactSummary>[];
  organisations: Trashed<Organisation>[];
  tags: Trashed<Tag>[];
  purposes: Trashed<{ id: string; name: string; deletedAt: string | null }>[];
}> {
  const ownerId = requireActor(ctx);
  const live = <T extends { deleted_at: string | null }>(rows: T[]) =>
    rows.filter((r) => inTrashWindow(ctx, r.deleted_at));
  const withPurge = <T extends { deletedAt: string | null }>(x: T) => ({
    ...x,
    purgeAfter: purgeAfter(ctx, x.deletedAt ?? ''),
  });
  const [contacts, organisations, tags, purposes] = await Promise.all([
    listTrashedContacts(ctx.db, ownerId, 1000),
    listTrashedOrganisations(ctx.db, ownerId),
    listTrashedTags(ctx.db, ownerId),
    listTrashedPurposes(ctx.db, ownerId),
  ]);
  return {
    contacts: (await presentSummaries(ctx, ownerId, live(contacts))).map(withPurge),
    organisations: live(organisations).map(toOrganisation).map(withPurge),
    tags: live(tags).map(toTag).map(withPurge),
    purposes: live(purposes)
      .map((p) => ({ id: p.id, name: p.name, deletedAt: p.deleted_at }))
      .map(withPurge),
  };
}
