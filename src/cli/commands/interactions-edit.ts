import { type Command, Option } from 'commander';
import type { z } from 'zod';
import type { interactionUpdateInput } from '../../contracts/relationships';
import { AppError } from '../../core/errors';
import { updateInteraction } from '../../core/interactions/update-interaction';
import { localNow, parseOccurred } from '../dates';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { collect } from '../parse';
import { interactionTable } from '../relationship-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';
import { interactionKind } from './log';

const DIRECTIONS = ['outbound', 'inbound', 'mutual'] as const;
const ANSWERED = { yes: true, no: false, unknown: null } as const;

interface EditInteractionOptions extends GlobalOptions {
  kind?: string;
  date?: string;
  note?: string;
  direction?: (typeof DIRECTIONS)[number];
  answered?: keyof typeof ANSWERED;
  with?: string[];
}

/** `rapport interactions edit <id>`: corrects a logged interaction; the flags are `rapport log`'s where it has one. */
export function registerInteractionEdit(interactions: Command): void {
  const edit = interactions
    .command('edit')
    .description(
      'correct a logged interaction: only the flags given change; strength and keep-in-touch dates are recomputed',
    )
    .argument('<id>', 'interaction id (from `rapport interactions`)')
    .option('--kind <kind>', 'met, called, video, emailed, messaged, event or note')
    .option('--date <when>', 'when: YYYY-MM-DD, yesterday, -N days, or an ISO time; never in the future')
    .option('--note <text>', 'what it was about ("" clears it)')
    .addOption(new Option('--direction <way>', 'who reached out').choices(DIRECTIONS))
    .addOption(
      new Option('--answered <answer>', 'for a call: was it answered (no: missed)').choices(
        Object.keys(ANSWERED),
      ),
    )
    .option('--with <person>', 'who it was with: replaces everyone (repeatable, give each person)', collect)
    .action(async (id: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<EditInteractionOptions>();
      const input: z.input<typeof interactionUpdateInput> = {};
      if (o.kind !== undefined) input.kind = interactionKind(o.kind);
      if (o.note !== undefined) input.summary = o.note.trim() === '' ? null : o.note;
      if (o.direction !== undefined) input.direction = o.direction;
      if (o.answered !== undefined) input.answered = ANSWERED[o.answered];
      if (Object.keys(input).length === 0 && o.date === undefined && o.with === undefined) {
        throw new AppError('validation', 'nothing to change: give at least one flag');
      }
      const { interaction, timeZone } = await withAccount(o, async (ctx) => {
        const at = await localNow(ctx);
        if (o.date !== undefined) input.occurredAt = parseOccurred(o.date, at, 'occurredAt');
        if (o.with !== undefined) {
          const ids = [];
          for (const ref of o.with) ids.push((await resolveContact(ctx, ref)).id);
          input.contactIds = ids;
        }
        return { interaction: await updateInteraction(ctx, id.trim(), input), timeZone: at.timeZone };
      });
      emit(o, interaction, () => interactionTable([interaction], timeZone));
    });
  // The flags are `rapport log`'s: an error on a field names the flag that was typed.
  fieldFlags(edit, { occurredAt: '--date', summary: '--note', contactIds: '--with' });
  examples(edit, [
    'rapport interactions edit 0193b6c2-… --note "Coffee at the RSA, not the Athenaeum"',
    'rapport interactions edit 0193b6c2-… --kind called --date yesterday --answered no',
    'rapport interactions edit 0193b6c2-… --with ada --with "Grace Hopper"   # everyone who was there',
  ]);
}
