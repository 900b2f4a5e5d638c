import { type Command, Option } from 'commander';
import type { z } from 'zod';
import type { accountSettingsInput, LastDigestSend } from '../../contracts/relationships';
import { getSettings } from '../../core/agenda/get-settings';
import { updateSettings } from '../../core/agenda/update-settings';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, fields, type GlobalOptions } from '../output';
import { integer } from '../parse';
import { withAccount } from '../runtime';

interface SettingsOptions extends GlobalOptions {
  todayLimit?: number;
  timeZone?: string;
  digest?: 'on' | 'off';
  digestHour?: number;
  phoneCountry?: string;
}

function lastDigestText(last: LastDigestSend | null): string {
  if (!last) return 'none yet';
  if (last.status === 'failed') return `${last.day}: failed at ${last.at}: ${last.error ?? 'unknown error'}`;
  if (last.status === 'sending') return `${last.day}: being sent`;
  return last.items === 0 ? `${last.day}: Today was empty, nothing sent` : `${last.day}: sent at ${last.at}`;
}

export function registerSettings(program: Command): void {
  const cmd = program
    .command('settings')
    .description(
      "your settings: Today's length, your time zone, the daily digest, your phone numbers' country; with flags, change them",
    )
    .option('--today-limit <n>', 'items on the Today list, 1–50', integer(1, 50))
    .option('--time-zone <zone>', 'IANA time zone that decides your "today", e.g. Europe/Paris')
    .addOption(new Option('--digest <on|off>', 'a daily email of the Today list').choices(['on', 'off']))
    .option('--digest-hour <hour>', 'local hour the digest is sent, 0–23', integer(0, 23))
    .option(
      '--phone-country <code>',
      'country of phone numbers written without a country code (ISO 3166, e.g. GB), or "none"; matching reads them in it',
    )
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<SettingsOptions>();
      const input: z.input<typeof accountSettingsInput> = {};
      if (o.todayLimit !== undefined) input.todayLimit = o.todayLimit;
      if (o.timeZone !== undefined) input.timeZone = o.timeZone;
      if (o.digest !== undefined) input.digestEnabled = o.digest === 'on';
      if (o.digestHour !== undefined) input.digestHour = o.digestHour;
      if (o.phoneCountry !== undefined)
        input.phoneRegion = o.phoneCountry.toLowerCase() === 'none' ? null : o.phoneCountry;
      const settings = await withAccount(o, (ctx) =>
        Object.keys(input).length === 0 ? getSettings(ctx) : updateSettings(ctx, input),
      );
      emit(o, settings, () =>
        fields([
          ['today limit', String(settings.todayLimit)],
          ['time zone', settings.timeZone],
          ['digest', settings.digestEnabled ? 'on' : 'off'],
          ['digest hour', `${String(settings.digestHour).padStart(2, '0')}:00`],
          [
            'phone country',
            settings.phoneRegion ?? 'none (numbers without a country code match only as written)',
          ],
          [
            'mail',
            settings.mailConfigured
              ? 'configured'
              : 'not configured (set SMTP_URL and MAIL_FROM): no digest is sent',
          ],
          ['last digest', lastDigestText(settings.lastDigest)],
        ]),
      );
    });
  examples(cmd, [
    'rapport settings',
    'rapport settings --today-limit 10 --time-zone Europe/Paris',
    'rapport settings --digest on --digest-hour 7',
    'rapport settings --phone-country GB',
  ]);
  fieldFlags(cmd, { digestEnabled: '--digest', phoneRegion: '--phone-country' });
}
