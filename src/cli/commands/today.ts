import type { Command } from 'commander';
import type { TodayItem } from '../../contracts/relationships';
import { actOnTodayItem } from '../../core/agenda/act-on-today-item';
import { getToday } from '../../core/agenda/get-today';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { localNow, parseDay } from '../dates';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { integer } from '../parse';
import { todayView } from '../relationship-view';
import { contactIdNamed } from '../resolve';
import { withAccount } from '../runtime';

// The longest list getToday gives; ranks do not depend on the limit, so rank N is the same item in any list.
const MAX_TODAY = 50;

/**
 * The item a person means: a rank on today's list (as `rapport today` numbers it) or an item key. A key is taken as
 * given (it may be on a longer list than the one shown); a rank past the end of the list is `not_found`.
 */
async function findItem(ctx: Ctx, ref: string): Promise<{ key: string; item: TodayItem | null }> {
  const v = ref.trim();
  const list = await getToday(ctx, { limit: MAX_TODAY });
  if (/^\d+$/.test(v)) {
    const item = list.items.find((i) => i.rank === Number(v));
    if (!item) {
      throw new AppError(
        'not_found',
        `today's list has no item ${v} (it has ${list.items.length}); run \`rapport today\` for the current list`,
      );
    }
    return { key: item.key, item };
  }
  return { key: v, item: list.items.find((i) => i.key === v) ?? null };
}

/** The people on the list whose name, typed into a suggested command, would find someone else too. */
async function namedByIdOnly(ctx: Ctx, items: TodayItem[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const contact of new Map(
    items.flatMap((i) => (i.contact ? [[i.contact.id, i.contact]] : [])),
  ).values()) {
    const found = await contactIdNamed(ctx, contact.displayName).catch((e: unknown) => {
      if (e instanceof AppError && (e.code === 'validation' || e.code === 'not_found')) return null;
      throw e;
    });
    if (found !== contact.id) out.add(contact.id);
  }
  return out;
}

interface TodayOptions extends GlobalOptions {
  limit?: number;
}

export function registerToday(program: Command): void {
  const today = program
    .command('today')
    .description(
      'what to do today, most important first: promises, people waiting on you, birthdays, keeping in touch, ' +
        'favours you owe; each with its reason and a suggested action',
    )
    .option('--limit <n>', `how many items, 1–${MAX_TODAY} (default: your setting, 7)`, integer(1, MAX_TODAY))
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<TodayOptions>();
      const { list, byId } = await withAccount(o, async (ctx) => {
        const list = await getToday(ctx, { limit: o.limit });
        return { list, byId: o.json ? new Set<string>() : await namedByIdOnly(ctx, list.items) };
      });
      emit(o, list, () => todayView(list, byId));
    });
  examples(today, [
    'rapport today',
    'rapport today --limit 20',
    'rapport today done 1',
    'rapport today snooze 2 --until tomorrow',
    'rapport today --json',
  ]);

  const done = today
    .command('done')
    .description('take an item off the list for good (one of your promises: marks it kept)')
    .argument('<item>', "the item's number on today's list, or its key (from --json)")
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const { key, item } = await withAccount(g, async (ctx) => {
        const found = await findItem(ctx, ref);
        await actOnTodayItem(ctx, found.key, { action: 'done' });
        return found;
      });
      const kept = key.startsWith('promise:');
      emit(g, { key, action: kept ? 'kept' : 'done' }, () =>
        kept
          ? `kept: ${item ? item.title : key}`
          : `done: ${item ? item.title : key} (rapport today undo ${key} brings it back)`,
      );
    });
  examples(done, ['rapport today done 1', 'rapport today done promise:0193b6c2-…']);

  const snooze = today
    .command('snooze')
    .description('hide an item until a later day; it comes back then')
    .argument('<item>', "the item's number on today's list, or its key (from --json)")
    .requiredOption('--until <day>', 'YYYY-MM-DD, tomorrow or +N days')
    .action(async (ref: string, opts: { until: string }, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const { key, item, until } = await withAccount(g, async (ctx) => {
        const until = parseDay(opts.until, (await localNow(ctx)).today, 'until');
        const found = await findItem(ctx, ref);
        await actOnTodayItem(ctx, found.key, { action: 'snooze', until });
        return { ...found, until };
      });
      emit(g, { key, action: 'snooze', until }, () => `snoozed until ${until}: ${item ? item.title : key}`);
    });
  examples(snooze, ['rapport today snooze 2 --until tomorrow', 'rapport today snooze 3 --until 2026-12-24']);

  const undo = today
    .command('undo')
    .description(
      'bring back an item marked done or snoozed (a promise marked kept: `rapport promise reopen`)',
    )
    .argument('<key>', 'the key `done` printed, or from `rapport today --json`')
    .action(async (key: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      await withAccount(g, (ctx) => actOnTodayItem(ctx, key.trim(), { action: 'undo' }));
      emit(g, { key: key.trim(), action: 'undo' }, () => `back on the list when due: ${key.trim()}`);
    });
  examples(undo, ['rapport today undo favour-owed:0193b6c2-…']);
}
