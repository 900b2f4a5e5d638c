import type { Account } from '../contracts/auth';
import { resolveAccount } from '../core/accounts/resolve-account';
import { actingAs, type Ctx } from '../core/context';
import { openRuntime, type Runtime } from '../core/runtime';
import type { GlobalOptions } from './output';

/** The environment for this run: `--data DIR` overrides RAPPORT_DATA_DIR (DATABASE_URL still wins in core). */
export function cliEnv(g: GlobalOptions): NodeJS.ProcessEnv {
  return g.data ? { ...process.env, RAPPORT_DATA_DIR: g.data } : process.env;
}

/** Opens the database for one command and always closes it, so the process exits as soon as the work is done. */
export async function withRuntime<T>(
  g: GlobalOptions,
  fn: (rt: Runtime) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const rt = await openRuntime(cliEnv(g), opts);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Runs `fn` as the acting account: `--account`, else RAPPORT_ACCOUNT, else the server's only account. */
export async function withAccount<T>(
  g: GlobalOptions,
  fn: (ctx: Ctx, account: Account) => Promise<T>,
): Promise<T> {
  return withRuntime(g, async (rt) => {
    const base = rt.ctx();
    const account = await resolveAccount(base, g.account ?? process.env.RAPPORT_ACCOUNT);
    return fn(actingAs(base, account.id), account);
  });
}

/** Said under a printed link when BASE_URL is unset: the link then names the default address, maybe not this server's. */
export function publicUrlNote(g: GlobalOptions, publicUrl: string): string | null {
  return cliEnv(g).BASE_URL?.trim()
    ? null
    : `BASE_URL is not set, so the link assumes ${publicUrl}; set BASE_URL to this server's public address.`;
}
