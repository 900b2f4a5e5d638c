import { type Command, Option } from 'commander';
import type { z } from 'zod';
import { pastDayNote } from '../../contracts/past-day';
import type { promiseUpdateInput } from '../../contracts/relationships';
import { AppError } from '../../core/errors';
import { updatePromise } from '../../core/promises/update-promise';
import { localNow, parseDay } from '../dates';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, type GlobalOptions, note } from '../output';
import { promiseTable } from '../relationship-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

const DIRECTIONS = ['mine', 'theirs'] as const;

interface EditPromiseOptions extends GlobalOptions {
  what?: string;
  by?: string;
  direction?: (typeof DIRECTIONS)[number];
  person?: string;
}

/**
 * `rapport promises edit <id>`: corrects what was promised, by when, to whom and whose it is. The status has its
 * own commands (`rapport promise kept|broken|released|reopen <id>`), which also set the day it was resolved.
 */
export function registerPromiseEdit(promises: Command): void {
  const edit = promises
    .command('edit')
    .description(
      'correct a promise: only the flags given change (kept, broken, released: `rapport promise kept <id>` …)',
    )
    .argument('<id>', 'promise id (from `rapport promises` or `rapport today`)')
    .option('--what <text>', 'what was promised')
    .option('--by <day>', 'due by: YYYY-MM-DD, today, tomorrow or +N days')
    .addOption(
      new Option('--direction <whose>', 'mine: you promised it; theirs: they promised it to you').choices(
        DIRECTIONS,
      ),
    )
    .option('--person <person>', 'it was with someone else: contact id, or text that finds exactly one')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<EditPromiseOptions>();
      const input: z.input<typeof promiseUpdateInput> = {};
      if (o.what !== undefined) input.what = o.what;
      if (o.direction !== undefined) input.direction = o.direction;
      if (Object.keys(input).length === 0 && o.by === undefined && o.person === undefined) {
        throw new AppError('validation', 'nothing to change: give at least one flag');
      }
      let today = '';
      const promise = await withAccount(o, async (ctx) => {
        today = (await localNow(ctx)).today;
        if (o.by !== undefined) input.dueOn = parseDay(o.by, today, 'dueOn');
        if (o.person !== undefined) input.contactId = (await resolveContact(ctx, o.person)).id;
        return updatePromise(ctx, id.trim(), input);
      });
      emit(o, promise, () => promiseTable([promise]));
      // A due day moved into the past is accepted, but said (only while the promise is open can it be overdue).
      const past =
        o.by !== undefined && promise.status === 'open' && pastDayNote('promise', promise.dueOn, today);
      if (past) note(o, past);
    });
  fieldFlags(edit, { dueOn: '--by', contactId: '--person' });
  examples(edit, [
    'rapport promises edit 0193b6c2-… --by +7',
    'rapport promises edit 0193b6c2-… --what "Send the deck and the notes" --direction theirs',
  ]);
}
