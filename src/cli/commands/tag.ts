import type { Command } from 'commander';
import type { ContactTagsInput, ContactTagsResult } from '../../contracts/tags';
import type { Ctx } from '../../core/context';
import { AppError, validationError } from '../../core/errors';
import { setTagCadence } from '../../core/relationships/set-tag-cadence';
import { listTags } from '../../core/tags/list-tags';
import { mergeTags } from '../../core/tags/merge-tags';
import { renameTag } from '../../core/tags/rename-tag';
import { tagContacts } from '../../core/tags/tag-contacts';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { resolveContact, resolveOrganisation, resolveTag } from '../resolve';
import { withAccount } from '../runtime';

interface SelectFlags extends GlobalOptions {
  search?: string;
  org?: string;
  tagged?: string;
  all?: boolean;
}

export function registerTag(program: Command): void {
  const tag = program
    .command('tag')
    .description(
      'add a tag to many contacts or take it off, rename or merge tags, or keep in touch with everyone carrying one',
    );

  for (const verb of ['add', 'remove'] as const) {
    const sub = selectOptions(
      tag
        .command(verb)
        .description(
          verb === 'add'
            ? 'add a tag (found or created) to these contacts, or to everyone a search finds; their other tags stay'
            : 'take a tag off these contacts, or off everyone a search finds',
        )
        .argument('<tag>', 'the tag, by name')
        .argument('[contacts...]', 'contact ids, or text that finds exactly one contact each'),
    ).action(async (name: string, refs: string[], _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<SelectFlags>();
      const result = await withAccount(g, async (ctx) =>
        tagContacts(ctx, {
          ...(await selection(ctx, refs, g)),
          ...(verb === 'add' ? { add: [name] } : { remove: [name] }),
        }),
      );
      emit(g, result, () => tagged(verb, name, result));
    });
    fieldFlags(sub, {
      add: '<tag>',
      remove: '<tag>',
      'filter.q': '--search',
      'filter.organisation': '--org',
      'filter.tag': '--tagged',
    });
    examples(
      sub,
      verb === 'add'
        ? [
            'rapport tag add conference-2026 --search "supply chain"',
            'rapport tag add acme-alumni --org "Acme Rockets"',
            'rapport tag add mentors "Ana López" 0193b6c2-…',
            'rapport tag add 2026-review --all',
          ]
        : ['rapport tag remove prospects --tagged customers', 'rapport tag remove mentors "Ana López"'],
    );
  }

  const rename = tag
    .command('rename')
    .description('rename a tag on every contact that carries it')
    .argument('<tag>', 'tag id or name')
    .argument('<new-name>', 'the new name')
    .action(async (ref: string, name: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const renamed = await withAccount(g, async (ctx) =>
        renameTag(ctx, resolveTag(await listTags(ctx), ref).id, { name }),
      );
      emit(g, renamed, () => `renamed ${ref} to ${renamed.name} (${renamed.contactCount} contacts)`);
    });
  fieldFlags(rename, { name: '<new-name>' });
  examples(rename, ['rapport tag rename mentr mentor', 'rapport tag rename 0193b6c2-… "former colleagues"']);

  const merge = tag
    .command('merge')
    .description('move every contact of one tag onto another and remove the first')
    .argument('<from>', 'tag id or name to merge away')
    .argument('<into>', 'tag id or name to keep')
    .action(async (from: string, into: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const kept = await withAccount(g, async (ctx) => {
        const tags = await listTags(ctx);
        return mergeTags(ctx, resolveTag(tags, from).id, { into: resolveTag(tags, into).id });
      });
      emit(
        g,
        kept,
        () =>
          `merged ${from} into ${kept.name} (${kept.contactCount} contacts)` +
          (kept.cadenceDays ? `; keep in touch every ${kept.cadenceDays} days` : ''),
      );
    });
  examples(merge, ['rapport tag merge "ex colleagues" "former colleagues"']);

  const cadence = tag
    .command('cadence')
    .description(
      'keep in touch with everyone carrying a tag every N days ("none" removes it); ' +
        "a person's own interval still wins",
    )
    .argument('<tag>', 'tag id or name')
    .argument('<days>', 'days between contacts, 1–3650, or none')
    .action(async (ref: string, days: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const cadenceDays = cadenceArg(days);
      const { name, result } = await withAccount(g, async (ctx) => {
        const found = resolveTag(await listTags(ctx), ref);
        return { name: found.name, result: await setTagCadence(ctx, found.id, { cadenceDays }) };
      });
      emit(g, result, () =>
        result.cadenceDays === null
          ? `${name}: no keep-in-touch interval (each person's tier decides)`
          : `${name}: keep in touch every ${result.cadenceDays} days`,
      );
    });
  fieldFlags(cadence, { cadenceDays: '<days>' });
  examples(cadence, ['rapport tag cadence "former students" 180', 'rapport tag cadence mentor none']);
}

/** The options that choose contacts the way `rapport list` and `rapport search` do. */
function selectOptions(cmd: Command): Command {
  return cmd
    .option('--search <text>', 'everyone this search finds (as `rapport search`, all of them)')
    .option('--org <organisation>', 'everyone at this organisation (id or name)')
    .option('--tagged <tag>', 'everyone with this tag')
    .option('--all', 'every contact');
}

/** Contacts named one by one, or a filter: one of the two, so that a typo never reaches everyone. */
async function selection(
  ctx: Ctx,
  refs: string[],
  o: SelectFlags,
): Promise<Pick<ContactTagsInput, 'ids' | 'filter'>> {
  const filtered = o.search !== undefined || o.org !== undefined || o.tagged !== undefined;
  if (refs.length > 0) {
    if (filtered || o.all)
      throw new AppError('validation', 'name contacts, or choose them with a filter: not both');
    const ids: string[] = [];
    for (const ref of refs) ids.push((await resolveContact(ctx, ref)).id);
    return { ids };
  }
  if (!filtered && !o.all)
    throw new AppError('validation', 'which contacts? name them, or give --search, --org, --tagged or --all');
  return {
    filter: {
      q: o.search,
      organisation: o.org === undefined ? undefined : (await resolveOrganisation(ctx, o.org)).id,
      tag: o.tagged,
    },
  };
}

function tagged(verb: 'add' | 'remove', name: string, r: ContactTagsResult): string {
  if (r.matched === 0) return 'no contacts found: nothing changed';
  const of = r.changed === r.matched ? '' : ` of ${r.matched}`;
  const n = `${r.changed}${of} ${r.matched === 1 ? 'contact' : 'contacts'}`;
  if (verb === 'add') return `added "${name}" to ${n}${of ? ' (the others had it already)' : ''}`;
  return `removed "${name}" from ${n}${of ? ' (the others did not have it)' : ''}`;
}

/** `none` (or `off`) clears the interval; otherwise a whole number of days (the use case checks the range). */
function cadenceArg(value: string): number | null {
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === 'off') return null;
  if (!/^\d+$/.test(v))
    throw validationError('cadenceDays', `must be a whole number of days or none (got "${value}")`);
  return Number(v);
}
