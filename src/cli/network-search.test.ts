import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markEmailVerified, seedConnection } from '../../test/network';
import type { NetworkSearchResult, PathResult } from '../contracts/network-search';
import { connect } from '../core/db/connect';
import { type Cli, tempCli } from './testing';

const SLOW = 120_000;

describe('rapport CLI: network search and warm paths', () => {
  let cli: Cli;
  let chenId: string;
  const as = (email: string) => ['--account', email];
  beforeAll(async () => {
    cli = await tempCli();
    const ids: Record<string, string> = {};
    for (const [email, name] of [
      ['me@example.test', 'Mia'],
      ['bea@example.test', 'Bea'],
    ] as const) {
      ids[email] = await cli.createAccount(email, name);
    }
    chenId = (
      await cli.json<{ id: string }>([
        ...as('bea@example.test'),
        'add',
        'Chen Wu',
        '--org',
        'Acme Logistics',
        '--title',
        'Head of Supply Chain',
        '--email',
        'chen@private-mail.test',
        '--tag',
        'speakers',
      ])
    ).id;
    // Connecting and sharing have their own commands; here the rows are arranged directly.
    const h = connect({ engine: 'sqlite', file: join(cli.dir, 'rapport.sqlite') });
    await h.db
      .updateTable('tags')
      .set({ findable: 1 })
      .where('owner_id', '=', ids['bea@example.test'] as string)
      .execute();
    await seedConnection(h.db, ids['me@example.test'] as string, ids['bea@example.test'] as string);
    await h.close();
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('finds who my connections know, with the broker and their contact id, and no private field', {
    timeout: SLOW,
  }, async () => {
    const human = await cli.run([...as('me@example.test'), 'network', 'search', 'supply', 'chain']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Chen Wu\s+Acme Logistics\s+Head of Supply Chain\s+Bea\s+[0-9a-f-]{36}/);
    expect(human.stderr).toMatch(/network searches left today/);
    const json = await cli.json<NetworkSearchResult>([...as('me@example.test'), 'network', 'search', 'acme']);
    expect(json.people.map((p) => [p.displayName, p.brokers.map((b) => [b.name, b.contactId])])).toEqual([
      ['Chen Wu', [['Bea', chenId]]],
    ]);
    expect(JSON.stringify(json)).not.toMatch(/private-mail|speakers/);
    // Bea's own contact is not a result for Bea.
    expect(
      (await cli.json<NetworkSearchResult>([...as('bea@example.test'), 'network', 'search', 'chen'])).people,
    ).toEqual([]);
  });

  it('explains warm paths to an organisation or a contact id', { timeout: SLOW }, async () => {
    const human = await cli.run([...as('me@example.test'), 'path', 'acme']);
    expect(human.code).toBe(0);
    expect(human.stdout.split('\n')).toEqual([
      `1. ask Bea (2 hops, warmth 0.36) — contact id ${chenId}`,
      '   you → Bea [known]: your connection',
      '   Bea → Chen Wu [known]: Bea knows them and lets connections find them',
      '',
    ]);
    const json = await cli.json<PathResult>([...as('me@example.test'), 'path', chenId]);
    expect(json.paths.map((p) => p.contactId)).toEqual([chenId]);
  });

  it('refuses a one-letter query (exit 2) and a stranger’s contact id (exit 5)', {
    timeout: SLOW,
  }, async () => {
    const short = await cli.run([...as('me@example.test'), 'network', 'search', 'a']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('error: <text...>: ');
    const other = await cli.run([...as('me@example.test'), 'path', '01900000-0000-7000-8000-000000000000']);
    expect(other.code).toBe(5);
    expect(other.stderr).toMatch(/contact not found/);
  });

  it('says when the person is already one of my connections: no introduction to ask for', {
    timeout: SLOW,
  }, async () => {
    // Chen joins with the address Bea has for him, and connects with Mia.
    const chen = await cli.createAccount('chen@private-mail.test', 'Chen Wu');
    const h = connect({ engine: 'sqlite', file: join(cli.dir, 'rapport.sqlite') });
    const mia = await h.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'me@example.test')
      .executeTakeFirstOrThrow();
    await markEmailVerified(h.db, chen);
    await seedConnection(h.db, mia.id, chen);
    await h.close();
    const paths = await cli.run([...as('me@example.test'), 'path', 'acme']);
    expect(paths.stdout.split('\n')[0]).toBe(
      '1. Chen Wu: already connected, write to them directly (known by Bea)',
    );
    const search = await cli.run([...as('me@example.test'), 'network', 'search', 'acme']);
    expect(search.stdout).toContain('Chen Wu (already connected: write to them directly)');
  });

  it('stops with exit 8 when the daily search limit is spent', { timeout: SLOW }, async () => {
    const env = { RAPPORT_NETWORK_SEARCHES: '1' };
    const r = await cli.run([...as('me@example.test'), 'network', 'search', 'acme'], { env });
    expect(r.code).toBe(8);
    expect(r.stderr).toMatch(/network search limit reached: 1 searches per 24 hours/);
  });
});
