import { resolve } from 'node:path';
import { systemClock } from './clock';
import { type Ctx, defaultSettings, type Log, type Settings, type SignupMode, silentLog } from './context';
import { connect, type DatabaseHandle, targetFromEnv } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { pingDatabase } from './db/ping';
import { uuidIds } from './ids';
import { mailConfigFromEnv, type SmtpMailer, smtpMailer } from './mail/smtp-mailer';

export interface Runtime {
  handle: DatabaseHandle;
  settings: Settings;
  /** The SMTP mailer from SMTP_URL/MAIL_FROM, or null; closed with the runtime. */
  mailer: SmtpMailer | null;
  /** A context with no actor; use `actingAs` from context.ts to act for an account. */
  ctx(log?: Log): Ctx;
  close(): Promise<void>;
}

/** Where data lives: RAPPORT_DATA_DIR, else ./data under the working directory. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv): string {
  return resolve(env.RAPPORT_DATA_DIR || 'data');
}

/**
 * Without BASE_URL, links (connection invitations, introductions, the calendar feed) name this server as it listens
 * (PORT, HOST), not a fixed localhost:3000 that a server on another port cannot answer.
 */
function localUrl(env: NodeJS.ProcessEnv): string {
  const port = env.PORT?.trim() || '3000';
  const host = env.HOST?.trim();
  const name =
    !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/**
 * BASE_URL goes into every link mailed or shown; without a scheme ("rapport.example.org") each of them was broken
 * and cookies were never marked Secure, with nothing said at start-up.
 */
function baseUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.BASE_URL?.trim();
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash)
    throw new Error(
      `BASE_URL must be the public address of this server, starting with https:// or http://, e.g. https://rapport.example.org (got "${value}")`,
    );
  return value;
}

/** Domain settings from the environment; an unknown RAPPORT_SIGNUP value is an error, not a silent default. */
export function settingsFromEnv(env: NodeJS.ProcessEnv): Settings {
  const signup = (env.RAPPORT_SIGNUP ?? 'open') as SignupMode;
  if (!['open', 'invite', 'closed'].includes(signup)) {
    throw new Error(`RAPPORT_SIGNUP must be open, invite or closed (got "${env.RAPPORT_SIGNUP}")`);
  }
  const publicUrl = (baseUrlFrom(env) || localUrl(env)).replace(/\/+$/, '');
  const searches = env.RAPPORT_NETWORK_SEARCHES?.trim();
  const networkSearchesPerDay = searches ? Number(searches) : defaultSettings.networkSearchesPerDay;
  if (!Number.isInteger(networkSearchesPerDay) || networkSearchesPerDay < 1) {
    throw new Error(`RAPPORT_NETWORK_SEARCHES must be a whole number of at least 1 (got "${searches}")`);
  }
  return { ...defaultSettings, signup, publicUrl, networkSearchesPerDay };
}

/**
 * A PostgreSQL server that cannot be reached, or refuses the user, is named as DATABASE_URL's (without its password)
 * instead of surfacing as "the database's schema could not be brought up to date: connect ECONNREFUSED".
 */
async function reachable(handle: DatabaseHandle, url: string): Promise<void> {
  try {
    await pingDatabase(handle.db);
  } catch (err) {
    await handle.close().catch(() => undefined);
    let where = '';
    try {
      const u = new URL(url);
      where = ` (${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname})`;
    } catch {}
    // Node reports a refused "localhost" (tried on ::1 and 127.0.0.1) as an AggregateError with no message.
    const e = err as Error & { code?: string; errors?: Error[] };
    const why = e.message || e.errors?.[0]?.message || e.code || String(err);
    throw new Error(`cannot open the PostgreSQL database in DATABASE_URL${where}: ${why}`, { cause: err });
  }
}

/** Opens the configured database (DATABASE_URL or SQLite under the data dir) and migrates it to the latest schema. */
export async function openRuntime(
  env: NodeJS.ProcessEnv,
  opts: { migrate?: boolean; settings?: Partial<Settings> } = {},
): Promise<Runtime> {
  const settings = { ...settingsFromEnv(env), ...opts.settings };
  const mailConfig = mailConfigFromEnv(env);
  const target = targetFromEnv(env, dataDirFromEnv(env));
  const handle = connect(target);
  if (target.engine === 'postgres') await reachable(handle, target.url);
  const mailer = mailConfig ? smtpMailer(mailConfig) : null;
  if (opts.migrate ?? true) await migrateToLatest(handle.db);
  return {
    handle,
    settings,
    mailer,
    ctx: (log = silentLog) => ({
      db: handle.db,
      engine: handle.engine,
      actor: null,
      clock: systemClock,
      ids: uuidIds,
      log,
      settings,
      mailer,
    }),
    close: async () => {
      mailer?.close();
      await handle.close();
    },
  };
}
