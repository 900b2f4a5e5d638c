import type { Command } from 'commander';
import type { z } from 'zod';
import { favourTally } from '../../contracts/favour-words';
import type { favourInput } from '../../contracts/relationships';
import { validationError } from '../../core/errors';
import { recordFavour } from '../../core/favours/record-favour';
import { getRelationship } from '../../core/relationships/get-relationship';
import { localNow, parseDay } from '../dates';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { balanceText, FAVOUR_SIZE_NAMES } from '../relationship-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

export const SIZES: Record<string, 1 | 2 | 3> = { small: 1, medium: 2, large: 3, '1': 1, '2': 2, '3': 3 };
export const DIRECTIONS: Record<string, 'given' | 'received'> = {
  gave: 'given',
  given: 'given',
  give: 'given',
  received: 'received',
  receive: 'received',
  got: 'received',
};

interface FavourOptions extends GlobalOptions {
  size?: string;
  date?: string;
}

export function registerFavour(program: Command): void {
  const cmd = program
    .command('favour')
    .description(
      'record a favour you gave someone or received from them: it strengthens the relationship and counts in ' +
        'the balance (`rapport favours balance`)',
    )
    .argument('<person>', 'contact id, or text that finds exactly one contact')
    .argument('<gave|received>', 'gave: you helped them; received: they helped you')
    .argument('<what>', 'what the favour was')
    .option('--size <size>', 'small, medium or large (or 1, 2, 3; default: small)')
    .option('--date <day>', 'when: YYYY-MM-DD, yesterday or -N days (default: today); never in the future')
    .action(async (ref: string, way: string, what: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<FavourOptions>();
      const direction = DIRECTIONS[way.trim().toLowerCase()];
      if (!direction) throw validationError('direction', `must be gave or received (got "${way}")`);
      const size = o.size === undefined ? undefined : SIZES[o.size.trim().toLowerCase()];
      if (o.size !== undefined && size === undefined) {
        throw validationError('size', `must be small, medium, large, 1, 2 or 3 (got "${o.size}")`);
      }
      const { favour, relationship } = await withAccount(o, async (ctx) => {
        const contact = await resolveContact(ctx, ref);
        const input: z.input<typeof favourInput> = { contactId: contact.id, direction, what };
        if (size !== undefined) input.size = size;
        if (o.date !== undefined)
          input.occurredOn = parseDay(o.date, (await localNow(ctx)).today, 'occurredOn');
        const favour = await recordFavour(ctx, input, 'cli');
        return { favour, relationship: await getRelationship(ctx, contact.id) };
      });
      emit(o, favour, () => {
        const name = favour.contact.displayName;
        const size = FAVOUR_SIZE_NAMES[favour.size] ?? String(favour.size);
        return [
          `recorded a ${size} favour ${favour.direction === 'given' ? `you gave ${name}` : `${name} gave you`}: ` +
            `${favour.what}, on ${favour.occurredOn} (${favour.id})`,
          `${name}: strength ${relationship.score} (${relationship.tier}), favours ` +
            `${favourTally(relationship.favours)} · balance ${balanceText(relationship.favours.balance)}`,
        ].join('\n');
      });
    });
  examples(cmd, [
    'rapport favour "Ada Lovelace" gave "Introduced her to Babbage" --size large',
    'rapport favour grace received "Reviewed my talk" --date yesterday',
    'rapport favours balance',
  ]);
  fieldFlags(cmd, { occurredOn: '--date', direction: '<gave|received>', contactId: '<person>' });
}
