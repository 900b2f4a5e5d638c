import type { Command } from 'commander';
import { feedUrl, webcalUrl } from '../../contracts/feeds';
import { createFeedToken } from '../../core/feeds/create-feed-token';
import { listFeedTokens } from '../../core/feeds/list-feed-tokens';
import { revokeFeedToken } from '../../core/feeds/revoke-feed-token';
import { examples } from '../help';
import { emit, fields, type GlobalOptions, note, table } from '../output';
import { publicUrlNote, withAccount } from '../runtime';

interface CreateOptions extends GlobalOptions {
  name?: string;
}

export function registerFeed(program: Command): void {
  const feed = program
    .command('feed')
    .description('calendar feeds: your Today list and what falls due, as a secret iCalendar address');

  const create = feed
    .command('create')
    .description('create a calendar feed address; it is printed once (subscribe to it in your calendar app)')
    .option('--name <name>', 'where it is subscribed, to tell feeds apart in the list (default: none)')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<CreateOptions>();
      const { created, publicUrl } = await withAccount(g, async (ctx) => ({
        created: await createFeedToken(ctx, { name: g.name }),
        publicUrl: ctx.settings.publicUrl,
      }));
      const url = feedUrl(publicUrl, created.token);
      const out = { ...created, url, webcal: webcalUrl(url) };
      emit(g, out, () =>
        fields([
          ['id', out.id],
          ['name', out.name],
          ['url', out.url],
          ['subscribe', out.webcal],
        ]),
      );
      note(g, 'Store the address now: it will not be shown again. Anyone with it can read your agenda.');
      const hint = publicUrlNote(g, publicUrl);
      if (hint) note(g, hint);
    });
  examples(create, [
    'rapport feed create --name "Phone calendar"',
    'rapport --json feed create | jq -r .webcal   # open it to subscribe (Apple Calendar, Outlook)',
  ]);

  const list = feed
    .command('list')
    .description('list your live calendar feeds (their addresses are never shown again)')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const feeds = await withAccount(g, (ctx) => listFeedTokens(ctx));
      emit(g, feeds, () =>
        feeds.length === 0
          ? 'no calendar feeds'
          : table(
              ['ID', 'NAME', 'CREATED'],
              feeds.map((f) => [f.id, f.name, f.createdAt]),
            ),
      );
    });
  examples(list, ['rapport feed list']);

  const revoke = feed
    .command('revoke')
    .description('revoke a calendar feed: its address stops working at once')
    .argument('<id>', 'feed id (from `rapport feed list`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      await withAccount(g, (ctx) => revokeFeedToken(ctx, id));
      emit(g, { id, revoked: true }, () => `revoked calendar feed ${id}`);
    });
  examples(revoke, ['rapport feed revoke 0193b6c2-…']);
}
