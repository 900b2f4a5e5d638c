import { type Command, Option } from 'commander';
import type { TrashedContactsQuery, TrashListing } from '../../contracts/trash';
import { AppError, validationError } from '../../core/errors';
import { listTrash } from '../../core/trash/list-trash';
import { listTrashedContacts } from '../../core/trash/list-trashed-contacts';
import {
  listTrashedFavours,
  listTrashedInteractions,
  listTrashedPromises,
} from '../../core/trash/list-trashed-ledger';
import { restoreTrashedContacts } from '../../core/trash/restore-trashed-contacts';
import { dayOf, localNow } from '../dates';
import { examples } from '../help';
import { emit, type GlobalOptions, note, table } from '../output';
import { MAX_PAGE } from '../pages';
import { integer } from '../parse';
import { withAccount } from '../runtime';

interface TrashOptions extends GlobalOptions {
  search?: string;
  import?: string;
  limit?: number;
  cursor?: string;
  all?: boolean;
}

const count = (n: number) => `${n.toLocaleString('en')} deleted contact${n === 1 ? '' : 's'}`;

/** "2,665 deleted contacts (50 shown)", "3 deleted contacts match “ada”". */
function contactsSummary(trash: TrashListing, o: TrashOptions): string {
  const matching = o.search ? ` match${trash.contactsTotal === 1 ? 'es' : ''} “${o.search}”` : '';
  const from = o.import ? ` from undoing import ${o.import}` : '';
  const shown =
    trash.contacts.length < trash.contactsTotal
      ? ` (${trash.contacts.length.toLocaleString('en')} shown)`
      : '';
  return `${count(trash.contactsTotal)}${from}${matching}${shown}`;
}

/** Every item on the pages after `cursor` (none when it is null). */
async function theRest<T>(
  cursor: string | null,
  next: (cursor: string) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  for (let at = cursor; at; ) {
    const page = await next(at);
    out.push(...page.items);
    at = page.nextCursor;
  }
  return out;
}

/** The ids a refused restore named by their place (`ids.3`), so the message names the contacts themselves. */
function namingIds(e: unknown, ids: string[]): unknown {
  if (!(e instanceof AppError) || e.code !== 'validation') return e;
  const named = (e.details.issues ?? []).flatMap((i) => {
    const at = /^ids\.(\d+)$/.exec(i.path);
    return at ? [ids[Number(at[1])]] : [];
  });
  if (named.length === 0) return e;
  return new AppError(
    'validation',
    `not in your trash, so none was restored: ${named.join(', ')}`,
    e.details,
  );
}

export function registerTrash(program: Command): void {
  const cmd = program
    .command('trash')
    .description(
      'list what you deleted that can still be restored, with purge dates; contacts most recently deleted first, ' +
        'a page at a time, with how many there are',
    )
    .option(
      '--search <text>',
      'only deleted contacts matching this (every word a prefix, as `rapport search`)',
    )
    .option(
      '--import <id>',
      'only the contacts undoing this import sent to the trash (id from `rapport imports`)',
    )
    .option('--limit <n>', `contacts per page, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(
      new Option('--cursor <cursor>', 'the next page of contacts, as the previous page said').conflicts(
        'all',
      ),
    )
    .option(
      '--all',
      'every deleted contact, interaction, favour and promise, not just the first page (1,000 of each of the last three)',
    )
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<TrashOptions>();
      const query: TrashedContactsQuery = { q: o.search, import: o.import, limit: o.limit, cursor: o.cursor };
      let timeZone = 'UTC';
      const trash = await withAccount(o, async (ctx) => {
        ({ timeZone } = await localNow(ctx));
        const listing = await listTrash(ctx, o.all ? { ...query, limit: MAX_PAGE } : query);
        let cursor = o.all ? listing.contactsNextCursor : null;
        while (cursor) {
          const page = await listTrashedContacts(ctx, { ...query, limit: MAX_PAGE, cursor });
          listing.contacts.push(...page.items);
          cursor = page.nextCursor;
        }
        if (!o.all) return listing;
        const page = { limit: MAX_PAGE };
        listing.interactions.push(
          ...(await theRest(listing.interactionsNextCursor, (at) =>
            listTrashedInteractions(ctx, { ...page, cursor: at }),
          )),
        );
        listing.favours.push(
          ...(await theRest(listing.favoursNextCursor, (at) =>
            listTrashedFavours(ctx, { ...page, cursor: at }),
          )),
        );
        listing.promises.push(
          ...(await theRest(listing.promisesNextCursor, (at) =>
            listTrashedPromises(ctx, { ...page, cursor: at }),
          )),
        );
        return {
          ...listing,
          contactsNextCursor: null,
          interactionsNextCursor: null,
          favoursNextCursor: null,
          promisesNextCursor: null,
        };
      });
      // A search, an import or a later page is about contacts only; the overview shows every kind.
      const narrowed = Boolean(o.search || o.import || o.cursor);
      emit(o, trash, () => {
        const contacts = `${table(
          ['ID', 'NAME', 'DELETED', 'PURGED AFTER'],
          trash.contacts.map((c) => [c.id, c.displayName, c.deletedAt, c.purgeAfter]),
        )}\n${contactsSummary(trash, o)}`;
        if (narrowed) return trash.contacts.length > 0 ? `contacts:\n${contacts}` : contactsSummary(trash, o);
        const named = ['ID', 'NAME', 'DELETED', 'PURGED AFTER'];
        const withWhom = (c: { displayName: string }[]) => c.map((x) => x.displayName).join(', ');
        const oneLine = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');
        const sections: [string, string[], (string | null)[][]][] = [
          ['organisations', named, trash.organisations.map((x) => [x.id, x.name, x.deletedAt, x.purgeAfter])],
          ['tags', named, trash.tags.map((t) => [t.id, t.name, t.deletedAt, t.purgeAfter])],
          ['purposes', named, trash.purposes.map((p) => [p.id, p.name, p.deletedAt, p.purgeAfter])],
          // Restored one at a time: `rapport interactions|favours|promises restore <id>`.
          [
            'interactions',
            ['ID', 'DATE', 'KIND', 'WITH', 'NOTE', 'DELETED', 'PURGED AFTER'],
            trash.interactions.map((i) => [
              i.id,
              dayOf(i.occurredAt, timeZone),
              i.kind,
              withWhom(i.contacts),
              oneLine(i.summary),
              i.deletedAt,
              i.purgeAfter,
            ]),
          ],
          [
            'favours',
            ['ID', 'DATE', 'PERSON', 'WAY', 'WHAT', 'DELETED', 'PURGED AFTER'],
            trash.favours.map((f) => [
              f.id,
              f.occurredOn,
              f.contact.displayName,
              f.direction === 'given' ? 'I gave' : 'I received',
              oneLine(f.what),
              f.deletedAt,
              f.purgeAfter,
            ]),
          ],
          [
            'promises',
            ['ID', 'DUE', 'PERSON', 'WHOSE', 'WHAT', 'DELETED', 'PURGED AFTER'],
            trash.promises.map((p) => [
              p.id,
              p.dueOn,
              p.contact.displayName,
              p.direction,
              oneLine(p.what),
              p.deletedAt,
              p.purgeAfter,
            ]),
          ],
        ];
        const shown = [
          ...(trash.contactsTotal > 0 ? [`contacts:\n${contacts}`] : []),
          ...sections
            .filter(([, , rows]) => rows.length > 0)
            .map(([title, head, rows]) => `${title}:\n${table(head, rows)}`),
        ];
        return shown.length > 0 ? shown.join('\n\n') : 'the trash is empty';
      });
      if (trash.contactsNextCursor) {
        note(o, `(more contacts: --cursor ${trash.contactsNextCursor} for the next page, or --all)`);
      }
      const more = (['interactions', 'favours', 'promises'] as const).filter((k) => trash[`${k}NextCursor`]);
      if (!narrowed && more.length > 0)
        note(o, `(more ${more.join(', ')} than the newest 1,000 shown: --all)`);
    });
  examples(cmd, [
    'rapport trash',
    'rapport trash --search acme --all',
    'rapport trash --import 0193b6c2-… --limit 200',
    'rapport trash restore 0193b6c2-… 0193b6c3-…',
    'rapport trash restore --all --import 0193b6c2-…',
    'rapport interactions restore 0193b6c2-…',
    'rapport trash --json',
  ]);

  const restore = cmd
    .command('restore')
    .description(
      'bring deleted contacts back, whole, all at once: those named by id, or with --all every one in the trash ' +
        '(or every one --search and --import find); one contact or a backup: `rapport restore`',
    )
    .argument('[ids...]', 'contact ids (from `rapport trash`)')
    .option('--all', 'every deleted contact (that --search and --import find)')
    .option('--search <text>', 'with --all: only the deleted contacts matching this')
    .option('--import <id>', 'with --all: only the contacts undoing this import sent to the trash')
    .action(async (ids: string[], _opts: unknown, command: Command) => {
      // `trash` takes its own --all, --search and --import wherever they stand: optsWithGlobals has them either way.
      const o = command.optsWithGlobals<TrashOptions>();
      const given = ids.map((id) => id.trim());
      if (given.length > 0 && o.all) throw validationError('all', 'give contact ids or --all, not both');
      if (given.length === 0 && !o.all)
        throw validationError('ids', 'give the ids of the contacts to restore, or --all');
      if (!o.all && (o.search || o.import))
        throw validationError('all', 'is needed with --search and --import');
      const result = await withAccount(o, (ctx) =>
        restoreTrashedContacts(
          ctx,
          o.all ? { all: true, q: o.search, import: o.import } : { ids: given },
        ).catch((e: unknown) => {
          throw namingIds(e, given);
        }),
      );
      emit(
        o,
        result,
        () => `restored ${result.restored.toLocaleString('en')} contact${result.restored === 1 ? '' : 's'}`,
      );
    });
  examples(restore, [
    'rapport trash restore 0193b6c2-… 0193b6c3-…',
    'rapport trash restore --all',
    'rapport trash restore --all --search acme',
    'rapport trash restore --all --import 0193b6c2-…',
  ]);
}
