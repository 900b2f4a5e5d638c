import type { AccountSettingsTable } from '../db/schema';

export const DEFAULT_ACCOUNT_SETTINGS = {
  today_limit: 7,
  time_zone: 'UTC',
  digest_enabled: 0,
  digest_hour: 7,
  share_tier: 0,
  share_linkedin: 0,
  phone_region: null,
} as const;

export function toSettings(
  row:
    | Pick<
        AccountSettingsTable,
        'today_limit' | 'time_zone' | 'digest_enabled' | 'digest_hour' | 'phone_region'
      >
    | undefined,
) {
  const r = row ?? DEFAULT_ACCOUNT_SETTINGS;
  return {
    todayLimit: r.today_limit,
    timeZone: r.time_zone,
    digestEnabled: Boolean(r.digest_enabled),
    digestHour: r.digest_hour,
    phoneRegion: r.phone_region,
  };
}
