import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Favour, Interaction, PromiseView, Relationship } from '../contracts/relationships';
import type { TrashListing } from '../contracts/trash';
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
});
