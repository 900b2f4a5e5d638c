import type { z } from 'zod';
import {
  type contactSharingInput,
  contactSharingInput as contactSharingSchema,
  type SharingOverview,
  type sharingSettingsInput,
  sharingSettingsInput as sharingSettingsSchema,
  type tagSharingInput,
  tagSharingInput as tagSharingSchema,
} from '../../contracts/network';
import { DEFAULT_ACCOUNT_SETTINGS } from '../agenda/settings';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { validationError } from '../errors';
import { liveContactIds } from '../interactions/interaction.queries';
import { validate } from '../validate';
import { getSharing } from './get-sharing';
import { networkChanged } from './index/load-network-index';
import {
  liveTagIds,
  saveSharingSwitches,
  setContactsShare,
  setTagsFindable,
  sharingSettingsOf,
} from './sharing.queries';

/** Turns the actor's account-wide switches on or off: a coarse tier, a public LinkedIn link. Effective at once. */
export async function updateSharingSettings(
  ctx: Ctx,
  input: z.input<typeof sharingSettingsInput>,
): Promise<SharingOverview> {
  const me = requireActor(ctx);
  const data = validate(sharingSettingsSchema, input);
  await inTransaction(ctx, async (tx) => {
    const before = (await sharingSettingsOf(tx.db, [me])).get(me) ?? {
      shareTier: false,
      shareLinkedin: false,
    };
    const { today_limit, time_zone, digest_enabled, digest_hour, phone_region } = DEFAULT_ACCOUNT_SETTINGS;
    await saveSharingSwitches(
      tx.db,
      me,
      {
        share_tier: (data.shareTier ?? before.shareTier) ? 1 : 0,
        share_linkedin: (data.shareLinkedin ?? before.shareLinkedin) ? 1 : 0,
      },
      { today_limit, time_zone, digest_enabled, digest_hour, phone_region },
      nowIso(tx),
    );
    await networkChanged(tx);
  });
  return getSharing(ctx);
}

/** Makes tags findable or not (their contacts follow unless a contact decides for itself). Effective at once. */
export async function setTagSharing(
  ctx: Ctx,
  input: z.input<typeof tagSharingInput>,
): Promise<SharingOverview> {
  const me = requireActor(ctx);
  const data = validate(tagSharingSchema, input);
  await inTransaction(ctx, async (tx) => {
    const live = await liveTagIds(tx.db, me, data.tagIds);
    const missing = data.tagIds.findIndex((id) => !live.has(id));
    if (missing >= 0) throw validationError(`tagIds.${missing}`, 'is not one of your tags');
    await setTagsFindable(tx.db, me, data.tagIds, data.findable);
    await networkChanged(tx);
  });
  return getSharing(ctx);
}

/** Sets contacts findable, private, or back to following their tags (default). Effective at once. */
export async function setContactSharing(
  ctx: Ctx,
  input: z.input<typeof contactSharingInput>,
): Promise<SharingOverview> {
  const me = requireActor(ctx);
  const data = validate(contactSharingSchema, input);
  await inTransaction(ctx, async (tx) => {
    const ids = [...new Set(data.contactIds)];
    const live = await liveContactIds(tx.db, me, ids);
    const missing = data.contactIds.findIndex((id) => !live.has(id));
    if (missing >= 0) throw validationError(`contactIds.${missing}`, 'is not one of your contacts');
    await setContactsShare(tx.db, me, ids, data.share === 'default' ? null : data.share);
    await networkChanged(tx);
  });
  return getSharing(ctx);
}
