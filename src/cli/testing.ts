import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Cli {
  /** Runs `rapport …` as a real process in the temp dir, with `env` on top of a cleaned environment. */
  run(args: string[], opts?: { env?: NodeJS.ProcessEnv; stdin?: string }): Promise<CliResult>;
  /** Runs with --json and parses stdout; fails loudly (with stderr) when the command failed. */
  json<T = unknown>(args: string[], opts?: { env?: NodeJS.ProcessEnv; stdin?: string }): Promise<T>;
  /** Creates an account through `rapport account create` (a fixed test password) and returns its id. */
  createAccount(email: string, name: string): Promise<string>;
  dir: string;
  cleanup(): Promise<void>;
}

/** A CLI bound to a fresh data directory; the process also runs from there, proving any cwd works. */
export async function tempCli(): Promise<Cli> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-cli-'));
  const run: Cli['run'] = (args, opts = {}) =>
    new Promise((resolve, reject) => {
      const env: NodeJS.ProcessEnv = { ...process.env };
      // The caller's own configuration must not leak into the child (Vitest sets BASE_URL to "/").
      for (const k of ['DATABASE_URL', 'RAPPORT_DATA_DIR', 'RAPPORT_ACCOUNT', 'RAPPORT_PASSWORD', 'BASE_URL'])
        delete env[k];
      const child = spawn(process.execPath, [BIN, '--data', dir, ...args], {
        cwd: dir,
        env: { ...env, ...opts.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString('utf8');
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString('utf8');
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(opts.stdin ?? '');
    });
  const json = async <T>(args: string[], opts?: { env?: NodeJS.ProcessEnv; stdin?: string }) => {
    const r = await run(['--json', ...args], opts);
    if (r.code !== 0) throw new Error(`rapport ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  };
  return {
    dir,
    run,
    json,
    createAccount: async (email, name) =>
      (
        await json<{ id: string }>(['account', 'create', '--email', email, '--name', name], {
          env: { RAPPORT_PASSWORD: 'a long enough password' },
        })
      ).id,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
