import { type Command, Option } from 'commander';
import type { z } from 'zod';
import type { profileInput } from '../../contracts/relationships';
import { getProfile } from '../../core/profile/get-profile';
import { updateProfile } from '../../core/profile/update-profile';
import { examples } from '../help';
import { emit, fields, type GlobalOptions } from '../output';
import { collect } from '../parse';
import { withAccount } from '../runtime';

interface ProfileOptions extends GlobalOptions {
  headline?: string;
  summary?: string;
  location?: string;
  offer?: string[];
  need?: string[];
  organisation?: string;
  showOffers?: 'on' | 'off';
  showNeeds?: 'on' | 'off';
}

/** The update for exactly the flags given; "" clears a text, `--offer ''` alone empties the list. */
function profileChange(o: ProfileOptions): z.input<typeof profileInput> {
  const input: z.input<typeof profileInput> = {};
  for (const key of ['headline', 'summary', 'location', 'organisation'] as const) {
    const value = o[key];
    if (value !== undefined) input[key] = value.trim() === '' ? null : value;
  }
  const list = (values: string[]) => values.filter((v) => v.trim() !== '');
  if (o.offer) input.offers = list(o.offer);
  if (o.need) input.needs = list(o.need);
  if (o.showOffers) input.showOffers = o.showOffers === 'on';
  if (o.showNeeds) input.showNeeds = o.showNeeds === 'on';
  return input;
}

function seenBy(p: { showOffers: boolean; showNeeds: boolean }): string {
  const shown = [
    'name',
    'headline',
    'organisation',
    ...(p.showOffers ? ['offers'] : []),
    ...(p.showNeeds ? ['needs'] : []),
  ];
  return shown.join(', ');
}

export function registerProfile(program: Command): void {
  const cmd = program
    .command('profile')
    .description(
      'your own profile: headline, what you can offer people and what you need; with flags, change it ' +
        '(a list flag replaces the list, "" clears)',
    )
    .option('--headline <text>', 'one line about you')
    .option('--summary <text>', 'a few lines about you')
    .option('--location <place>', 'where you are')
    .option('--offer <skill>', 'something of value you can offer (repeatable)', collect)
    .option('--need <thing>', 'something you need or look for (repeatable)', collect)
    .option('--organisation <name>', 'where you work (your connections see it)')
    .addOption(
      new Option('--show-offers <on|off>', 'let your connections see your offers').choices(['on', 'off']),
    )
    .addOption(
      new Option('--show-needs <on|off>', 'let your connections see your needs').choices(['on', 'off']),
    )
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<ProfileOptions>();
      const input = profileChange(o);
      const profile = await withAccount(o, (ctx) =>
        Object.keys(input).length === 0 ? getProfile(ctx) : updateProfile(ctx, input),
      );
      emit(o, profile, () =>
        fields([
          ['headline', profile.headline],
          ['summary', profile.summary],
          ['location', profile.location],
          ['offers', profile.offers.join('\n')],
          ['needs', profile.needs.join('\n')],
          ['organisation', profile.organisation],
          ['connections see', seenBy(profile)],
        ]),
      );
    });
  examples(cmd, [
    'rapport profile',
    'rapport profile --headline "Data engineer, Lyon" --offer "Kafka reviews" --offer "Intros in fintech"',
    'rapport profile --need "A designer for a side project"',
    'rapport profile --need ""              # clears the needs',
    'rapport profile --organisation "Acme" --show-offers on',
  ]);
}
