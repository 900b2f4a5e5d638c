import type { Command } from 'commander';
import { pastDayNote } from '../../contracts/past-day';
import type { PromiseView } from '../../contracts/relationships';
import { validationError } from '../../core/errors';
import { createPromise } from '../../core/promises/create-promise';
import { updatePromise } from '../../core/promises/update-promise';
import { localNow, parseDay } from '../dates';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, type GlobalOptions, note } from '../output';
import { promiseSentence } from '../relationship-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

interface PromiseOptions extends GlobalOptions {
  by?: string;
  theirs?: boolean;
}

const RESOLUTIONS = [
  { name: 'kept', status: 'kept', description: 'mark a promise kept (today; on time if by its due date)' },
  { name: 'broken', status: 'broken', description: 'mark a promise broken' },
  { name: 'released', status: 'released', description: 'both sides agreed to drop it: it no longer counts' },
  { name: 'reopen', status: 'open', description: 'open a kept, broken or released promise again' },
] as const;

export function registerPromise(program: Command): void {
  const promise = program
    .command('promise')
    .description(
      'record a promise you made to someone (or, with --theirs, one they made to you), due by a date; ' +
        'or resolve one: `promise kept|broken|released|reopen <id>`',
    )
    .argument('<person>', 'contact id, or text that finds exactly one contact')
    .argument('<what>', 'what was promised')
    // Not a required option: commander would then demand it of the kept/broken/… subcommands too.
    .option('--by <day>', 'due by: YYYY-MM-DD, today, tomorrow or +N days (required)')
    .option('--theirs', 'they promised it to you')
    .action(async (ref: string, what: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PromiseOptions>();
      if (o.by === undefined) throw validationError('dueOn', 'is required: give --by <day>');
      const by = o.by;
      let today = '';
      const created = await withAccount(o, async (ctx) => {
        const contact = await resolveContact(ctx, ref);
        today = (await localNow(ctx)).today;
        return createPromise(ctx, {
          contactId: contact.id,
          direction: o.theirs ? 'theirs' : 'mine',
          what,
          dueOn: parseDay(by, today, 'dueOn'),
        });
      });
      emit(o, created, () =>
        [
          `recorded: ${promiseSentence(created)} (${created.id})`,
          `when it is kept: rapport promise kept ${created.id}`,
        ].join('\n'),
      );
      // Accepted (a promise logged late), but said.
      const past = pastDayNote('promise', created.dueOn, today);
      if (past) note(o, past);
    });
  examples(promise, [
    'rapport promise "Ada Lovelace" "Send the deck" --by 2026-12-01',
    'rapport promise grace "Intro to her editor" --by +7 --theirs',
    'rapport promise kept 0193b6c2-…',
    'rapport promises',
  ]);
  fieldFlags(promise, { dueOn: '--by', direction: '--theirs', contactId: '<person>' });

  for (const r of RESOLUTIONS) {
    const sub = promise
      .command(r.name)
      .description(r.description)
      .argument('<id>', 'promise id (from `rapport promises` or `rapport today`)');
    // Kept yesterday, marked this morning: the day counts for the kept-on-time rate.
    if (r.status !== 'open')
      sub.option('--on <day>', 'the day it happened, if not today: YYYY-MM-DD, yesterday or -N');
    fieldFlags(sub, { resolvedOn: '--on' });
    sub.action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions & { on?: string }>();
      const updated: PromiseView = await withAccount(g, async (ctx) =>
        updatePromise(ctx, id, {
          status: r.status,
          ...(g.on === undefined
            ? {}
            : { resolvedOn: parseDay(g.on, (await localNow(ctx)).today, 'resolvedOn') }),
        }),
      );
      emit(g, updated, () =>
        r.status === 'open'
          ? `reopened: ${promiseSentence(updated)}`
          : `${r.name}: ${promiseSentence(updated)}`,
      );
    });
    examples(
      sub,
      r.status === 'open'
        ? [`rapport promise ${r.name} 0193b6c2-…`]
        : [`rapport promise ${r.name} 0193b6c2-…`, `rapport promise ${r.name} 0193b6c2-… --on yesterday`],
    );
  }
}
