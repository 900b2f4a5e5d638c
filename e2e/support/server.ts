import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { openRuntime, type Runtime } from '../../src/core/runtime';
import { buildApp } from '../../src/server/app';

export interface RunningServer {
  base: string;
  logs: string[];
  stop(): Promise<void>;
}

export interface ServerOptions {
  /**
   * Called as each request arrives (before its body is read); the request waits for the returned promise. Lets a
   * test hold an upload's answer back, to see what the page shows meanwhile.
   */
  beforeRequest?: (url: string) => Promise<void> | undefined;
}

/**
 * The real server (Fastify app + migrated SQLite file in a fresh temp data dir) on a random local port, serving
 * the built web app. Only the password hashing cost is lowered, to keep the browser run quick.
 */
export async function startServer(webRoot: string, opts: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const logs: string[] = [];
  let runtime: Runtime | undefined;
  let app: FastifyInstance | undefined;
  try {
    runtime = await openRuntime(
      { RAPPORT_DATA_DIR: dataDir, RAPPORT_SIGNUP: 'open' },
      { settings: { scryptN: 2 ** 12 } },
    );
    app = await buildApp({
      handle: runtime.handle,
      settings: runtime.settings,
      webRoot,
      logLevel: 'warn',
      logStream: new Writable({
        write(chunk, _enc, cb) {
          logs.push(String(chunk));
          cb();
        },
      }),
    });
    const { beforeRequest } = opts;
    if (beforeRequest) {
      app.addHook('onRequest', async (req) => {
        await beforeRequest(req.url);
      });
    }
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      base,
      logs,
      stop: async () => {
        await app?.close();
        await runtime?.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await app?.close();
    await runtime?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
