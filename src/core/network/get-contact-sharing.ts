import type { z } from 'zod';
import { type contactSharing, contactSharingQuery } from '../../contracts/network';
import { type Ctx, requireActor } from '../context';
import { validate } from '../validate';
import { sharingOfContacts } from './sharing.queries';

/** For the contact page: each of these contacts' own choice, its findable tags, and whether connections can find it now. */
export async function getContactSharing(
  ctx: Ctx,
  query: z.input<typeof contactSharingQuery>,
): Promise<z.infer<typeof contactSharing>> {
  const me = requireActor(ctx);
  const { contactIds } = validate(contactSharingQuery, query);
  const found = await sharingOfContacts(ctx.db, me, contactIds);
  return {
    items: contactIds.flatMap((id) => {
      const s = found.get(id);
      return s
        ? [{ contactId: id, share: s.share ?? 'default', findable: s.findable, findableTags: s.tags }]
        : [];
    }),
  };
}
