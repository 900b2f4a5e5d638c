import type { z } from 'zod';
import { type profile, profileInput } from '../../contracts/relationships';
import { lockAccount } from '../accounts/account.queries';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { findAccountProfile, saveAccountProfile } from '../imports/import.queries';
import { validate } from '../validate';
import { getProfile } from './get-profile';

/** Changes the fields given of the actor's profile; offers and needs replace the whole list. */
export async function updateProfile(
  ctx: Ctx,
  input: z.input<typeof profileInput>,
): Promise<z.infer<typeof profile>> {
  const accountId = requireActor(ctx);
  const data = validate(profileInput, input);
  return inTransaction(ctx, async (tx) => {
    // Two edits at once: the second starts from what the first wrote (each keeps the other's fields).
    await lockAccount(tx.db, accountId);
    const before = await findAccountProfile(tx.db, accountId);
    await saveAccountProfile(tx.db, {
      account_id: accountId,
      headline: 'headline' in data ? (data.headline ?? null) : (before?.headline ?? null),
      summary: 'summary' in data ? (data.summary ?? null) : (before?.summary ?? null),
      industry: before?.industry ?? null,
      location: 'location' in data ? (data.location ?? null) : (before?.location ?? null),
      linkedin_url: before?.linkedin_url ?? null,
      websites: before?.websites ?? '[]',
      positions: before?.positions ?? '[]',
      offers: data.offers ? JSON.stringify([...new Set(data.offers)]) : (before?.offers ?? '[]'),
      needs: data.needs ? JSON.stringify([...new Set(data.needs)]) : (before?.needs ?? '[]'),
      updated_at: nowIso(tx),
      organisation: 'organisation' in data ? data.organisation || null : (before?.organisation ?? null),
      show_offers: data.showOffers === undefined ? (before?.show_offers ?? 0) : data.showOffers ? 1 : 0,
      show_needs: data.showNeeds === undefined ? (before?.show_needs ?? 0) : data.showNeeds ? 1 : 0,
    });
    return getProfile(tx);
  });
}
