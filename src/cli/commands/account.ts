import type { Command } from 'commander';
import { createAccount } from '../../core/accounts/create-account';
import { deleteAccountAsOperator } from '../../core/accounts/delete-account';
import { listAccounts } from '../../core/accounts/list-accounts';
import { markEmailVerified } from '../../core/accounts/mark-email-verified';
import { setPassword } from '../../core/accounts/set-password';
import { AppError } from '../../core/errors';
import { examples } from '../help';
import { emit, type GlobalOptions, HintedError, table } from '../output';
import { newPassword } from '../password';
import { withRuntime } from '../runtime';

interface CreateOptions extends GlobalOptions {
  email: string;
  name: string;
  passwordStdin?: boolean;
}

export function registerAccount(program: Command): void {
  const account = program.command('account').description('manage the accounts on this server (operator)');

  const create = account
    .command('create')
    .description('create an account (ignores the sign-up policy: the operator decides)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'the person’s name')
    .option('--password-stdin', 'read the password from stdin (else $RAPPORT_PASSWORD, else a hidden prompt)')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<CreateOptions>();
      const password = await newPassword(o);
      const created = await withRuntime(o, (rt) =>
        createAccount(rt.ctx(), { email: o.email, name: o.name, password }),
      );
      emit(o, created, () => `created account ${created.email} (${created.id})`);
    });
  examples(create, [
    'rapport account create --email ana@example.org --name "Ana López"',
    'printf %s "$PASS" | rapport account create --email ana@example.org --name Ana --password-stdin',
    'RAPPORT_PASSWORD=… rapport account create --email ana@example.org --name Ana',
  ]);

  const list = account
    .command('list')
    .description('list the accounts on this server')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const accounts = await withRuntime(g, (rt) => listAccounts(rt.ctx()));
      emit(g, accounts, () =>
        accounts.length === 0
          ? 'no accounts yet'
          : table(
              ['ID', 'EMAIL'],
              accounts.map((a) => [a.id, a.email]),
            ),
      );
    });
  examples(list, ['rapport account list', 'rapport account list --json']);

  const verify = account
    .command('verify-email')
    .description(
      "vouch for an account's sign-in address (for servers without mail): a verified address makes the person " +
        '"on Rapport" for those who have it in their rolodex',
    )
    .argument('<email>', "the account's sign-in email")
    .action(async (email: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const r = await withRuntime(g, (rt) => markEmailVerified(rt.ctx(), email));
      emit(g, r, () => `${r.email} is verified (since ${r.emailVerifiedAt})`);
    });
  examples(verify, ['rapport account verify-email ana@example.org']);

  const setPw = account
    .command('set-password')
    .description(
      'set a new password for someone who forgot theirs: their browser sessions end, their API tokens keep working',
    )
    .argument('<email>', "the account's sign-in email")
    .option('--password-stdin', 'read the password from stdin (else $RAPPORT_PASSWORD, else a hidden prompt)')
    .action(async (email: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & { passwordStdin?: boolean }>();
      const password = await newPassword(o);
      const r = await withRuntime(o, (rt) => setPassword(rt.ctx(), email, password));
      emit(
        o,
        r,
        () =>
          `set a new password for ${r.email} (${r.id}); signed out ${count(r.sessionsEnded, 'browser session')}\n` +
          `${count(r.liveApiTokens, 'API token')} still ${r.liveApiTokens === 1 ? 'works' : 'work'}: ` +
          'they can be revoked in Settings → API tokens (or `rapport token revoke` with --account)',
      );
    });
  examples(setPw, [
    'rapport account set-password ana@example.org',
    'printf %s "$PASS" | rapport account set-password ana@example.org --password-stdin',
  ]);

  const remove = account
    .command('delete')
    .description(
      'delete an account and everything it owns, for good (its connections end; other accounts keep their own ' +
        'records of the person). No password: the operator has the database anyway',
    )
    .argument('<email>', "the account's sign-in email")
    .option('--yes', 'really delete (without it, nothing is deleted and the command says what would be)')
    .action(async (email: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & { yes?: boolean }>();
      const r = await withRuntime(o, (rt) =>
        deleteAccountAsOperator(rt.ctx(), email, { confirmed: o.yes === true }),
      );
      const n = r.owned;
      if (!r.deleted) {
        // A usage error, so a script that forgot --yes stops here instead of carrying on as if it were gone.
        throw new HintedError(
          new AppError('validation', `refusing to delete ${r.email} without --yes`, {
            issues: [{ path: 'yes', message: 'is required to delete an account' }],
            owned: n,
          }),
          `This would delete the account ${r.email} (${r.id}) and everything it owns: ${count(n.contacts, 'contact')}, ` +
            `${count(n.interactions, 'interaction')}, ${count(n.favours, 'favour')}, ${count(n.promises, 'promise')}, ` +
            `${count(n.purposes, 'purpose')}, ${count(n.imports, 'import')}, its tags, settings, tokens and sessions; ` +
            `${count(n.connections, 'connection')} ${n.connections === 1 ? 'ends' : 'end'}. ` +
            `There is no undo: take a backup first (rapport --account ${r.email} backup FILE).`,
        );
      }
      emit(o, r, () => `deleted account ${r.email} (${r.id}) and everything it owned`);
    });
  examples(remove, [
    'rapport account delete ana@example.org',
    'rapport account delete ana@example.org --yes',
  ]);
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
