import type { Command } from 'commander';
import { pastDayNote } from '../../contracts/past-day';
import type { PurposeUpdateInput } from '../../contracts/purposes';
import { listPurposePace } from '../../core/charts/list-purpose-pace';
import { validationError } from '../../core/errors';
import { archivePurpose } from '../../core/purposes/archive-purpose';
import { createPurpose } from '../../core/purposes/create-purpose';
import { deletePurpose } from '../../core/purposes/delete-purpose';
import { listItemMoves } from '../../core/purposes/list-item-moves';
import { listPurposes } from '../../core/purposes/list-purposes';
import { moveItem } from '../../core/purposes/move-item';
import { placeContacts } from '../../core/purposes/place-contacts';
import { removeItem } from '../../core/purposes/remove-item';
import { restorePurpose } from '../../core/purposes/restore-purpose';
import { findStage } from '../../core/purposes/stages';
import { updateItem } from '../../core/purposes/update-item';
import { updatePurpose } from '../../core/purposes/update-purpose';
import { localNow, parseDay, parseMoment } from '../dates';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
// `note` is also the name of this file's `purpose note` command.
import { emit, type GlobalOptions, note as noteOnStderr, table } from '../output';
import {
  boardOf,
  boardView,
  parseStagesArg,
  purposeTable,
  resolveItem,
  resolvePurpose,
} from '../purpose-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

interface PurposeOptions extends GlobalOptions {
  description?: string;
  target?: string;
  deadline?: string;
  stages?: string;
  every?: string;
  followUp?: string;
  name?: string;
  renameStage?: string[];
  moveItems?: string[];
  archived?: boolean;
  all?: boolean;
  stage?: string;
  nextStep?: string;
  on?: string;
  note?: string;
  since?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A whole number for `field`, or null for "none"/"off" (the use case checks the range). */
function countOrNone(value: string, field: string): number | null {
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === 'off') return null;
  if (!/^\d+$/.test(v)) throw validationError(field, `must be a whole number or none (got "${value}")`);
  return Number(v);
}

/** "old=new" pairs as a list. */
function pairs(values: string[] | undefined, field: string): [string, string][] {
  return (values ?? []).map((v) => {
    const at = v.indexOf('=');
    if (at <= 0 || at === v.length - 1) throw validationError(field, `must be "from=to" (got "${v}")`);
    return [v.slice(0, at).trim(), v.slice(at + 1).trim()];
  });
}

export function registerPurpose(program: Command): void {
  const purpose = program
    .command('purpose')
    .description('purposes: named goals with their own pipeline of stages, and the people on them');
  fieldFlags(purpose, {
    targetCount: '--target',
    cadenceDays: '--every',
    followUpDays: '--follow-up',
    nextStepOn: '--on',
    movedAt: '--on',
  });

  const list = purpose
    .command('list')
    .description('your purposes with people per stage, done vs target, deadline, pace and stale items')
    .option('--archived', 'archived purposes only')
    .option('--all', 'active and archived')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      const status = o.all ? 'all' : o.archived ? 'archived' : 'active';
      const [result, paces] = await withAccount(o, (ctx) =>
        Promise.all([listPurposes(ctx, { status }), o.json ? [] : listPurposePace(ctx)]),
      );
      emit(o, result, () => purposeTable(result.items, paces));
    });
  examples(list, ['rapport purpose list', 'rapport purpose list --all --json']);

  const show = purpose
    .command('show')
    .description('a purpose as a board: each stage with its people, time in stage, next step, stale flags')
    .argument('<purpose>', 'purpose id, name, or a unique part of it')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      const { board, today } = await withAccount(o, async (ctx) => ({
        board: await boardOf(ctx, ref),
        today: (await localNow(ctx)).today,
      }));
      emit(o, board, () => boardView(board, today));
    });
  examples(show, ['rapport purpose show "guest speakers"']);

  const create = purpose
    .command('create')
    .description(
      'create a purpose (stages: identified, reached out, responded, met, helped / committed, closed)',
    )
    .argument('<name>', 'what it is for, e.g. "Guest speakers for MGMT 401, winter term"')
    .option('--description <text>', 'more about it')
    .option('--target <n>', 'how many people to get to the done stage')
    .option('--deadline <day>', 'YYYY-MM-DD, or +N days')
    .option(
      '--stages <list>',
      'own stages, comma-separated; a role after a colon: "lead, demo:reached-out, won:done"',
    )
    .option('--every <days>', 'keep in touch with everyone on it at least every N days')
    .option('--follow-up <days>', 'outreach suggests a follow-up after N days without a reply')
    .action(async (name: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      let today = '';
      const created = await withAccount(o, async (ctx) => {
        today = (await localNow(ctx)).today;
        return createPurpose(ctx, {
          name,
          description: o.description,
          targetCount: o.target === undefined ? undefined : countOrNone(o.target, 'targetCount'),
          deadline: o.deadline === undefined ? undefined : parseDay(o.deadline, today, 'deadline'),
          stages: o.stages === undefined ? undefined : parseStagesArg(o.stages),
          cadenceDays: o.every === undefined ? undefined : countOrNone(o.every, 'cadenceDays'),
          followUpDays: o.followUp === undefined ? undefined : countOrNone(o.followUp, 'followUpDays'),
        });
      });
      emit(o, created, () =>
        [
          `created: ${created.name} (${created.id})`,
          `stages: ${created.stages.map((s) => s.name).join(' → ')}`,
          `add people: rapport purpose add ${JSON.stringify(created.name)} <contact…>`,
        ].join('\n'),
      );
      // A deadline already past is accepted (a purpose recorded late), but said.
      const past = pastDayNote('purpose', created.deadline, today);
      if (past) noteOnStderr(o, past);
    });
  examples(create, [
    'rapport purpose create "Guest speakers for MGMT 401, winter term" --target 5 --deadline 2027-01-15',
    'rapport purpose create "Sales leads in logistics" --stages "lead, demo:reached-out, replied:responded, won:done"',
    'rapport purpose create "Stay in touch with former students" --every 180',
  ]);

  const edit = purpose
    .command('edit')
    .description(
      'edit a purpose; "none" clears a number or date. Stages keep their people when renamed or reordered',
    )
    .argument('<purpose>', 'purpose id, name, or a unique part of it')
    .option('--name <name>', 'a new name')
    .option('--description <text>', 'a new description ("" clears it)')
    .option('--target <n>', 'target count, or none')
    .option('--deadline <day>', 'deadline, or none')
    .option('--every <days>', 'keep-in-touch interval, or none')
    .option('--follow-up <days>', 'follow-up delay for outreach, or none')
    .option('--stages <list>', 'the whole stage list in order (names of current stages keep their people)')
    .option('--rename-stage <old=new>', 'rename a stage (repeatable)', collect)
    .option('--move-items <from=to>', 'where the people of a removed stage go (repeatable)', collect)
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      let today = '';
      const updated = await withAccount(o, async (ctx) => {
        const p = await resolvePurpose(ctx, ref);
        const input: PurposeUpdateInput = {};
        if (o.name !== undefined) input.name = o.name;
        if (o.description !== undefined) input.description = o.description;
        if (o.target !== undefined) input.targetCount = countOrNone(o.target, 'targetCount');
        today = (await localNow(ctx)).today;
        if (o.deadline !== undefined)
          input.deadline = ['none', 'off'].includes(o.deadline.trim().toLowerCase())
            ? null
            : parseDay(o.deadline, today, 'deadline');
        if (o.every !== undefined) input.cadenceDays = countOrNone(o.every, 'cadenceDays');
        if (o.followUp !== undefined) input.followUpDays = countOrNone(o.followUp, 'followUpDays');
        const renames = pairs(o.renameStage, 'renameStage');
        if (o.stages !== undefined || renames.length > 0) {
          const stages =
            o.stages === undefined
              ? p.stages.map(({ id, name, role }) => ({ id, name, role }))
              : parseStagesArg(o.stages, p.stages);
          for (const [from, to] of renames) {
            const old = findStage(p.stages, from);
            const target = old && stages.find((s) => s.id === old.id);
            if (!target) throw validationError('renameStage', `no stage "${from}" on ${p.name}`);
            target.name = to;
          }
          input.stages = stages;
        }
        const moves = pairs(o.moveItems, 'moveItems');
        if (moves.length > 0) {
          input.moveItems = {};
          for (const [from, to] of moves) {
            const a = findStage(p.stages, from);
            if (!a) throw validationError('moveItems', `no stage "${from}" on ${p.name}`);
            const kept =
              input.stages?.find((s) => s.name.toLocaleLowerCase() === to.toLocaleLowerCase()) ??
              findStage(p.stages, to);
            if (!kept?.id) throw validationError('moveItems', `no stage "${to}" to move people to`);
            input.moveItems[a.id] = kept.id;
          }
        }
        return updatePurpose(ctx, p.id, input);
      });
      emit(o, updated, () =>
        [`updated: ${updated.name}`, `stages: ${updated.stages.map((s) => s.name).join(' → ')}`].join('\n'),
      );
      const past = o.deadline !== undefined && pastDayNote('purpose', updated.deadline, today);
      if (past) noteOnStderr(o, past);
    });
  examples(edit, [
    'rapport purpose edit "guest speakers" --target 6 --deadline none',
    'rapport purpose edit leads --rename-stage "met=had coffee"',
    'rapport purpose edit leads --stages "identified, reached out:reached-out, won:done" --move-items met=won',
  ]);

  for (const [name, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    const sub = purpose
      .command(name)
      .description(
        archived
          ? 'archive a purpose: it keeps its people and history but leaves the list, Today and keep-in-touch'
          : 'bring an archived purpose back',
      )
      .argument('<purpose>', 'purpose id, name, or a unique part of it')
      .action(async (ref: string, _opts: unknown, command: Command) => {
        const o = command.optsWithGlobals<PurposeOptions>();
        const p = await withAccount(o, async (ctx) =>
          archivePurpose(ctx, (await resolvePurpose(ctx, ref)).id, archived),
        );
        emit(o, p, () => `${archived ? 'archived' : 'active again'}: ${p.name}`);
      });
    examples(sub, [`rapport purpose ${name} "guest speakers"`]);
  }

  const rm = purpose
    .command('delete')
    .description('move a purpose to the trash with its people and history (restorable for 30 days)')
    .argument('<purpose>', 'purpose id, name, or a unique part of it')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      const { name, receipt } = await withAccount(o, async (ctx) => {
        const p = await resolvePurpose(ctx, ref);
        return { name: p.name, receipt: await deletePurpose(ctx, p.id) };
      });
      emit(
        o,
        receipt,
        () => `moved to the trash: ${name} (restorable until ${receipt.purgeAfter.slice(0, 10)})`,
      );
    });
  examples(rm, ['rapport purpose delete "old leads"']);

  const restore = purpose
    .command('restore')
    .description('bring a purpose back from the trash with its people and history')
    .argument('<id>', 'purpose id (from `rapport trash`)')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      const p = await withAccount(o, (ctx) => restorePurpose(ctx, ref.trim()));
      emit(
        o,
        p,
        () => `restored: ${p.name} (${p.progress.total} ${p.progress.total === 1 ? 'person' : 'people'})`,
      );
    });
  examples(restore, ['rapport trash', 'rapport purpose restore 0193b6c2-…']);

  const add = purpose
    .command('add')
    .description('put people on a purpose (the first stage unless --stage)')
    .argument('<purpose>', 'purpose id, name, or a unique part of it')
    .argument('<contacts...>', 'contact ids, or text that finds exactly one contact each')
    .option('--stage <stage>', 'the stage to put them in')
    .option('--next-step <text>', 'what to do next')
    .option('--on <day>', 'when the next step is due')
    .option('--note <text>', 'a note')
    .option(
      '--since <when>',
      'in that stage since, for people added later: YYYY-MM-DD, -N days (default: now)',
    )
    .action(async (ref: string, refs: string[], _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      const { name, result } = await withAccount(o, async (ctx) => {
        const p = await resolvePurpose(ctx, ref);
        const contactIds: string[] = [];
        for (const r of refs) contactIds.push((await resolveContact(ctx, r)).id);
        const stage = o.stage === undefined ? undefined : (findStage(p.stages, o.stage)?.id ?? o.stage);
        const result = await placeContacts(
          ctx,
          p.id,
          {
            contactIds,
            stageId: stage,
            nextStep: o.nextStep,
            nextStepOn:
              o.on === undefined ? undefined : parseDay(o.on, (await localNow(ctx)).today, 'nextStepOn'),
            note: o.note,
            since: o.since === undefined ? undefined : parseMoment(o.since, await localNow(ctx), 'since'),
          },
          'cli',
        );
        return { name: p.name, result };
      });
      emit(o, result, () =>
        [
          ...result.placed.map((i) => `added ${i.contact.displayName} to ${name}`),
          ...(result.alreadyThere.length
            ? [`already on it: ${result.alreadyThere.length} (left where they were)`]
            : []),
        ].join('\n'),
      );
    });
  examples(add, [
    'rapport purpose add "guest speakers" "Ada Lovelace" grace',
    'rapport purpose add leads 0193b6c2-… --stage "reached out" --next-step "Send the deck" --on +3',
    'rapport purpose add "pm role" priya --stage "reached out" --since 2026-11-10',
  ]);

  const move = purpose
    .command('move')
    .description('move a person to another stage (recorded with when)')
    .argument('<purpose>', 'purpose id, name, or a unique part of it')
    .argument('<contact>', 'a person on the purpose')
    .argument('<stage>', 'stage name or id')
    .option(
      '--on <when>',
      'when it happened, for a move recorded later: YYYY-MM-DD, yesterday, -N days (default: now)',
    )
    .action(async (ref: string, who: string, stage: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      const { moved, stageName } = await withAccount(o, async (ctx) => {
        const board = await boardOf(ctx, ref);
        const item = await resolveItem(ctx, board, who);
        const movedAt = o.on === undefined ? undefined : parseMoment(o.on, await localNow(ctx), 'movedAt');
        const moved = await moveItem(ctx, board.purpose.id, item.id, { stageId: stage, movedAt }, 'cli');
        return { moved, stageName: board.purpose.stages.find((s) => s.id === moved.stageId)?.name };
      });
      emit(o, moved, () => `${moved.contact.displayName}: ${stageName}`);
    });
  examples(move, [
    'rapport purpose move "guest speakers" ada "reached out"',
    'rapport purpose move "pm role" priya talking --on -3   # three days ago',
  ]);

  const note = purpose
    .command('note')
    .description('set a person\'s note on a purpose ("" clears it)')
    .argument('<purpose>', 'purpose id, name, or a unique part of it')
    .argument('<contact>', 'a person on the purpose')
    .argument('<text>', 'the note')
    .action(async (ref: string, who: string, text: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      const item = await withAccount(o, async (ctx) => {
        const board = await boardOf(ctx, ref);
        return updateItem(ctx, board.purpose.id, (await resolveItem(ctx, board, who)).id, { note: text });
      });
      emit(
        o,
        item,
        () => `${item.contact.displayName}: ${item.note === null ? 'note cleared' : `note: ${item.note}`}`,
      );
    });
  fieldFlags(note, { note: '<text>' });
  examples(note, ['rapport purpose note "guest speakers" ada "Prefers February"']);

  const next = purpose
    .command('next-step')
    .description('set what to do next with a person on a purpose, optionally by a day ("none" clears it)')
    .argument('<purpose>', 'purpose id, name, or a unique part of it')
    .argument('<contact>', 'a person on the purpose')
    .argument('<text>', 'the next step, or none')
    .option('--on <day>', 'when: YYYY-MM-DD, tomorrow, +N days')
    .action(async (ref: string, who: string, text: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      const clear = ['none', 'off'].includes(text.trim().toLowerCase());
      const item = await withAccount(o, async (ctx) => {
        const board = await boardOf(ctx, ref);
        const on =
          o.on === undefined
            ? clear
              ? null
              : undefined
            : parseDay(o.on, (await localNow(ctx)).today, 'nextStepOn');
        return updateItem(ctx, board.purpose.id, (await resolveItem(ctx, board, who)).id, {
          nextStep: clear ? null : text,
          nextStepOn: on,
        });
      });
      emit(o, item, () =>
        item.nextStep === null
          ? `${item.contact.displayName}: no next step`
          : `${item.contact.displayName}: next: ${item.nextStep}${item.nextStepOn ? ` by ${item.nextStepOn}` : ''}`,
      );
    });
  fieldFlags(next, { nextStep: '<text>' });
  examples(next, ['rapport purpose next-step "guest speakers" ada "Confirm the date" --on +7']);

  const remove = purpose
    .command('remove')
    .description('take a person off a purpose (the contact itself stays)')
    .argument('<purpose>', 'purpose id, name, or a unique part of it')
    .argument('<contact>', 'a person on the purpose')
    .action(async (ref: string, who: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      const result = await withAccount(o, async (ctx) => {
        const board = await boardOf(ctx, ref);
        const item = await resolveItem(ctx, board, who);
        await removeItem(ctx, board.purpose.id, item.id);
        return { removed: item.id, contact: item.contact.displayName, purpose: board.purpose.name };
      });
      emit(o, result, () => `took ${result.contact} off ${result.purpose}`);
    });
  examples(remove, ['rapport purpose remove "guest speakers" ada']);

  const history = purpose
    .command('history')
    .description("a person's moves on a purpose, oldest first")
    .argument('<purpose>', 'purpose id, name, or a unique part of it')
    .argument('<contact>', 'a person on the purpose')
    .action(async (ref: string, who: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PurposeOptions>();
      const moves = await withAccount(o, async (ctx) => {
        const board = await boardOf(ctx, ref);
        return listItemMoves(ctx, board.purpose.id, (await resolveItem(ctx, board, who)).id);
      });
      emit(o, moves, () =>
        table(
          ['WHEN', 'FROM', 'TO', 'BY'],
          moves.items.map((m) => [
            m.movedAt.slice(0, 16).replace('T', ' '),
            m.fromStage?.name ?? '—',
            m.toStage.name,
            m.source,
          ]),
        ),
      );
    });
  examples(history, ['rapport purpose history "guest speakers" ada']);
}
