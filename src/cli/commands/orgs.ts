import type { Command } from 'commander';
import type { Organisation } from '../../contracts/organisations';
import { dismissOrganisationDuplicate } from '../../core/organisations/dismiss-organisation-duplicate';
import { findOrganisationDuplicates } from '../../core/organisations/find-organisation-duplicates';
import { listOrganisations } from '../../core/organisations/list-organisations';
import { mergeOrganisations } from '../../core/organisations/merge-organisations';
import { undoOrganisationMerge } from '../../core/organisations/undo-organisation-merge';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, type GlobalOptions, table } from '../output';
import { cursorOption, MAX_PAGE, noteNextPage, type PageOptions, pageAsked } from '../pages';
import { integer } from '../parse';
import { resolveOrganisation } from '../resolve';
import { withAccount } from '../runtime';
import { registerOrgEdit } from './orgs-edit';

interface OrgsOptions extends GlobalOptions {
  search?: string;
  limit?: number;
  cursor?: string;
  all?: boolean;
}

export function registerOrgs(program: Command): void {
  const cmd = program
    .command('orgs')
    .description('list your organisations with how many contacts work at each')
    .option('--search <text>', 'only organisations whose name contains this')
    .option('--limit <n>', `page size, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every page, not just the first')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<OrgsOptions>();
      const page = await withAccount(o, (ctx) =>
        pageAsked(o, (limit, cursor) => listOrganisations(ctx, { q: o.search, limit, cursor })),
      );
      emit(o, page, () =>
        page.items.length === 0
          ? 'no organisations'
          : table(
              ['ID', 'NAME', 'CONTACTS', 'WEBSITE'],
              page.items.map((org) => [org.id, org.name, org.contactCount, org.website]),
            ),
      );
      noteNextPage(o, page, '(more organisations: use --all or a larger --limit)');
    });
  fieldFlags(cmd, { q: '--search' });
  examples(cmd, ['rapport orgs', 'rapport orgs --search acme', 'rapport list --org 0193b6c2-…']);

  registerOrgEdit(cmd);

  const merge = cmd
    .command('merge')
    .description(
      'merge one organisation into another (two spellings of one company): its people and past positions move ' +
        'over, and its name leads to the kept one from then on; undoable',
    )
    .argument('<from>', 'the organisation to merge away (id or name)')
    .argument('<into>', 'the organisation to keep (id or name)')
    .action(async (from: string, into: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const { result, gone } = await withAccount(g, async (ctx) => {
        const gone = await resolveOrganisation(ctx, from);
        const kept = await resolveOrganisation(ctx, into);
        return { result: await mergeOrganisations(ctx, gone.id, { into: kept.id }), gone };
      });
      emit(
        g,
        result,
        () =>
          `merged ${gone.name} into ${result.organisation.name}: ${result.movedContacts} ` +
          `${result.movedContacts === 1 ? 'person' : 'people'} moved, ${result.organisation.contactCount} there now\n` +
          `merge id: ${result.mergeId}\nundo with: rapport orgs merge undo ${result.mergeId}`,
      );
    });
  examples(merge, [
    'rapport orgs merge "Acme Corp" "Acme Corporation"',
    'rapport orgs merge 0193b6c2-… 0193b6d0-… --json',
  ]);

  const undo = merge
    .command('undo')
    .description('split a merge of organisations: the merged one comes back with the people who moved')
    .argument('<merge-id>', 'merge id (printed by `rapport orgs merge`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const back = await withAccount(g, (ctx) => undoOrganisationMerge(ctx, id));
      emit(
        g,
        back,
        () => `split merge ${id}: ${back.name} (${back.id}) is back with ${back.contactCount} contacts`,
      );
    });
  examples(undo, ['rapport orgs merge undo 0193b6e1-…']);

  const duplicates = cmd
    .command('duplicates')
    .description(
      'organisations that may be one company under two spellings: strong when the names differ only in spacing ' +
        'and punctuation or they share a website, possible when one name extends the other or they are one letter apart',
    )
    .option('--limit <n>', `how many pairs, 1–${MAX_PAGE} (default: ${MAX_PAGE})`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every pair, not just the first page')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions & PageOptions>();
      const page = await withAccount(g, (ctx) =>
        pageAsked(g, (limit, cursor) => findOrganisationDuplicates(ctx, { limit, cursor })),
      );
      const pairs = page.items;
      const line = (org: Organisation) =>
        `  ${org.id}  ${org.name}  (${org.contactCount} ${org.contactCount === 1 ? 'person' : 'people'})`;
      emit(g, page, () =>
        pairs.length === 0
          ? 'no duplicate organisations found'
          : [
              ...pairs.map((p) => `${p.strength}: ${p.reasons.join('; ')}\n${line(p.a)}\n${line(p.b)}`),
              'merge with: rapport orgs merge <from> <into>; different companies: rapport orgs duplicates dismiss <a> <b>',
            ].join('\n\n'),
      );
      noteNextPage(
        g,
        page,
        `(${pairs.length} of ${page.total.toLocaleString('en')} pairs shown: use --all or a larger --limit)`,
      );
    });
  examples(duplicates, [
    'rapport orgs duplicates',
    'rapport orgs duplicates --limit 20',
    'rapport orgs duplicates --all --json',
  ]);

  const dismiss = duplicates
    .command('dismiss')
    .description('mark two organisations as different companies: the pair is no longer suggested')
    .argument('<a>', 'organisation id or name')
    .argument('<b>', 'the other organisation')
    .action(async (a: string, b: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const [x, y] = await withAccount(g, async (ctx) => {
        const x = await resolveOrganisation(ctx, a);
        const y = await resolveOrganisation(ctx, b);
        await dismissOrganisationDuplicate(ctx, { a: x.id, b: y.id });
        return [x, y];
      });
      emit(
        g,
        { a: x.id, b: y.id, dismissed: true },
        () => `${x.name} and ${y.name} are marked as different companies`,
      );
    });
  examples(dismiss, ['rapport orgs duplicates dismiss "Acme" "Acme Bank"']);
}
