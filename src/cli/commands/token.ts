import type { Command } from 'commander';
import { createApiToken } from '../../core/accounts/create-api-token';
import { listApiTokens } from '../../core/accounts/list-api-tokens';
import { revokeApiToken } from '../../core/accounts/revoke-api-token';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { emit, fields, type GlobalOptions, note, table } from '../output';
import { integer } from '../parse';
import { withAccount } from '../runtime';

interface CreateOptions extends GlobalOptions {
  name: string;
  expiresDays?: number;
  readOnly?: boolean;
}

export function registerToken(program: Command): void {
  const token = program.command('token').description('API tokens for scripts and integrations');

  const create = token
    .command('create')
    .description('create an API token; its secret is printed once')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--expires-days <d>', 'expire after D days (default: never)', integer(1, 3650))
    .option('--read-only', 'the token can only read (GET): for dashboards and backup scripts')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<CreateOptions>();
      const created = await withAccount(o, (ctx) =>
        createApiToken(ctx, {
          name: o.name,
          expiresInDays: o.expiresDays,
          scope: o.readOnly ? 'read' : 'full',
        }),
      );
      emit(o, created, () =>
        fields([
          ['id', created.id],
          ['name', created.name],
          ['scope', created.scope],
          ['expires', created.expiresAt ?? 'never'],
          ['token', created.token],
        ]),
      );
      note(o, 'Store the token now: it will not be shown again.');
    });
  fieldFlags(create, { expiresInDays: '--expires-days' });
  examples(create, [
    'rapport token create --name backup-script',
    'rapport token create --name ci --expires-days 90',
    'rapport token create --name dashboard --read-only',
  ]);

  const list = token
    .command('list')
    .description('list the usable (not revoked, not expired) tokens; secrets are never shown')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const tokens = await withAccount(g, (ctx) => listApiTokens(ctx));
      emit(g, tokens, () =>
        tokens.length === 0
          ? 'no tokens'
          : table(
              ['ID', 'NAME', 'PREFIX', 'SCOPE', 'CREATED', 'LAST USED', 'EXPIRES'],
              tokens.map((t) => [
                t.id,
                t.name,
                `${t.prefix}…`,
                t.scope,
                t.createdAt,
                t.lastUsedAt ?? 'never',
                t.expiresAt ?? 'never',
              ]),
            ),
      );
    });
  examples(list, ['rapport token list']);

  const revoke = token
    .command('revoke')
    .description('revoke a token: it stops working at once')
    .argument('<id>', 'token id (from `rapport token list`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      await withAccount(g, (ctx) => revokeApiToken(ctx, id));
      emit(g, { id, revoked: true }, () => `revoked token ${id}`);
    });
  examples(revoke, ['rapport token revoke 0193b6c2-…']);
}
