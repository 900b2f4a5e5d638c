import type { Command } from 'commander';
import { signupUrl } from '../../contracts/signup-link';
import { createSignupInvite } from '../../core/accounts/create-signup-invite';
import { listSignupInvites } from '../../core/accounts/list-signup-invites';
import { revokeSignupInvite } from '../../core/accounts/revoke-signup-invite';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, fields, type GlobalOptions, note, table } from '../output';
import { integer } from '../parse';
import { publicUrlNote, withAccount } from '../runtime';

interface CreateOptions extends GlobalOptions {
  email?: string;
  expiresDays?: number;
}

export function registerInvites(program: Command): void {
  const invites = program
    .command('invites')
    .description('one-time sign-up codes, for a server with RAPPORT_SIGNUP=invite');

  const create = invites
    .command('create')
    .description('create a one-time sign-up code and the sign-up link with it; printed once')
    .option('--email <email>', 'only this address may use it')
    .option('--expires-days <d>', 'expire after D days (default 14)', integer(1, 90))
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<CreateOptions>();
      const { invite, publicUrl, signup } = await withAccount(o, async (ctx) => ({
        invite: await createSignupInvite(ctx, {
          ...(o.email !== undefined ? { email: o.email } : {}),
          ...(o.expiresDays !== undefined ? { expiresInDays: o.expiresDays } : {}),
        }),
        publicUrl: ctx.settings.publicUrl,
        signup: ctx.settings.signup,
      }));
      const out = { ...invite, email: o.email ?? null, url: signupUrl(publicUrl, invite.code) };
      emit(o, out, () =>
        fields([
          ['code', out.code],
          ['sign up at', out.url],
          ['for', out.email ?? 'anyone with the code'],
          ['expires', out.expiresAt],
        ]),
      );
      note(o, 'Send the link (or the code) to the person you invite: it works once and is not shown again.');
      const hint = publicUrlNote(o, publicUrl);
      if (hint) note(o, hint);
      // This process's environment, which is normally the server's too.
      if (signup !== 'invite')
        note(o, `RAPPORT_SIGNUP is "${signup}" here: the server asks for a code only when it is "invite".`);
    });
  fieldFlags(create, { expiresInDays: '--expires-days' });
  examples(create, [
    'rapport invites create',
    'rapport invites create --email grace@example.org --expires-days 7',
  ]);

  const list = invites
    .command('list')
    .description('list my invites that can still be used (codes are never shown again)')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const items = await withAccount(g, (ctx) => listSignupInvites(ctx));
      emit(g, items, () =>
        items.length === 0
          ? 'no outstanding invites'
          : table(
              ['ID', 'FOR', 'CREATED', 'EXPIRES'],
              items.map((i) => [i.id, i.email ?? 'anyone with the code', i.createdAt, i.expiresAt]),
            ),
      );
    });
  examples(list, ['rapport invites list']);

  const revoke = invites
    .command('revoke')
    .description('revoke an unused invite: its code no longer signs anyone up')
    .argument('<id>', 'invite id (from `rapport invites list`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      await withAccount(g, (ctx) => revokeSignupInvite(ctx, id));
      emit(g, { id, revoked: true }, () => `revoked invite ${id}`);
    });
  examples(revoke, ['rapport invites revoke 0193b6c2-…']);
}
