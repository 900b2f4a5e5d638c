import type { Command } from 'commander';
import type { z } from 'zod';
import type { relationshipSettingsInput } from '../../contracts/relationships';
import { AppError } from '../../core/errors';
import { getRelationship } from '../../core/relationships/get-relationship';
import { updateRelationship } from '../../core/relationships/update-relationship';
import { localNow } from '../dates';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { integer } from '../parse';
import { relationshipDetails } from '../relationship-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

interface RelationshipOptions extends GlobalOptions {
  closeness?: number;
  every?: number;
  defaultCadence?: boolean;
  stop?: boolean;
  resume?: boolean;
}

/** The settings change the flags ask for; `undefined` when none was given (just show). */
function settingsInput(o: RelationshipOptions): z.input<typeof relationshipSettingsInput> | undefined {
  if (o.every !== undefined && o.defaultCadence) {
    throw new AppError('validation', 'give --every or --default-cadence, not both');
  }
  if (o.stop && o.resume) throw new AppError('validation', 'give --stop or --resume, not both');
  const input: z.input<typeof relationshipSettingsInput> = {};
  if (o.closeness !== undefined) input.closeness = o.closeness;
  if (o.every !== undefined) input.cadenceDays = o.every;
  if (o.defaultCadence) input.cadenceDays = null;
  if (o.stop) input.stopped = true;
  if (o.resume) input.stopped = false;
  return Object.keys(input).length === 0 ? undefined : input;
}

export function registerRelationship(program: Command): void {
  const cmd = program
    .command('relationship')
    .description(
      'how strong a relationship is (0–100), why, and when to be in touch next; the flags change its settings',
    )
    .argument('<person>', 'contact id, or text that finds exactly one contact')
    .option(
      '--closeness <0-5>',
      'how close you feel (0 none … 5 closest): the score never drops below it',
      integer(0, 5),
    )
    .option('--every <days>', 'keep in touch every N days (overrides tag and tier)', integer(1, 3650))
    .option('--default-cadence', 'go back to the interval of their tags or tier')
    .option('--stop', 'no keep-in-touch reminders for this person')
    .option('--resume', 'reminders again after --stop')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<RelationshipOptions>();
      const input = settingsInput(o);
      const { contact, relationship, at } = await withAccount(o, async (ctx) => {
        const contact = await resolveContact(ctx, ref);
        const relationship = input
          ? await updateRelationship(ctx, contact.id, input)
          : await getRelationship(ctx, contact.id);
        return { contact, relationship, at: await localNow(ctx) };
      });
      emit(o, relationship, () => relationshipDetails(contact.displayName, relationship, at));
    });
  fieldFlags(cmd, { cadenceDays: '--every/--default-cadence', stopped: '--stop/--resume' });
  examples(cmd, [
    'rapport relationship "Ada Lovelace"',
    'rapport relationship ada --closeness 4 --every 30',
    'rapport relationship ada --default-cadence',
    'rapport relationship "Old Colleague" --stop',
    'rapport relationship ada --json',
  ]);
}
