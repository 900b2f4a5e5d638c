import { type Command, InvalidArgumentError, Option } from 'commander';
import { INTRO_ROLES, type Introduction, SHARE_KINDS, type ShareKind } from '../../contracts/introductions';
import { AppError } from '../../core/errors';
import { decideAsBroker } from '../../core/introductions/decide-as-broker';
import { decideAsTarget } from '../../core/introductions/decide-as-target';
import { getIntroduction } from '../../core/introductions/get-introduction';
import { listIntroductions } from '../../core/introductions/list-introductions';
import { reportIntroductionOutcome } from '../../core/introductions/report-introduction-outcome';
import { requestIntroduction } from '../../core/introductions/request-introduction';
import { withdrawIntroduction } from '../../core/introductions/withdraw-introduction';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, fields, type GlobalOptions, table } from '../output';
import { cursorOption, MAX_PAGE, noteNextPage, pageAsked } from '../pages';
import { integer } from '../parse';
import { withAccount } from '../runtime';

const STATE_WORDS: Record<Introduction['state'], string> = {
  // The requester sees every open request as this: whether the broker agreed yet is not theirs to know.
  requested: 'waiting for an answer',
  'broker-declined': 'declined by the broker',
  'awaiting-target': 'waiting on the person',
  'target-declined': 'declined by the person',
  declined: 'declined',
  introduced: 'introduced',
  expired: 'expired',
  withdrawn: 'withdrawn',
};

/** `--share email,phone` (or repeated): what the person agrees to share. */
function shareList(value: string, previous: ShareKind[] | undefined): ShareKind[] {
  const out = [...(previous ?? [])];
  for (const part of value.split(',').map((s) => s.trim().toLowerCase())) {
    if (!part) continue;
    if (!(SHARE_KINDS as readonly string[]).includes(part)) {
      throw new InvalidArgumentError(`must be ${SHARE_KINDS.join(', ')} (got "${part}")`);
    }
    if (!out.includes(part as ShareKind)) out.push(part as ShareKind);
  }
  return out;
}

/** Who else is in it, from where I stand. */
function others(i: Introduction): string {
  switch (i.role) {
    case 'requester':
      return `${i.target.name} via ${i.broker.name}`;
    case 'broker':
      return `${i.requester.name} → ${i.target.name}`;
    case 'target':
      return `${i.requester.name} via ${i.broker.name}`;
  }
}

/** The state as the reader stands: the broker of a new request is the one it waits on. */
function stateWords(i: Introduction): string {
  if (i.state === 'requested' && i.role === 'broker') return 'waiting on you';
  if (i.state === 'awaiting-target' && i.role === 'target') return 'waiting on you';
  return STATE_WORDS[i.state];
}

function introView(i: Introduction): string {
  const pairs: [string, string | null][] = [
    ['id', i.id],
    ['you are', i.role === 'target' ? 'the person asked about' : `the ${i.role}`],
    ['state', stateWords(i)],
    ['requester', i.requester.name],
    ['broker', i.broker.name],
    ['person', i.target.name],
    ['why', i.why],
  ];
  if (i.purpose) pairs.push(['purpose', i.purpose.name]);
  if (i.message) pairs.push(['message', i.message]);
  if (i.privateReason) pairs.push(['private reason', i.privateReason]);
  if (i.reach) {
    pairs.push([
      'how they are asked',
      i.reach.problem ??
        (i.reach.via === 'account' ? 'in Rapport (they have an account)' : `by e-mail to ${i.reach.email}`),
    ]);
  }
  if (i.shareOptions) {
    pairs.push([
      'you may share',
      i.shareOptions.map((o) => `${o.kind} (${o.value})`).join(', ') || 'nothing',
    ]);
  }
  if (i.shared) {
    const s = [
      i.shared.email && `e-mail ${i.shared.email}`,
      i.shared.phone && `phone ${i.shared.phone}`,
      i.shared.linkedinUrl && `LinkedIn ${i.shared.linkedinUrl}`,
    ].filter(Boolean);
    pairs.push(['shared', s.join(', ') || 'no contact details']);
  }
  if (i.role === 'requester' && i.target.contactId) pairs.push(['new contact', i.target.contactId]);
  if (i.outcome) pairs.push(['outcome', i.outcome]);
  pairs.push(['expires', i.closedAt ? null : i.expiresAt.slice(0, 10)]);
  return fields(pairs);
}

interface ListOptions extends GlobalOptions {
  as?: (typeof INTRO_ROLES)[number];
  open?: boolean;
  closed?: boolean;
  limit?: number;
  cursor?: string;
  all?: boolean;
}

/** `rapport intro …`: double opt-in introductions. */
export function registerIntro(program: Command): void {
  const intro = program
    .command('intro')
    .description(
      'double opt-in introductions: ask a connection to introduce you to someone they know; as broker or as the person, accept or decline',
    );

  const request = intro
    .command('request')
    .description(
      'ask the connection who knows someone (from `rapport network search` or `rapport path`) to introduce you; at most 5 requests a week',
    )
    .argument('<contact-id>', "the broker's contact id for the person (the search shows it)")
    .requiredOption('--why <text>', 'why you want to be introduced: the broker and the person both read it')
    .option('--broker <account-id>', "the connection who knows them (default: the contact's owner)")
    .option('--purpose <purpose-id>', 'one of your purposes this serves (only you see it)')
    .action(async (contactId: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & { why: string; broker?: string; purpose?: string }>();
      const created = await withAccount(o, (ctx) =>
        requestIntroduction(ctx, { contactId, brokerId: o.broker, why: o.why, purposeId: o.purpose }),
      );
      emit(
        o,
        created,
        () =>
          `asked ${created.broker.name} to introduce you to ${created.target.name} (${created.id}); it waits on them until ${created.expiresAt.slice(0, 10)}`,
      );
    });
  examples(request, [
    'rapport network search acme   # note the contact id',
    'rapport intro request 0193b6c2-… --why "I am looking for a guest speaker on supply chain"',
  ]);

  const list = intro
    .command('list')
    .description(
      'your introductions, newest first: requests you made, and those waiting on you as broker or person',
    )
    .addOption(new Option('--as <role>', 'only where you are this party').choices(INTRO_ROLES))
    .option('--open', 'only those still waiting on someone')
    .option('--closed', 'only those that ended')
    .option('--limit <n>', `how many, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every page, not just the first')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<ListOptions>();
      if (o.open && o.closed) throw new AppError('validation', 'give --open or --closed, not both');
      const query = {
        role: o.as,
        status: o.open ? ('open' as const) : o.closed ? ('closed' as const) : undefined,
      };
      const page = await withAccount(o, (ctx) =>
        pageAsked(o, (limit, cursor) => listIntroductions(ctx, { ...query, limit, cursor })),
      );
      emit(o, page, () =>
        page.items.length === 0
          ? 'no introductions'
          : table(
              ['id', 'you are', 'state', 'who', 'asked on'],
              page.items.map((i) => [i.id, i.role, stateWords(i), others(i), i.createdAt.slice(0, 10)]),
            ),
      );
      noteNextPage(o, page, '(more introductions: use --all or a larger --limit)');
    });
  examples(list, [
    'rapport intro list',
    'rapport intro list --as broker --open',
    'rapport intro list --all --json',
  ]);

  const show = intro
    .command('show')
    .description('one introduction, as your role sees it')
    .argument('<id>', 'introduction id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions>();
      const i = await withAccount(o, (ctx) => getIntroduction(ctx, id));
      emit(o, i, () => introView(i));
    });
  examples(show, ['rapport intro show 0193b6c2-…']);

  const accept = intro
    .command('accept')
    .description(
      'as broker: accept (the person is then asked); as the person: accept and choose what the requester receives',
    )
    .argument('<id>', 'introduction id')
    .option('--message <text>', 'as broker: a note forwarded to the person')
    .option(
      '--share <what>',
      `as the person: ${SHARE_KINDS.join(', ')} (comma-separated or repeated; default: nothing)`,
      shareList,
    )
    .action(async (id: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & { message?: string; share?: ShareKind[] }>();
      const done = await withAccount(o, async (ctx) => {
        const i = await getIntroduction(ctx, id);
        if (i.role === 'broker') {
          if (o.share)
            throw new AppError('validation', '--share: is for the person asked about, not the broker');
          return decideAsBroker(ctx, id, { decision: 'accept', message: o.message });
        }
        if (i.role === 'target') {
          if (o.message) throw new AppError('validation', '--message: is for the broker');
          return decideAsTarget(ctx, id, { decision: 'accept', share: o.share ?? [] });
        }
        throw new AppError('conflict', 'you asked for this introduction: the broker and the person decide');
      });
      emit(o, done, () =>
        done.role === 'broker'
          ? `accepted: ${done.target.name} is asked now`
          : `introduced to ${done.requester.name}: everyone gets the introduction e-mail`,
      );
    });
  examples(accept, [
    'rapport intro accept 0193b6c2-… --message "Rita is great"   # as broker',
    'rapport intro accept 0193b6c2-… --share email,linkedin      # as the person',
  ]);

  const decline = intro
    .command('decline')
    .description('as broker or as the person: decline (the requester only ever sees "declined")')
    .argument('<id>', 'introduction id')
    .option('--reason <text>', 'as broker: a private reason, kept for you alone')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & { reason?: string }>();
      const done = await withAccount(o, async (ctx) => {
        const i = await getIntroduction(ctx, id);
        if (i.role === 'broker') return decideAsBroker(ctx, id, { decision: 'decline', reason: o.reason });
        if (i.role === 'target') {
          if (o.reason) throw new AppError('validation', '--reason: is for the broker');
          return decideAsTarget(ctx, id, { decision: 'decline' });
        }
        throw new AppError('conflict', 'you asked for this introduction: withdraw it instead');
      });
      emit(o, done, () => `declined (${done.id})`);
    });
  examples(decline, ['rapport intro decline 0193b6c2-… --reason "she is on leave"']);

  const withdraw = intro
    .command('withdraw')
    .description('take back a request of yours that is still open')
    .argument('<id>', 'introduction id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions>();
      const done = await withAccount(o, (ctx) => withdrawIntroduction(ctx, id));
      emit(o, done, () => `withdrawn (${done.id})`);
    });
  examples(withdraw, ['rapport intro withdraw 0193b6c2-…']);

  const outcome = intro
    .command('outcome')
    .description('after an introduction: note how it turned out (ends the Today reminder)')
    .argument('<id>', 'introduction id')
    .argument('<text>', 'what came of it')
    .action(async (id: string, text: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions>();
      const done = await withAccount(o, (ctx) => reportIntroductionOutcome(ctx, id, { outcome: text }));
      emit(o, done, () => `noted the outcome of your introduction to ${done.target.name}`);
    });
  fieldFlags(outcome, { outcome: '<text>' });
  examples(outcome, ['rapport intro outcome 0193b6c2-… "She speaks in March"']);
}
