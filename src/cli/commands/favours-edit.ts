import type { Command } from 'commander';
import type { z } from 'zod';
import type { favourUpdateInput } from '../../contracts/relationships';
import { AppError, validationError } from '../../core/errors';
import { updateFavour } from '../../core/favours/update-favour';
import { localNow, parseDay } from '../dates';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { favourTable } from '../relationship-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';
import { DIRECTIONS, SIZES } from './favour';

interface EditFavourOptions extends GlobalOptions {
  what?: string;
  size?: string;
  date?: string;
  direction?: string;
  person?: string;
}

/** `rapport favours edit <id>`: corrects a recorded favour; the words are `rapport favour`'s. */
export function registerFavourEdit(favours: Command): void {
  const edit = favours
    .command('edit')
    .description('correct a recorded favour: only the flags given change; the balance is recomputed')
    .argument('<id>', 'favour id (from `rapport favours`)')
    .option('--what <text>', 'what the favour was')
    .option('--size <size>', 'small, medium or large (or 1, 2, 3)')
    .option('--date <day>', 'when: YYYY-MM-DD, yesterday or -N days; never in the future')
    .option('--direction <way>', 'gave: you helped them; received: they helped you')
    .option('--person <person>', 'it was with someone else: contact id, or text that finds exactly one')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<EditFavourOptions>();
      const input: z.input<typeof favourUpdateInput> = {};
      if (o.what !== undefined) input.what = o.what;
      if (o.size !== undefined) {
        input.size = SIZES[o.size.trim().toLowerCase()];
        if (input.size === undefined)
          throw validationError('size', `must be small, medium, large, 1, 2 or 3 (got "${o.size}")`);
      }
      if (o.direction !== undefined) {
        input.direction = DIRECTIONS[o.direction.trim().toLowerCase()];
        if (input.direction === undefined)
          throw validationError('direction', `must be gave or received (got "${o.direction}")`);
      }
      if (Object.keys(input).length === 0 && o.date === undefined && o.person === undefined) {
        throw new AppError('validation', 'nothing to change: give at least one flag');
      }
      const favour = await withAccount(o, async (ctx) => {
        if (o.date !== undefined)
          input.occurredOn = parseDay(o.date, (await localNow(ctx)).today, 'occurredOn');
        if (o.person !== undefined) input.contactId = (await resolveContact(ctx, o.person)).id;
        return updateFavour(ctx, id.trim(), input);
      });
      emit(o, favour, () => favourTable([favour]));
    });
  fieldFlags(edit, { occurredOn: '--date', contactId: '--person' });
  examples(edit, [
    'rapport favours edit 0193b6c2-… --what "Introduced her to Babbage" --size large',
    'rapport favours edit 0193b6c2-… --date yesterday --direction received',
    'rapport favours edit 0193b6c2-… --person "Grace Hopper"   # recorded against the wrong person',
  ]);
}
