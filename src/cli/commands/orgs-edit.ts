import type { Command } from 'commander';
import type { z } from 'zod';
import type { Organisation, organisationUpdateInput } from '../../contracts/organisations';
import { AppError } from '../../core/errors';
import { updateOrganisation } from '../../core/organisations/update-organisation';
import { examples } from '../help';
import { emit, fields, type GlobalOptions } from '../output';
import { resolveOrganisation } from '../resolve';
import { withAccount } from '../runtime';

interface EditOrgOptions extends GlobalOptions {
  name?: string;
  website?: string;
  notes?: string;
}

/** An organisation with everything `orgs edit` can change. */
export function organisationDetails(org: Organisation): string {
  return fields([
    ['id', org.id],
    ['name', org.name],
    ['website', org.website],
    ['notes', org.notes],
    ['contacts', String(org.contactCount)],
  ]);
}

/** `rapport orgs edit <organisation>`: renames an organisation or changes its website and notes. */
export function registerOrgEdit(orgs: Command): void {
  const edit = orgs
    .command('edit')
    .description('rename an organisation or change its website or notes: only the flags given change')
    .argument('<organisation>', 'organisation id or name (from `rapport orgs`)')
    .option('--name <name>', 'a new name (its people are found by it at once)')
    .option('--website <url>', 'its website ("" clears it)')
    .option('--notes <text>', 'notes ("" clears them)')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<EditOrgOptions>();
      const input: z.input<typeof organisationUpdateInput> = {};
      if (o.name !== undefined) input.name = o.name;
      if (o.website !== undefined) input.website = o.website;
      if (o.notes !== undefined) input.notes = o.notes;
      if (Object.keys(input).length === 0) {
        throw new AppError('validation', 'nothing to change: give at least one flag');
      }
      const org = await withAccount(o, async (ctx) =>
        updateOrganisation(ctx, (await resolveOrganisation(ctx, ref)).id, input),
      );
      emit(o, org, () => organisationDetails(org));
    });
  examples(edit, [
    'rapport orgs edit "Acme Rockets" --name "Acme Rocket Works" --website https://acme.example',
    'rapport orgs edit 0193b6c2-… --notes ""   # clears the notes',
  ]);
}
