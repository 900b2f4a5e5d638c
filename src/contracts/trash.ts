import { z } from 'zod';
import { contactSummary } from './contacts';
import { organisation } from './organisations';
import { tag } from './tags';

const purge = { purgeAfter: z.string() };
export const trashListing = z.object({
  contacts: z.array(contactSummary.extend(purge)),
  organisations: z.array(organisation.extend(purge)),
  tags: z.array(tag.extend(purge)),
  purposes: z.array(
    z.object({ id: z.string(), name: z.string(), deletedAt: z.string().nullable(), ...purge }),
  ),
});
export type TrashListing = z.infer<typeof trashListing>;
