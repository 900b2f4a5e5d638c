import type { Command } from 'commander';
import { ASK_DEFAULT_DAYS, ASK_MAX_DAYS, type AskDetail } from '../../contracts/asks';
import { answerAsk } from '../../core/asks/answer-ask';
import { closeAsk } from '../../core/asks/close-ask';
import { deleteAsk } from '../../core/asks/delete-ask';
import { getAsk } from '../../core/asks/get-ask';
import { listAsks } from '../../core/asks/list-asks';
import { postAsk } from '../../core/asks/post-ask';
import { AppError } from '../../core/errors';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { offeringView } from '../offering-view';
import { emit, fields, type GlobalOptions, note, table } from '../output';
import { cursorOption, MAX_PAGE, noteNextPage, type PageOptions, pageAsked } from '../pages';
import { collect, integer } from '../parse';
import { resolvePurpose } from '../purpose-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

function askView(a: AskDetail): string {
  const head = fields([
    ['id', a.id],
    ['asked by', a.mine ? 'you' : a.owner.name],
    ['need', a.title],
    ['details', a.body],
    ['state', a.state],
    ['open until', a.expiresOn],
    ...(a.purpose ? ([['purpose', a.purpose.name]] as [string, string][]) : []),
    ...(a.thanks ? ([['thanks', a.thanks]] as [string, string][]) : []),
  ]);
  const offering = a.offering.length
    ? `\n\nconnections who offer something like it (ask them too):\n${offeringView(a.offering)}`
    : '';
  if (a.answers.length === 0) return `${head}\n\nno answers yet${offering}`;
  return `${head}\n\n${table(
    ['answer id', 'from', 'offer', 'note'],
    a.answers.map((x) => [
      x.id,
      x.responder.name,
      x.kind === 'introduce'
        ? `introduction to ${x.introduction?.targetName ?? '?'} (${x.introduction?.state ?? 'gone'})`
        : 'can help',
      x.note,
    ]),
  )}${offering}`;
}

/** `rapport ask …`: needs posted to my connections. */
export function registerAsk(program: Command): void {
  const ask = program
    .command('ask')
    .description('post a need to your connections, see theirs, answer, and close with thanks');

  const post = ask
    .command('post')
    .description(
      `post a need: your connections see it on their Today and ask board until it expires (default ${ASK_DEFAULT_DAYS} days)`,
    )
    .argument('<title>', 'the need, in a line')
    .option('--body <text>', 'more detail')
    .option('--days <n>', `open for this many days, 1–${ASK_MAX_DAYS}`, integer(1, ASK_MAX_DAYS))
    .option('--purpose <purpose>', 'one of your purposes this serves, by name or id (only you see it)')
    .action(async (title: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & { body?: string; days?: number; purpose?: string }>();
      // A purpose by name, as every `purpose` command takes it.
      const a = await withAccount(o, async (ctx) => {
        const purposeId = o.purpose === undefined ? undefined : (await resolvePurpose(ctx, o.purpose)).id;
        return postAsk(ctx, { title, body: o.body, days: o.days, purposeId });
      });
      emit(o, a, () => `posted to your connections until ${a.expiresOn} (${a.id})`);
    });
  examples(post, [
    'rapport ask post "A guest speaker on supply chain for March" --days 45',
    'rapport ask post "An intro to a hiring manager at Monzo" --purpose "PM role"',
  ]);

  const list = ask
    .command('list')
    .description("your connections' open asks, newest first (or yours, with --mine)")
    .option('--mine', 'the asks you posted, in every state')
    .option('--limit <n>', `how many, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every page, not just the first')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & PageOptions & { mine?: boolean }>();
      const from = o.mine ? 'mine' : 'connections';
      const page = await withAccount(o, (ctx) =>
        pageAsked(o, (limit, cursor) => listAsks(ctx, { from, limit, cursor })),
      );
      emit(o, page, () =>
        page.items.length === 0
          ? o.mine
            ? 'you have posted no asks'
            : 'no open asks from your connections'
          : table(
              ['id', 'from', 'need', 'until', 'state', 'answers'],
              page.items.map((a) => [
                a.id,
                a.mine ? 'you' : a.owner.name,
                a.title,
                a.expiresOn,
                a.state,
                a.answerCount,
              ]),
            ),
      );
      noteNextPage(o, page, '(more asks: use --all or a larger --limit)');
    });
  examples(list, ['rapport ask list', 'rapport ask list --mine --all --json']);

  const show = ask
    .command('show')
    .description('one ask with its answers (yours: all of them; a connection’s: your own)')
    .argument('<id>', 'ask id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions>();
      const a = await withAccount(o, (ctx) => getAsk(ctx, id));
      emit(o, a, () => askView(a));
    });
  examples(show, ['rapport ask show 0193b6c2-…']);

  const answer = ask
    .command('answer')
    .description(
      'answer a connection’s ask: "I can help" with a note, or --introduce one of your contacts (an introduction you already accept; they still opt in)',
    )
    .argument('<id>', 'ask id')
    .argument('[note]', 'how you can help (for the asker)')
    .option('--introduce <contact>', 'one of your contacts (id or text that finds exactly one)')
    .option('--message <text>', 'with --introduce: a note forwarded to the person')
    .action(async (id: string, text: string | undefined, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & { introduce?: string; message?: string }>();
      if (o.introduce === undefined && o.message !== undefined) {
        throw new AppError('validation', '--message: goes with --introduce');
      }
      const a = await withAccount(o, async (ctx) => {
        if (o.introduce === undefined) return answerAsk(ctx, id, { kind: 'help', note: text ?? '' });
        const contact = await resolveContact(ctx, o.introduce);
        return answerAsk(ctx, id, {
          kind: 'introduce',
          contactId: contact.id,
          note: text,
          message: o.message,
        });
      });
      const mine = a.answers.at(-1);
      emit(o, a, () =>
        mine?.introduction
          ? `offered an introduction to ${mine.introduction.targetName}: they are asked now (introduction ${mine.introduction.id})`
          : `answered ${a.owner.name}’s ask`,
      );
    });
  fieldFlags(answer, { contactId: '--introduce' });
  examples(answer, [
    'rapport ask answer 0193b6c2-… "Our office has room for 40"',
    'rapport ask answer 0193b6c2-… "She spoke at our event" --introduce "Tara Target"',
  ]);

  const close = ask
    .command('close')
    .description(
      'close your ask; thank the answers that helped (a favour received is recorded with each person)',
    )
    .argument('<id>', 'ask id')
    .option('--thank <answer-id>', 'an answer that helped (repeatable)', collect)
    .option('--thanks <text>', 'a thank-you sent to each person thanked')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & { thank?: string[]; thanks?: string }>();
      const r = await withAccount(o, (ctx) => closeAsk(ctx, id, { thank: o.thank ?? [], thanks: o.thanks }));
      emit(o, r, () => `closed "${r.ask.title}"`);
      for (const p of r.favoursSkipped) {
        note(o, `no favour recorded for ${p.name}: no contact in your rolodex stands for them`);
      }
    });
  examples(close, ['rapport ask close 0193b6c2-… --thank 0193b6c3-… --thanks "Perfect, thank you!"']);

  const rm = ask
    .command('rm')
    .description('delete one of your asks and its answers')
    .argument('<id>', 'ask id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions>();
      await withAccount(o, (ctx) => deleteAsk(ctx, id));
      emit(o, { id, deleted: true }, () => `deleted ask ${id}`);
    });
  examples(rm, ['rapport ask rm 0193b6c2-…']);
}
