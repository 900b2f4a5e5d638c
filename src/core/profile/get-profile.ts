import type { z } from 'zod';
import type { profile } from '../../contracts/relationships';
import { parseJsonArray } from '../contacts/contact';
import { type Ctx, requireActor } from '../context';
import { findAccountProfile } from '../imports/import.queries';

/** The actor's own profile: headline, summary, location, the skills of value they offer and what they need. */
export async function getProfile(ctx: Ctx): Promise<z.infer<typeof profile>> {
  const row = await findAccountProfile(ctx.db, requireActor(ctx));
  return {
    headline: row?.headline ?? null,
    summary: row?.summary ?? null,
    location: row?.location ?? null,
    offers: row ? parseJsonArray<string>(row.offers) : [],
    needs: row ? parseJsonArray<string>(row.needs) : [],
    organisation: row?.organisation ?? null,
    showOffers: row?.show_offers === 1,
    showNeeds: row?.show_needs === 1,
  };
}
