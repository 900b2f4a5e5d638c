import type { Command } from 'commander';
import { validationError } from '../../core/errors';
import { setTagCadence } from '../../core/relationships/set-tag-cadence';
import { listTags } from '../../core/tags/list-tags';
import { mergeTags } from '../../core/tags/merge-tags';
import { renameTag } from '../../core/tags/rename-tag';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { resolveTag } from '../resolve';
import { withAccount } from '../runtime';

export function registerTag(program: Command): void {
  const tag = program
    .command('tag')
    .description('rename or merge tags, or keep in touch with everyone carrying one');

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
      emit(g, kept, () => `merged ${from} into ${kept.name} (${kept.contactCount} contacts)`);
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
  examples(cadence, ['rapport tag cadence "former students" 180', 'rapport tag cadence mentor none']);
}

/** `none` (or `off`) clears the interval; otherwise a whole number of days (the use case checks the range). */
function cadenceArg(value: string): number | null {
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === 'off') return null;
  if (!/^\d+$/.test(v))
    throw validationError('cadenceDays', `must be a whole number of days or none (got "${value}")`);
  return Number(v);
}
