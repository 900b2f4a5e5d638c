import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticConnectionsCsv } from '../../bench/synthetic';
import { ENGINES } from '../../test/engines';
import { freePort } from '../../test/free-port';
import { type Cli, tempCli } from './testing';

const BIN = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url));
// A real `node bin/rapport.js serve`, a real upload of thousands of connections, a real SIGTERM.
const SLOW = 180_000;

interface Server {
  child: ChildProcess;
  /** Every log line so far, parsed. */
  lines: { msg?: string; level?: number; [k: string]: unknown }[];
  /** Resolves with the first log line matching. */
  waitFor(match: (line: { msg?: string; [k: string]: unknown }) => boolean): Promise<unknown>;
  exited: Promise<number | null>;
}

function serve(cli: Cli, port: number, databaseUrl: string | undefined): Server {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'RAPPORT_DATA_DIR', 'RAPPORT_ACCOUNT', 'RAPPORT_PASSWORD', 'BASE_URL'])
    delete env[k];
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, [BIN, '--data', cli.dir, 'serve', '--port', String(port)], {
    cwd: cli.dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Server['lines'] = [];
  const waiting: { match: (l: Server['lines'][number]) => boolean; resolve: (l: unknown) => void }[] = [];
  let rest = '';
  child.stdout?.on('data', (d: Buffer) => {
    rest += d.toString('utf8');
    const parts = rest.split('\n');
    rest = parts.pop() ?? '';
    for (const text of parts) {
      let line: Server['lines'][number];
      try {
        line = JSON.parse(text);
      } catch {
        line = { msg: text };
      }
      lines.push(line);
      for (const w of waiting.filter((x) => x.match(line))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr?.on('data', (d: Buffer) => lines.push({ msg: `stderr: ${d.toString('utf8')}` }));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitFor: (match) => {
      const found = lines.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiting.push({ match, resolve }));
    },
  };
}

async function countContacts(cli: Cli, databaseUrl: string | undefined, ownerId: string): Promise<number> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const r = await client.query('SELECT count(*)::int AS n FROM contacts WHERE owner_id = $1', [ownerId]);
      return r.rows[0].n as number;
    } finally {
      await client.end();
    }
  }
  const db = new SQLite(join(cli.dir, 'rapport.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM contacts WHERE owner_id = ?').pluck().get(ownerId) as number;
  } finally {
    db.close();
  }
}

describe.each(ENGINES)('rapport serve: SIGTERM lets what runs finish, then stops cleanly [%s]', (engine) => {
  let cli: Cli;
  let token: string;
  let accountId: string;
  const databaseUrl = engine === 'postgres' ? inject('pgUrl') : undefined;
  // The run's PostgreSQL database is shared: an address of this run's own.
  const email = `ada-${process.pid}-${Date.now()}@example.org`;
  beforeAll(async () => {
    cli = await tempCli();
    const env = {
      ...(databaseUrl && { DATABASE_URL: databaseUrl }),
      RAPPORT_PASSWORD: 'a long enough password',
    };
    accountId = (
      await cli.json<{ id: string }>(['account', 'create', '--email', email, '--name', 'Ada'], { env })
    ).id;
    const created = await cli.json<{ token: string }>(['token', 'create', '--name', 'shutdown'], {
      env: { ...env, RAPPORT_ACCOUNT: email },
    });
    token = created.token;
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it(
    'an import in flight is answered and stored whole; the server says it stops, refuses new work, exits 0',
    async () => {
      const port = await freePort();
      const server = serve(cli, port, databaseUrl);
      try {
        await server.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('Rapport is running'));
        const form = new FormData();
        form.set('file', new Blob([syntheticConnectionsCsv(8000)]), 'Connections.csv');
        const upload = fetch(`http://127.0.0.1:${port}/api/v1/imports?kind=linkedin`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: form,
        });
        // The signal comes while the import is being read or stored.
        await server.waitFor(
          (l) => (l.req as { url?: string } | undefined)?.url?.startsWith('/api/v1/imports') === true,
        );
        server.child.kill('SIGTERM');
        const answer = await upload;
        expect(answer.status).toBe(201);
        const report = (await answer.json()) as { stats: { created: number } };
        expect(report.stats.created).toBe(7984);
        // Gone soon after its last answer: the client's kept-alive connection held it 72 s more.
        const code = await Promise.race([
          server.exited,
          new Promise((resolve) =>
            setTimeout(() => resolve('still running 15 s after its last answer'), 15_000),
          ),
        ]);
        expect(code).toBe(0);
        // Nothing new is taken on once it has stopped.
        await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
        const messages = server.lines.map((l) => l.msg);
        expect(messages).toContain('SIGTERM: stopping; requests in progress are finished first');
        expect(messages.at(-1)).toBe('stopped: the database is closed');
        expect(server.lines.filter((l) => (l.level ?? 0) >= 50)).toEqual([]);
      } finally {
        server.child.kill('SIGKILL');
      }
      // Stored whole: every connection is there once the server is gone (16 of the rows are hidden profiles).
      expect(await countContacts(cli, databaseUrl, accountId)).toBe(7984);
    },
    SLOW,
  );
});
