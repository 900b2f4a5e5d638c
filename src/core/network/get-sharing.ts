import type { SharingOverview } from '../../contracts/network';
import { type Ctx, requireActor } from '../context';
import { contactsSharing, countFindable, sharingSettingsOf, tagsWithSharing } from './sharing.queries';

const LISTED = 200;

/** Everything the actor shares with connections, in one place: switches, tags, contacts that decide for themselves, the total. */
export async function getSharing(ctx: Ctx): Promise<SharingOverview> {
  const me = requireActor(ctx);
  const [settings, tags, findable, hidden, findableCount] = await Promise.all([
    sharingSettingsOf(ctx.db, [me]),
    tagsWithSharing(ctx.db, me),
    contactsSharing(ctx.db, me, 'findable', LISTED),
    contactsSharing(ctx.db, me, 'private', LISTED),
    countFindable(ctx.db, me),
  ]);
  const list = (l: typeof findable) => ({
    total: l.total,
    items: l.items.map((c) => ({ id: c.id, displayName: c.display_name })),
  });
  return {
    settings: settings.get(me) ?? { shareTier: false, shareLinkedin: false },
    tags: tags.map((t) => ({
      id: t.id,
      name: t.name,
      findable: t.findable === 1,
      contactCount: t.contact_count,
    })),
    contacts: { findable: list(findable), private: list(hidden) },
    findableCount,
  };
}
