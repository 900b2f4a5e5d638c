import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDatabaseBusy } from '../core/db/portable';
import { sendDueDigests } from '../core/digest/send-due-digests';
import { openRuntime } from '../core/runtime';
import { buildApp } from './app';
import { INTRO_LAPSES_EVERY_MS, runHousekeeping, runIntroductionLapses } from './run-housekeeping';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOUSEKEEPING_EVERY_MS = 6 * 60 * 60_000;
// Digests go out in each account's chosen local hour; a few minutes' lateness is fine.
const DIGESTS_EVERY_MS = 5 * 60_000;

function portFrom(env: NodeJS.ProcessEnv): number {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  return port;
}

/**
 * How many reverse proxies stand in front (RAPPORT_TRUST_PROXY): 0 trusts none. Only that many hops of
 * X-Forwarded-For are believed, counted from the right, because the client itself writes the left-most entries.
 */
export function trustProxyFrom(env: NodeJS.ProcessEnv): number {
  const value = (env.RAPPORT_TRUST_PROXY ?? '').trim().toLowerCase();
  if (value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    throw new Error(
      `RAPPORT_TRUST_PROXY must be the number of proxies in front, e.g. 1 (got "${env.RAPPORT_TRUST_PROXY}")`,
    );
  return hops;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** LOG_LEVEL, checked here: the logger's own refusal ("default level:verbose must be included…") named no variable. */
export function logLevelFrom(env: NodeJS.ProcessEnv): string {
  const level = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(level))
    throw new Error(`LOG_LEVEL must be debug, info, warn or error (got "${env.LOG_LEVEL}")`);
  return level;
}

function uploadLimitFrom(env: NodeJS.ProcessEnv): number {
  const mb = Number(env.RAPPORT_UPLOAD_LIMIT_MB ?? 100);
  if (!Number.isFinite(mb) || mb <= 0)
    throw new Error(
      `RAPPORT_UPLOAD_LIMIT_MB must be a positive number (got "${env.RAPPORT_UPLOAD_LIMIT_MB}")`,
    );
  return Math.round(mb * 1024 * 1024);
}

/**
 * Starts Rapport from environment settings (README "Configuration"): opens and migrates the database, serves the
 * API and the web app, runs housekeeping (trash purge, expired sessions) every few hours, sends the daily digests
 * every few minutes when SMTP_URL is set, stops on SIGINT/SIGTERM.
 */
export async function runServer(env: NodeJS.ProcessEnv) {
  const port = portFrom(env);
  const logLevel = logLevelFrom(env);
  const host = env.HOST || 'localhost';
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const runtime = await openRuntime(env);
  const app = await buildApp({
    handle: runtime.handle,
    settings: runtime.settings,
    webRoot: env.RAPPORT_WEB_ROOT ?? join(root, 'dist', 'web'),
    baseUrl: env.BASE_URL,
    mailer: runtime.mailer,
    logLevel,
    trustProxy: trustProxyFrom(env),
    uploadLimit: uploadLimitFrom(env),
    version,
  });

  let housekeepingRun: Promise<unknown> = Promise.resolve();
  const housekeeping = () => {
    housekeepingRun = runHousekeeping(runtime.ctx(app.log));
    return housekeepingRun;
  };
  await housekeeping();
  const timer = setInterval(() => void housekeeping(), HOUSEKEEPING_EVERY_MS);
  timer.unref();
  // A lapsed introduction's requester hears within minutes, not at the next housekeeping.
  let lapseRun: Promise<void> = Promise.resolve();
  const lapseTimer = setInterval(() => {
    lapseRun = runIntroductionLapses(runtime.ctx(app.log));
  }, INTRO_LAPSES_EVERY_MS);
  lapseTimer.unref();

  // Daily digests: one mail transport for the server; the digest_sends row of each account and day keeps several
  // server processes (on PostgreSQL) from sending the same digest twice.
  const mailer = runtime.mailer;
  let digestRun: Promise<void> = Promise.resolve();
  let digestsRunning = false;
  const digests = () => {
    if (!mailer || digestsRunning) return; // a slow run is not overlapped by the next tick
    digestsRunning = true;
    digestRun = sendDueDigests(runtime.ctx(app.log), mailer, new Date(), { baseUrl: env.BASE_URL })
      .then((run) => {
        if (run.due > 0) app.log.info(run, 'daily digests done');
      })
      .catch((err: unknown) =>
        isDatabaseBusy(err)
          ? app.log.warn({ err }, 'daily digests put off: the database was busy; the next run sends them')
          : app.log.error({ err }, 'daily digests failed'),
      )
      .finally(() => {
        digestsRunning = false;
      });
  };
  const digestTimer = setInterval(digests, DIGESTS_EVERY_MS);
  digestTimer.unref();
  if (mailer) {
    void mailer.verify().then(
      () => app.log.info('SMTP server reachable: daily digests on'),
      (err: unknown) =>
        app.log.warn(
          { error: err instanceof Error ? err.message : String(err) },
          'SMTP server not reachable yet; daily digests will retry',
        ),
    );
  } else {
    app.log.info('daily digests are off: set SMTP_URL (and MAIL_FROM) to send them');
  }

  // Stopping (SIGTERM from systemd or `docker stop`, Ctrl-C): no new connection is taken, every request already
  // in progress is answered (an import then commits whole; one cut off by a second signal rolls back whole, being
  // one transaction), the timers' runs end, and only then is the database closed: exit code 0.
  let stopping: Promise<void> | undefined;
  let closing = false;
  app.addHook('onSend', async (_req, reply) => {
    // A kept-alive connection (every browser's) would hold the process for Fastify's keep-alive timeout (72 s)
    // after its last answer: each answer given while stopping says the connection ends with it.
    if (closing) void reply.header('connection', 'close');
  });
  const stop = (signal = 'stop') => {
    closing = true;
    stopping ??= (async () => {
      app.log.info(`${signal}: stopping; requests in progress are finished first`);
      clearInterval(timer);
      clearInterval(lapseTimer);
      clearInterval(digestTimer);
      // Connections that fall idle after close() began (an answer just sent) are closed as they do.
      const idle = setInterval(() => app.server.closeIdleConnections(), 200);
      try {
        await app.close();
      } finally {
        clearInterval(idle);
      }
      await Promise.allSettled([digestRun, lapseRun, housekeepingRun]);
      await runtime.close();
      app.log.info('stopped: the database is closed');
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop(signal).catch((err: unknown) => {
      app.log.error({ err }, 'stopping failed');
      process.exitCode = 1;
    });
  };
  // Once each: the same signal again (a second Ctrl-C) ends the process at once, as a shell user expects.
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const address = await app.listen({ port, host });
  app.log.info(
    { address, engine: runtime.handle.engine },
    `Rapport is running at ${env.BASE_URL ?? address}`,
  );
  digests();
  return { app, address, stop: () => stop() };
}
