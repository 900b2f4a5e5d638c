import type { Command } from 'commander';
import type { InviteInput } from '../../contracts/network';
import { inviteToConnect } from '../../core/network/invite-to-connect';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

interface ConnectOptions extends GlobalOptions {
  message?: string;
}

export function registerConnect(program: Command): void {
  const cmd = program
    .command('connect')
    .description(
      'invite someone on this server to connect: by email or one of your contacts (in-app when they are on ' +
        'Rapport with a verified address, else a one-time link by mail), or with no argument a link to copy',
    )
    .argument('[who]', 'an email address, or a contact (id or text that finds exactly one)')
    .option('--message <text>', 'a personal note with the invitation')
    .action(async (who: string | undefined, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<ConnectOptions>();
      const result = await withAccount(o, async (ctx) => {
        const input: InviteInput = {};
        if (o.message !== undefined) input.message = o.message;
        if (who !== undefined) {
          if (who.includes('@') && !who.includes(' ')) input.email = who;
          else input.contactId = (await resolveContact(ctx, who)).id;
        }
        return inviteToConnect(ctx, input);
      });
      emit(o, result, () => {
        const { connection, invite } = result;
        if (connection?.status === 'accepted')
          return `connected with ${connection.account.name} (they had asked you)`;
        if (connection)
          return `asked ${connection.account.name} to connect; waiting for their answer (${connection.id})`;
        if (!invite) return '';
        const until = invite.expiresAt.slice(0, 10);
        const head = invite.emailed
          ? `invitation mailed to ${invite.email}`
          : invite.email
            ? `could not mail ${invite.email} (no mail server or it refused); send them this link yourself`
            : 'one-time invitation link: send it to the person you mean';
        return `${head}\n${invite.url}\n(works once, until ${until}; withdraw with \`rapport connections remove ${invite.id}\`)`;
      });
    });
  fieldFlags(cmd, { email: '[who]', contactId: '[who]' });
  examples(cmd, [
    'rapport connect grace@example.org --message "Great to meet you at the meetup"',
    'rapport connect "Grace Hopper"',
    'rapport connect            # a one-time link to copy',
    'rapport connections accept https://rapport.example.org/connect/…',
  ]);
}
