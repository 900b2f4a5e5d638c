import type { Command } from 'commander';
import type { SharingOverview } from '../../contracts/network';
import { validationError } from '../../core/errors';
import { getSharing } from '../../core/network/get-sharing';
import { setContactSharing, setTagSharing, updateSharingSettings } from '../../core/network/update-sharing';
import { listTags } from '../../core/tags/list-tags';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, fields, type GlobalOptions, table } from '../output';
import { resolveContact, resolveTag } from '../resolve';
import { withAccount } from '../runtime';

function onOff(value: string, field: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'on') return true;
  if (v === 'off') return false;
  throw validationError(field, `must be on or off (got "${value}")`);
}

function statusView(s: SharingOverview): string {
  const findableTags = s.tags.filter((t) => t.findable);
  const list = (l: SharingOverview['contacts']['findable']) =>
    l.total === 0
      ? 'none'
      : `${l.items.map((c) => c.displayName).join(', ')}${l.total > l.items.length ? ` … (${l.total})` : ''}`;
  return [
    fields([
      [
        'findable contacts',
        `${s.findableCount} (your connections can find them; they see name, organisation, title)`,
      ],
      ['tier', s.settings.shareTier ? 'shared (a coarse inner/close/active/dormant)' : 'not shared'],
      ['LinkedIn link', s.settings.shareLinkedin ? 'shared (public profile URL only)' : 'not shared'],
      [
        'findable tags',
        findableTags.length === 0
          ? 'none'
          : findableTags.map((t) => `${t.name} (${t.contactCount})`).join(', '),
      ],
      ['findable contacts (own choice)', list(s.contacts.findable)],
      ['private contacts', list(s.contacts.private)],
    ]),
    '',
    s.tags.length === 0
      ? 'no tags'
      : table(
          ['TAG', 'FINDABLE', 'CONTACTS'],
          s.tags.map((t) => [t.name, t.findable ? 'yes' : 'no', t.contactCount]),
        ),
  ].join('\n');
}

export function registerShare(program: Command): void {
  const share = program
    .command('share')
    .description(
      'what your connections may find: nothing by default; tags and contacts you make findable show only name, ' +
        'organisation and title (plus a tier / LinkedIn link if you turn those on). Without a subcommand: status',
    )
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const s = await withAccount(g, (ctx) => getSharing(ctx));
      emit(g, s, () => statusView(s));
    });
  examples(share, [
    'rapport share',
    'rapport share tag speakers on',
    'rapport share contact "Ada Lovelace" private',
  ]);

  const status = share
    .command('status')
    .description('everything you share, in one place')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const s = await withAccount(g, (ctx) => getSharing(ctx));
      emit(g, s, () => statusView(s));
    });
  examples(status, ['rapport share status', 'rapport share status --json']);

  const tag = share
    .command('tag')
    .description(
      "make a tag's contacts findable by your connections (on) or not (off); private contacts stay private",
    )
    .argument('<tag>', 'tag name or id')
    .argument('<on|off>', 'on: findable; off: not')
    .action(async (ref: string, value: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const findable = onOff(value, 'findable');
      const { s, name } = await withAccount(g, async (ctx) => {
        const t = resolveTag(await listTags(ctx), ref);
        return { s: await setTagSharing(ctx, { tagIds: [t.id], findable }), name: t.name };
      });
      emit(
        g,
        s,
        () =>
          `${name}: ${findable ? 'findable' : 'not findable'}; ${s.findableCount} findable contacts in all`,
      );
    });
  fieldFlags(tag, { findable: '<on|off>' });
  examples(tag, ['rapport share tag speakers on', 'rapport share tag family off']);

  const contact = share
    .command('contact')
    .description('decide for one contact: findable, private (wins over tags), or default (follow its tags)')
    .argument('<contact>', 'contact id, or text that finds exactly one')
    .argument('<findable|private|default>', 'the choice')
    .action(async (ref: string, value: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const choice = value.trim().toLowerCase();
      if (choice !== 'findable' && choice !== 'private' && choice !== 'default') {
        throw validationError('share', `must be findable, private or default (got "${value}")`);
      }
      const { s, name } = await withAccount(g, async (ctx) => {
        const c = await resolveContact(ctx, ref);
        return {
          s: await setContactSharing(ctx, { contactIds: [c.id], share: choice }),
          name: c.displayName,
        };
      });
      emit(g, s, () => `${name}: ${choice}; ${s.findableCount} findable contacts in all`);
    });
  fieldFlags(contact, { share: '<findable|private|default>' });
  examples(contact, ['rapport share contact "Ada Lovelace" findable', 'rapport share contact ada private']);

  for (const [name, key, what] of [
    ['tier', 'shareTier', 'a coarse strength tier (inner, close, active, dormant)'],
    ['linkedin', 'shareLinkedin', 'the public LinkedIn profile link'],
  ] as const) {
    const cmd = share
      .command(name)
      .description(`let your connections see ${what} of your findable contacts (on) or not (off)`)
      .argument('<on|off>', 'on or off')
      .action(async (value: string, _opts: unknown, command: Command) => {
        const g = command.optsWithGlobals<GlobalOptions>();
        const on = onOff(value, key);
        const s = await withAccount(g, (ctx) => updateSharingSettings(ctx, { [key]: on }));
        emit(g, s, () => `${what}: ${on ? 'shared' : 'not shared'}`);
      });
    fieldFlags(cmd, { [key]: '<on|off>' });
    examples(cmd, [`rapport share ${name} on`, `rapport share ${name} off`]);
  }
}
