import type { Kysely } from 'kysely';
import type { Clock } from './clock';
import type { Engine } from './db/connect';
import type { Database } from './db/schema';
import { AppError } from './errors';
import type { Ids } from './ids';
import type { Mailer } from './mail/mailer';

/** The subset of pino's logger the domain uses. Never log passwords, tokens or private fields. */
export interface Log {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };

/** The account a use case acts for. */
export interface Actor {
  accountId: string;
}

export type SignupMode = 'open' | 'invite' | 'closed';

/** Deployment settings the domain reads (server/settings.ts builds them from the environment). */
export interface Settings {
  signup: SignupMode;
  /** scrypt cost; lowered only by tests to keep them fast. */
  scryptN: number;
  sessionTtlDays: number;
  trashDays: number;
  /** The public URL of this server (BASE_URL), for links in e-mails. */
  publicUrl: string;
  /** Second-degree searches and warm-path look-ups each account may run per 24 hours (RAPPORT_NETWORK_SEARCHES). */
  networkSearchesPerDay: number;
}

export const defaultSettings: Settings = {
  signup: 'open',
  scryptN: 2 ** 17,
  sessionTtlDays: 30,
  trashDays: 30,
  publicUrl: 'http://localhost:3000',
  networkSearchesPerDay: 50,
};

/** Everything a use case needs, passed in explicitly (no DI container). */
export interface Ctx {
  db: Kysely<Database>;
  engine: Engine;
  actor: Actor | null;
  clock: Clock;
  ids: Ids;
  log: Log;
  settings: Settings;
  /** Sends e-mail (SMTP_URL); null when the server has none, and features that mail say so. */
  mailer: Mailer | null;
}

/** The acting account's id, or `unauthenticated`. Every owner-scoped use case starts here. */
export function requireActor(ctx: Ctx): string {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  return ctx.actor.accountId;
}

export function nowIso(ctx: Ctx): string {
  return ctx.clock.now().toISOString();
}

/** The same context acting as another account (e.g. right after sign-up). */
export function actingAs(ctx: Ctx, accountId: string): Ctx {
  return { ...ctx, actor: { accountId } };
}

/** Runs `fn` in one transaction; joins the caller's transaction when there already is one. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
