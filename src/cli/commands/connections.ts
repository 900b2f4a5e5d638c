import { type Command, Option } from 'commander';
import { AppError } from '../../core/errors';
import { acceptConnection } from '../../core/network/accept-connection';
import { acceptInviteLink } from '../../core/network/accept-invite-link';
import { declineConnection } from '../../core/network/decline-connection';
import { listInvites } from '../../core/network/list-invites';
import { removeConnection } from '../../core/network/remove-connection';
import { revokeInvite } from '../../core/network/revoke-invite';
import { examples } from '../help';
import {
  allConnections,
  connectionTable,
  inviteTable,
  isInviteLink,
  resolveConnection,
} from '../network-view';
import { emit, type GlobalOptions } from '../output';
import { withAccount } from '../runtime';

interface ListOptions extends GlobalOptions {
  incoming?: boolean;
  outgoing?: boolean;
  invites?: boolean;
}

export function registerConnections(program: Command): void {
  const connections = program
    .command('connections')
    .description('your connections on this server, and requests to and from you')
    .addOption(new Option('--incoming', 'only requests waiting on you').conflicts(['outgoing', 'invites']))
    .addOption(new Option('--outgoing', 'only your requests waiting on others').conflicts(['invites']))
    .option('--invites', 'your one-time invitation links and what became of them')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<ListOptions>();
      if (o.invites) {
        const invites = await withAccount(o, (ctx) => listInvites(ctx));
        emit(o, invites, () => (invites.length === 0 ? 'no invitation links' : inviteTable(invites)));
        return;
      }
      const states = o.incoming
        ? (['incoming'] as const)
        : o.outgoing
          ? (['outgoing'] as const)
          : (['incoming', 'accepted', 'outgoing'] as const);
      const items = await withAccount(o, (ctx) => allConnections(ctx, [...states]));
      emit(o, items, () =>
        items.length === 0
          ? 'no connections yet (invite someone: `rapport connect`)'
          : connectionTable(items),
      );
    });
  examples(connections, [
    'rapport connections',
    'rapport connections --incoming',
    'rapport connections --invites',
  ]);

  const accept = connections
    .command('accept')
    .description('accept a request to connect, or a one-time invitation link someone sent you')
    .argument('<who>', 'name, email or id of the request, or the invitation link')
    .action(async (who: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const c = await withAccount(g, async (ctx) =>
        isInviteLink(who)
          ? acceptInviteLink(ctx, { token: who })
          : acceptConnection(ctx, (await resolveConnection(ctx, who, ['incoming'])).id),
      );
      emit(g, c, () => `connected with ${c.account.name}`);
    });
  examples(accept, [
    'rapport connections accept "Grace Hopper"',
    'rapport connections accept https://…/connect/…',
  ]);

  const decline = connections
    .command('decline')
    .description('decline a request to connect (they may ask again after 90 days)')
    .argument('<who>', 'name, email or id of the request')
    .action(async (who: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const c = await withAccount(g, async (ctx) => {
        const found = await resolveConnection(ctx, who, ['incoming']);
        await declineConnection(ctx, found.id);
        return found;
      });
      emit(g, { id: c.id, declined: true }, () => `declined ${c.account.name}'s request`);
    });
  examples(decline, ['rapport connections decline "Eve"']);

  const remove = connections
    .command('remove')
    .description('remove a connection (and your conversation) for both of you, withdraw a request or a link')
    .argument('<who>', 'name or id of the connection or request, or the id of an invitation link')
    .action(async (who: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const done = await withAccount(g, async (ctx) => {
        const link = (await listInvites(ctx)).find((i) => i.id === who.trim());
        if (link) {
          await revokeInvite(ctx, link.id);
          return {
            id: link.id,
            text: `withdrew the invitation link${link.email ? ` to ${link.email}` : ''}`,
          };
        }
        const c = await resolveConnection(ctx, who, ['accepted', 'outgoing', 'incoming']);
        if (c.status === 'declined')
          throw new AppError('conflict', `${c.account.name} declined; nothing to remove`);
        await removeConnection(ctx, c.id);
        const text =
          c.status === 'accepted'
            ? `removed your connection with ${c.account.name}`
            : c.status === 'outgoing'
              ? `withdrew your request to ${c.account.name}`
              : `declined ${c.account.name}'s request`;
        return { id: c.id, text };
      });
      emit(g, { id: done.id, removed: true }, () => done.text);
    });
  examples(remove, [
    'rapport connections remove "Grace Hopper"',
    'rapport connections remove 0193…   # a link',
  ]);
}
