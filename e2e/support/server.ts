import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Mailer } from '../../src/core/mail/mailer';
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
  /**
   * Sends the app's e-mail (e.g. to a real SMTP sink). The server then also knows its own address, so the links in
   * those e-mails (invitations, introductions) point at it and a test can follow them.
   */
  mailer?: Mailer;
  /** More environment for the runtime, e.g. RAPPORT_NETWORK_SEARCHES. */
  env?: Record<string, string>;
}

/** A free port on 127.0.0.1 (closed again at once), for a server that must know its own address before it listens. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
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
      { RAPPORT_DATA_DIR: dataDir, RAPPORT_SIGNUP: 'open', ...opts.env },
      { settings: { scryptN: 2 ** 12 } },
    );
    const port = opts.mailer ? await freePort() : 0;
    app = await buildApp({
      handle: runtime.handle,
      settings: runtime.settings,
      webRoot,
      ...(opts.mailer ? { mailer: opts.mailer, baseUrl: `http://127.0.0.1:${port}` } : {}),
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
    const base = await app.listen({ port, host: '127.0.0.1' });
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
