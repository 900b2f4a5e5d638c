import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { AppError } from '../core/errors';
import { registerAccessLog } from './commands/access-log';
import { registerAccount } from './commands/account';
import { registerAdd } from './commands/add';
import { registerAsk } from './commands/ask';
import { registerBackup } from './commands/backup';
import { registerConnect } from './commands/connect';
import { registerConnections } from './commands/connections';
import { registerDb } from './commands/db';
import { registerDuplicates } from './commands/duplicates';
import { registerEdit } from './commands/edit';
import { registerExport } from './commands/export';
import { registerFavour } from './commands/favour';
import { registerFavours } from './commands/favours';
import { registerFeed } from './commands/feed';
import { registerImport } from './commands/import';
import { registerImports } from './commands/imports';
import { registerInteractions } from './commands/interactions';
import { registerIntro } from './commands/intro';
import { registerInvitations } from './commands/invitations';
import { registerInvites } from './commands/invites';
import { registerLapsed } from './commands/lapsed';
import { registerList } from './commands/list';
import { registerLog } from './commands/log';
import { registerMerge } from './commands/merge';
import { registerMerges } from './commands/merges';
import { registerMessage, registerMessages } from './commands/messages';
import { registerNetworkSearch, registerPath } from './commands/network-search';
import { registerOrgs } from './commands/orgs';
import { registerOutreach } from './commands/outreach';
import { registerProfile } from './commands/profile';
import { registerPromise } from './commands/promise';
import { registerPromises } from './commands/promises';
import { registerPurpose } from './commands/purpose';
import { registerRecompute } from './commands/recompute';
import { registerRelationship } from './commands/relationship';
import { registerRestore } from './commands/restore';
import { registerRm } from './commands/rm';
import { registerSearch } from './commands/search';
import { registerServe } from './commands/serve';
import { registerSession } from './commands/session';
import { registerSettings } from './commands/settings';
import { registerShare } from './commands/share';
import { registerShow } from './commands/show';
import { registerTag } from './commands/tag';
import { registerTags } from './commands/tags';
import { registerToday } from './commands/today';
import { registerToken } from './commands/token';
import { registerTrash } from './commands/trash';
import { EXIT_CODE_TABLE, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { fieldLabel } from './field-flags';
import { reportError } from './output';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function buildProgram(json: boolean): Command {
  const program = new Command('rapport')
    .description('Rapport: your self-hosted professional rolodex')
    .version(version)
    .option('--data <dir>', 'data directory of the SQLite database (default: $RAPPORT_DATA_DIR or ./data)')
    .option('--account <email>', 'act as this account (default: $RAPPORT_ACCOUNT, else the only account)')
    .option('--json', 'print machine-readable JSON (errors as {"error":{…}} on stderr)')
    // Set before the commands are added so every subcommand inherits them.
    .exitOverride()
    // Under --json the error is reported once, as JSON, by main below.
    .showHelpAfterError(json ? false : '(run with --help for usage)')
    .configureOutput(json ? { outputError: () => {} } : {});
  program.addHelpText(
    'after',
    `
Environment:
  DATABASE_URL      postgres://… to use PostgreSQL instead of SQLite (wins over --data)
  RAPPORT_DATA_DIR  data directory (default ./data)
  RAPPORT_ACCOUNT   account to act as
  RAPPORT_PASSWORD  password for \`account create|set-password\` when not typed or piped
  RAPPORT_DEBUG     set to 1 to print the stack of an unexpected error

Exit status:
${EXIT_CODE_TABLE.map((r) => `  ${r.status}  ${r.meaning}`).join('\n')}`,
  );
  for (const register of [
    registerServe,
    registerDb,
    registerAccount,
    registerInvites,
    registerToken,
    registerSession,
    registerAdd,
    registerList,
    registerSearch,
    registerShow,
    registerEdit,
    registerRm,
    registerRestore,
    registerTrash,
    registerTags,
    registerTag,
    registerOrgs,
    registerToday,
    registerLapsed,
    registerLog,
    registerInteractions,
    registerRelationship,
    registerRecompute,
    registerFavour,
    registerFavours,
    registerPromise,
    registerPromises,
    registerPurpose,
    registerOutreach,
    registerProfile,
    registerSettings,
    registerFeed,
    registerImport,
    registerImports,
    registerInvitations,
    registerExport,
    registerBackup,
    registerDuplicates,
    registerMerge,
    registerMerges,
    registerConnect,
    registerConnections,
    registerShare,
    registerMessages,
    registerMessage,
    registerAccessLog,
    registerNetworkSearch,
    registerPath,
    registerIntro,
    registerAsk,
  ]) {
    register(program);
  }
  return program;
}

/** Runs one command line; returns the exit status (see exit-codes.ts). */
async function main(argv: string[]): Promise<number> {
  // Known before parsing so that even a usage error can be reported as JSON.
  const json = argv.includes('--json');
  const program = buildProgram(json);
  // The command that ran, so that its errors name the flags typed rather than the use case's fields.
  let ran: Command | undefined;
  program.hook('preAction', (_program, action) => {
    ran = action;
  });
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and --version end with status 0; everything else commander rejects is a usage error.
      if (e.exitCode === 0) return EXIT_OK;
      if (json) reportError(new AppError('validation', e.message.replace(/^error: /, '')), true);
      return EXIT_USAGE;
    }
    return reportError(e, json, (path) => fieldLabel(path, ran));
  }
}

// `rapport list | head`: the reader has gone, which is not a failure; stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw e;
});
process.exitCode = await main(process.argv);
