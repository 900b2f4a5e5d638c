import type { Command } from 'commander';
import type { INTERACTION_KINDS, InteractionInput } from '../../contracts/relationships';
import { AppError, validationError } from '../../core/errors';
import { recordInteraction } from '../../core/interactions/record-interaction';
import { getRelationship } from '../../core/relationships/get-relationship';
import { dayOf, localNow, parseOccurred } from '../dates';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { collect } from '../parse';
import { strengthLine } from '../relationship-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

type Kind = (typeof INTERACTION_KINDS)[number];

/** The words people use for each kind, past tense included: `rapport log ada met`. */
const KIND_WORDS: Record<string, Kind> = {
  met: 'meeting',
  meet: 'meeting',
  meeting: 'meeting',
  call: 'call',
  called: 'call',
  phoned: 'call',
  video: 'video',
  videocall: 'video',
  'video-call': 'video',
  email: 'email',
  emailed: 'email',
  mail: 'email',
  message: 'message',
  messaged: 'message',
  texted: 'message',
  event: 'event',
  note: 'note',
};

/** The interaction kind a word names; anything else is a `validation` error listing the words. */
export function interactionKind(word: string): Kind {
  const kind = KIND_WORDS[word.trim().toLowerCase()];
  if (!kind) {
    throw validationError(
      'kind',
      `"${word}" is not a kind; use met, called, video, emailed, messaged, event or note`,
    );
  }
  return kind;
}

interface LogOptions extends GlobalOptions {
  note?: string;
  date?: string;
  out?: boolean;
  in?: boolean;
  missed?: boolean;
  with?: string[];
}

export function registerLog(program: Command): void {
  const cmd = program
    .command('log')
    .description(
      'log that you met, called, wrote to… someone: their strength and keep-in-touch date move on at once',
    )
    .argument('<person>', 'contact id, or text that finds exactly one contact')
    .argument(
      '<kind>',
      'met, called, video, emailed, messaged, event or note (or meeting, call, email, message)',
    )
    .option('--note <text>', 'what it was about')
    .option(
      '--date <when>',
      'when: YYYY-MM-DD, yesterday, -N days (a day alone: no time is kept), or an ISO time (default: now); never in the future',
    )
    .option('--out', 'you reached out (outbound)')
    .option('--in', 'they reached out (inbound)')
    .option('--missed', 'a call that was not answered')
    .option('--with <person>', 'someone else who was there (repeatable)', collect)
    .action(async (ref: string, word: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<LogOptions>();
      const kind = interactionKind(word);
      if (o.out && o.in) throw new AppError('validation', 'give --out or --in, not both');
      if (o.missed && kind !== 'call')
        throw new AppError('validation', '--missed: only a call can be missed');
      const { interaction, people, at } = await withAccount(o, async (ctx) => {
        const at = await localNow(ctx);
        const contacts = [];
        for (const r of [ref, ...(o.with ?? [])]) contacts.push(await resolveContact(ctx, r));
        const input: InteractionInput = {
          kind,
          contactIds: contacts.map((c) => c.id),
          direction: o.out ? 'outbound' : o.in ? 'inbound' : 'mutual',
        };
        if (o.date !== undefined) input.occurredAt = parseOccurred(o.date, at, 'occurredAt');
        if (o.note !== undefined) input.summary = o.note;
        if (o.missed) input.answered = false;
        const interaction = await recordInteraction(ctx, input, 'cli');
        const people = [];
        for (const c of interaction.contacts) {
          people.push({ name: c.displayName, relationship: await getRelationship(ctx, c.id) });
        }
        return { interaction, people, at };
      });
      emit(o, interaction, () =>
        [
          `logged ${interaction.answered === false ? 'missed ' : ''}${interaction.kind} with ` +
            `${interaction.contacts.map((c) => c.displayName).join(', ')} on ` +
            `${dayOf(interaction.occurredAt, at.timeZone)} (${interaction.id})`,
          ...people.map((p) => strengthLine(p.name, p.relationship, at.today)),
        ].join('\n'),
      );
    });
  examples(cmd, [
    'rapport log "Ada Lovelace" met --note "Coffee at the RSA"',
    'rapport log ada called --date yesterday --out --missed',
    'rapport log "Grace Hopper" emailed --in --note "Asked about the talk"',
    'rapport log ada event --with "Grace Hopper" --with 0193b6c2-… --date 2024-05-01',
  ]);
  fieldFlags(cmd, {
    occurredAt: '--date',
    summary: '--note',
    answered: '--missed',
    direction: '--out/--in',
    contactIds: '<person>/--with',
  });
}
