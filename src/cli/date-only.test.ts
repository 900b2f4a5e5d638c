import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../contracts/relationships';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s).
const SLOW = 120_000;

/** A UTC calendar day relative to now: the account's "today" while its time zone is the default, UTC. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('rapport CLI: an interaction logged with a day and no time', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    await cli.json(['add', 'Ada Lovelace']);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('keeps no time for a day alone (yesterday, -N, YYYY-MM-DD) and one for an ISO time', {
    timeout: SLOW,
  }, async () => {
    const byDay = await cli.json<Interaction>(['log', 'ada', 'met', '--date', day(-3)]);
    expect(byDay).toMatchObject({ dateOnly: true, occurredAt: `${day(-3)}T12:00:00.000Z` });
    const yesterday = await cli.json<Interaction>(['log', 'ada', 'called', '--date', 'yesterday']);
    expect(yesterday).toMatchObject({ dateOnly: true, occurredAt: `${day(-1)}T12:00:00.000Z` });
    const timed = await cli.json<Interaction>(['log', 'ada', 'emailed', '--date', `${day(-2)}T08:15`]);
    expect(timed).toMatchObject({ dateOnly: false, occurredAt: `${day(-2)}T08:15:00.000Z` });

    const logged = await cli.run(['log', 'ada', 'messaged', '--date', day(-4)]);
    expect(logged.code).toBe(0);
    expect(logged.stdout).toMatch(new RegExp(`^logged message with Ada Lovelace on ${day(-4)} \\(`));
    const table = await cli.run(['interactions', 'ada']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(day(-4));
    expect(table.stdout).not.toMatch(/\d{1,2}:\d{2}/);

    const future = await cli.run(['log', 'ada', 'met', '--date', 'tomorrow']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('is in the future');
  });
});
