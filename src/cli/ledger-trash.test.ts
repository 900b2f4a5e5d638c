import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Favour, Interaction, PromiseView, Relationship } from '../contracts/relationships';
import type { TrashListing } from '../contracts/trash';
import { openRuntime } from '../core/runtime';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s).
const SLOW = 240_000;
const MISSING = '01a00000-0000-7000-8000-000000000000';

describe('rapport CLI: removed interactions, favours and promises in the trash, and restored', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    await cli.json(['add', 'Ada Lovelace']);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('lists what was removed with `rapport trash` and brings each back by id', {
    timeout: SLOW,
  }, async () => {
    const met = await cli.json<Interaction>(['log', 'ada', 'met', '--note', 'Coffee at the RSA']);
    const favour = await cli.json<Favour>(['favour', 'ada', 'received', 'Reviewed my talk']);
    const promise = await cli.json<PromiseView>(['promise', 'ada', 'Send the deck', '--by', '+7']);
    const strength = await cli.json<Relationship>(['relationship', 'ada']);
    for (const [cmd, id] of [
      ['interactions', met.id],
      ['favours', favour.id],
      ['promises', promise.id],
    ] as const) {
      expect((await cli.run([cmd, 'rm', id])).code).toBe(0);
    }

    const [text, listing] = await Promise.all([cli.run(['trash']), cli.json<TrashListing>(['trash'])]);
    expect(text.stdout).toContain('interactions:\nID');
    expect(text.stdout).toMatch(new RegExp(`${met.id} .*meeting .*Ada Lovelace .*Coffee at the RSA`));
    expect(text.stdout).toContain('favours:\nID');
    expect(text.stdout).toMatch(new RegExp(`${favour.id} .*Ada Lovelace .*I received .*Reviewed my talk`));
    expect(text.stdout).toContain('promises:\nID');
    expect(text.stdout).toMatch(new RegExp(`${promise.id} .*Ada Lovelace .*mine .*Send the deck`));
    expect(listing.interactions.map((i) => i.id)).toEqual([met.id]);
    expect(listing.favours[0]).toMatchObject({ id: favour.id, purgeAfter: expect.any(String) });

    const [interaction, favourBack, promiseBack] = await Promise.all([
      cli.run(['interactions', 'restore', met.id]),
      cli.json<Favour>(['favours', 'restore', favour.id]),
      cli.run(['promises', 'restore', promise.id]),
    ]);
    expect(interaction).toMatchObject({
      code: 0,
      stdout: `restored interaction ${met.id} (meeting with Ada Lovelace)\n`,
    });
    expect(favourBack).toEqual(favour);
    expect(promiseBack.stdout).toBe(
      `restored promise ${promise.id} (Send the deck, Ada Lovelace, due ${promise.dueOn})\n`,
    );
    expect(await cli.json<Relationship>(['relationship', 'ada'])).toEqual(strength);
    expect((await cli.run(['trash'])).stdout).toBe('the trash is empty\n');

    const gone = await cli.run(['interactions', 'restore', MISSING]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('interaction in the trash not found');
  });

  it('says there are more than the newest 1,000 removed favours, and lists every one with --all', {
    timeout: SLOW,
  }, async () => {
    // 1,002 favours already in the trash, written to the database directly (removing them one by one is not the point).
    const rt = await openRuntime({ RAPPORT_DATA_DIR: cli.dir } as NodeJS.ProcessEnv);
    try {
      const db = rt.handle.db;
      const owner = await db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
      const ada = await db.selectFrom('contacts').select('id').executeTakeFirstOrThrow();
      const now = Date.now();
      const at = (i: number) => new Date(now - 60_000 - i * 1000).toISOString();
      await db
        .insertInto('favours')
        .values(
          Array.from({ length: 1002 }, (_, i) => ({
            id: `01a00000-0000-7000-8000-${String(i).padStart(12, '0')}`,
            owner_id: owner.id,
            contact_id: ada.id,
            direction: 'given' as const,
            what: `favour ${i}`,
            size: 1,
            occurred_on: '2026-11-01',
            interaction_id: null,
            source: 'cli',
            created_at: at(i),
            updated_at: at(i),
            deleted_at: at(i),
          })),
        )
        .execute();
    } finally {
      await rt.close();
    }
    const first = await cli.run(['trash']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('favour 999');
    expect(first.stdout).not.toContain('favour 1000');
    expect(first.stderr).toContain('(more favours than the newest 1,000 shown: --all)');
    const all = await cli.json<TrashListing>(['trash', '--all']);
    expect(all.favours).toHaveLength(1002);
    expect(all.favours[1001]).toMatchObject({ what: 'favour 1001' });
    expect(all.favoursNextCursor).toBeNull();
    expect((await cli.run(['trash', '--all'])).stderr).toBe('');
  });
});
