import type { z } from 'zod';
import { accountSettingsInput } from '../../contracts/relationships';
import { lockAccount } from '../accounts/account.queries';
import { isPhoneRegion } from '../contacts/contact';
import { rekeyPhones } from '../contacts/rekey-phones';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { digestDeliveryOf } from '../digest/digest-delivery';
import { validationError } from '../errors';
import { contactsWithHistory } from '../relationships/relationship.queries';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { validate } from '../validate';
import { saveSettings, settingsOf } from './agenda.queries';
import { DEFAULT_ACCOUNT_SETTINGS, toSettings } from './settings';

/**
 * Changes the actor's settings (only the fields given); answers like getSettings. A new phone country reads the
 * account's phone numbers again for matching (rekey-phones.ts).
 */
export async function updateSettings(ctx: Ctx, input: z.input<typeof accountSettingsInput>) {
  const accountId = requireActor(ctx);
  const data = validate(accountSettingsInput, input);
  if (data.phoneRegion && !isPhoneRegion(data.phoneRegion))
    throw validationError(
      'phoneRegion',
      `${data.phoneRegion} is not a country with phone numbers we can read`,
    );
  const row = await inTransaction(ctx, async (tx) => {
    // Two changes at once: the second starts from what the first wrote (each keeps the other's fields).
    await lockAccount(tx.db, accountId);
    const current = (await settingsOf(tx.db, accountId)) ?? {
      account_id: accountId,
      ...DEFAULT_ACCOUNT_SETTINGS,
      updated_at: nowIso(tx),
    };
    const row = {
      ...current,
      ...(data.todayLimit !== undefined ? { today_limit: data.todayLimit } : {}),
      ...(data.timeZone !== undefined ? { time_zone: data.timeZone } : {}),
      ...(data.digestEnabled !== undefined ? { digest_enabled: data.digestEnabled ? 1 : 0 } : {}),
      ...(data.digestHour !== undefined ? { digest_hour: data.digestHour } : {}),
      ...(data.phoneRegion !== undefined ? { phone_region: data.phoneRegion } : {}),
      updated_at: nowIso(tx),
    };
    await saveSettings(tx.db, row);
    // Matching keys follow the country at once: the next import and the duplicates view use them.
    if (row.phone_region !== current.phone_region) await rekeyPhones(tx, accountId, row.phone_region);
    return { ...row, zoneChanged: row.time_zone !== current.time_zone };
  });
  // Keep-in-touch dates are local days: a contact's last coffee may fall on another day in the new zone.
  if (row.zoneChanged)
    await rescheduleRelationships(ctx, accountId, await contactsWithHistory(ctx.db, accountId));
  return { ...toSettings(row), ...(await digestDeliveryOf(ctx, accountId)) };
}
