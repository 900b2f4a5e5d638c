import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { purgeExpiredSessions } from '../core/accounts/purge-expired-sessions';
import { snapshotTiers } from '../core/charts/snapshot-tiers';
import { openRuntime } from '../core/runtime';
import { purgeTrash } from '../core/trash/purge-trash';
import { buildApp } from './app';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOUSEKEEPING_EVERY_MS = 6 * 60 * 60_000;

function portFrom(env: NodeJS.ProcessEnv): number {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  return port;
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
 * API and the web app, runs housekeeping (trash purge, expired sessions) every few hours, stops on SIGINT/SIGTERM.
 */
export async function runServer(env: NodeJS.ProcessEnv) {
  const port = portFrom(env);
  const host = env.HOST || 'localhost';
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const runtime = await openRuntime(env);
  const app = await buildApp({
    handle: runtime.handle,
    settings: runtime.settings,
    webRoot: env.RAPPORT_WEB_ROOT ?? join(root, 'dist', 'web'),
    baseUrl: env.BASE_URL,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.RAPPORT_TRUST_PROXY === '1' || env.RAPPORT_TRUST_PROXY === 'true',
    uploadLimit: uploadLimitFrom(env),
    version,
  });

  const housekeeping = async () => {
    const ctx = runtime.ctx(app.log);
    try {
      const purged = await purgeTrash(ctx);
      const sessions = await purgeExpiredSessions(ctx);
      const accounts = await snapshotTiers(ctx);
      app.log.info({ purged, sessions, accounts }, 'housekeeping done');
    } catch (err) {
      app.log.error({ err }, 'housekeeping failed');
    }
  };
  await housekeeping();
  const timer = setInterval(() => void housekeeping(), HOUSEKEEPING_EVERY_MS);
  timer.unref();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    await app.close();
    await runtime.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const address = await app.listen({ port, host });
  app.log.info(
    { address, engine: runtime.handle.engine },
    `Rapport is running at ${env.BASE_URL ?? address}`,
  );
  return { app, address, stop };
}
