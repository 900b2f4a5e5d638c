import { type Command, Option } from 'commander';
import type { Invitation } from '../../contracts/invitations';
import { listInvitations } from '../../core/invitations/list-invitations';
import { examples } from '../help';
import { emit, type GlobalOptions, note, table } from '../output';
import { allPages, cursorOption, MAX_PAGE, noteNextPage } from '../pages';
import { integer } from '../parse';
import { withAccount } from '../runtime';

interface InvitationsOptions extends GlobalOptions {
  direction?: 'incoming' | 'outgoing';
  limit?: number;
  cursor?: string;
}

const NOTE_WIDTH = 60;

/** A note on one line of the table (the whole text is in --json). */
function shortNote(text: string | null): string {
  if (!text) return '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > NOTE_WIDTH ? `${line.slice(0, NOTE_WIDTH - 1)}…` : line;
}

function invitationTable(items: Invitation[]): string {
  return table(
    ['SENT ON', 'DIRECTION', 'STATUS', 'NAME', 'CONTACT', 'NOTE'],
    items.map((i) => [
      i.sentOn ?? '',
      i.direction === 'outgoing' ? 'sent' : 'received',
      i.acceptedOn ? `accepted ${i.acceptedOn}` : 'pending',
      i.name,
      i.contact?.displayName ?? '—',
      shortNote(i.message),
    ]),
  );
}

export function registerInvitations(program: Command): void {
  const invitations = program
    .command('invitations')
    .description(
      'LinkedIn invitations pending in your imports, newest first: sent and received, with the note, the contact each person is now and whether they accepted since',
    )
    .addOption(
      new Option('--direction <direction>', 'only those you sent (outgoing) or received (incoming)').choices([
        'incoming',
        'outgoing',
      ]),
    )
    .option('--limit <n>', `only the newest n, 1–${MAX_PAGE} (default: all)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<InvitationsOptions>();
      const page = await withAccount(o, (ctx) =>
        // Without --limit or --cursor, every page; with either, the one page they name.
        o.limit || o.cursor
          ? listInvitations(ctx, { direction: o.direction, limit: o.limit, cursor: o.cursor })
          : allPages((cursor) => listInvitations(ctx, { direction: o.direction, limit: MAX_PAGE, cursor })),
      );
      emit(o, page, () =>
        page.items.length === 0
          ? 'no LinkedIn invitations (they come with a LinkedIn export: rapport import linkedin <export.zip>)'
          : invitationTable(page.items),
      );
      noteNextPage(o, page, '(more invitations: leave out --limit to see them all)');
      const unmatched = page.items.find((i) => !i.contact && i.profileUrl);
      if (unmatched)
        note(
          o,
          `(to add someone as a contact: rapport add "${unmatched.name}" --url ${unmatched.profileUrl})`,
        );
    });
  examples(invitations, [
    'rapport invitations',
    'rapport invitations --direction outgoing',
    'rapport invitations --json',
  ]);
}
