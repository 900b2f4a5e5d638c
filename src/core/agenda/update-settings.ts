import type { z } from 'zod';
import { accountSettingsInput } from '../../contracts/relationships';
import { lockAccount } from '../accounts/account.queries';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { digestDeliveryOf } from '../digest/digest-delivery';
import { validate } from '../validate';
import { saveSettings, settingsOf } from './agenda.queries';
import { DEFAULT_ACCOUNT_SETTINGS, toSettings } from './settings';

/** Changes the actor's agenda settings (only the fields given); answers like getSettings. */
export async function updateSettings(ctx: Ctx, input: z.input<typeof accountSettingsInput>) {
  const accountId = requireActor(ctx);
  const data = validate(accountSettingsInput, input);
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
      updated_at: nowIso(tx),
    };
    await saveSettings(tx.db, row);
    return row;
  });
  return { ...toSettings(row), ...(await digestDeliveryOf(ctx, accountId)) };
}
