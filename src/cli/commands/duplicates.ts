import type { Command } from 'commander';
import type { ContactSummary } from '../../contracts/contacts';
import { dismissDuplicate } from '../../core/duplicates/dismiss-duplicate';
import { findDuplicates } from '../../core/duplicates/find-duplicates';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { cursorOption, MAX_PAGE, noteNextPage, type PageOptions, pageAsked } from '../pages';
import { integer } from '../parse';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

function person(c: ContactSummary): string {
  const about = [c.organisation?.name, c.primaryEmail].filter(Boolean).join(' · ');
  return `  ${c.id}  ${c.displayName}${about ? `  (${about})` : ''}`;
}

const pairsInAll = (page: { total: number; totalExact: boolean }) =>
  `${page.totalExact ? '' : 'more than '}${page.total.toLocaleString('en')}`;

export function registerDuplicates(program: Command): void {
  const duplicates = program
    .command('duplicates')
    .description(
      'contacts that may be the same person: strong when they share an email, LinkedIn profile or phone, ' +
        'possible when only their names look alike',
    )
    .option('--limit <n>', `how many pairs, 1–${MAX_PAGE} (default: ${MAX_PAGE})`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every pair, not just the first page')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions & PageOptions>();
      const page = await withAccount(g, (ctx) =>
        pageAsked(g, (limit, cursor) => findDuplicates(ctx, { limit, cursor })),
      );
      const pairs = page.items;
      emit(g, page, () =>
        pairs.length === 0
          ? 'no duplicates found'
          : [
              ...pairs.map((p) => `${p.strength}: ${p.reasons.join('; ')}\n${person(p.a)}\n${person(p.b)}`),
              'merge with: rapport merge <keep> <merge>; not the same person: rapport duplicates dismiss <a> <b>',
            ].join('\n\n'),
      );
      noteNextPage(
        g,
        page,
        `(${pairs.length} of ${pairsInAll(page)} pairs shown: use --all or a larger --limit)`,
      );
    });
  examples(duplicates, [
    'rapport duplicates',
    'rapport duplicates --limit 20',
    'rapport duplicates --all --json',
  ]);

  const dismiss = duplicates
    .command('dismiss')
    .description('mark two contacts as different people: the pair is no longer suggested')
    .argument('<a>', 'contact id, or text that finds exactly one contact')
    .argument('<b>', 'the other contact')
    .action(async (a: string, b: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const [x, y] = await withAccount(g, async (ctx) => {
        const x = await resolveContact(ctx, a);
        const y = await resolveContact(ctx, b);
        await dismissDuplicate(ctx, x.id, y.id);
        return [x, y];
      });
      emit(
        g,
        { a: x.id, b: y.id, dismissed: true },
        () => `${x.displayName} and ${y.displayName} are marked as different people`,
      );
    });
  examples(dismiss, [
    'rapport duplicates dismiss "Ana López" "Ana Lopez"',
    'rapport duplicates dismiss 0193b6c2-… 0193b6d0-…',
  ]);
}
