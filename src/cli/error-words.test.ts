import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the failures below write nothing, so they run side by side.
const SLOW = 240_000;

/** A UTC calendar day relative to now: the account's "today" while its time zone is the default, UTC. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('rapport CLI: a bad value is reported with the flag or argument the user typed', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    await cli.json(['add', 'Ada Lovelace', '--tag', 'mentor']);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('names the flag, not the use case field, for each command', { timeout: SLOW }, async () => {
    const cases: [string[], string][] = [
      [['log', 'ada', 'met', '--date', `${day(1)}T09:00:00Z`], 'error: --date: is in the future\n'],
      [['log', 'ada', 'met', '--date', 'last tuesday'], 'error: --date: must be an ISO time'],
      [['favour', 'ada', 'gave', 'An intro', '--date', 'someday'], 'error: --date: must be YYYY-MM-DD'],
      [['favour', 'ada', 'lent', 'An intro'], 'error: <gave|received>: must be gave or received'],
      [['promise', 'ada', 'Send the deck', '--by', 'soonish'], 'error: --by: must be YYYY-MM-DD'],
      [['promise', 'ada', 'Send the deck'], 'error: --by: is required: give --by <day>'],
      [['add', 'Bea', '--email', 'not-an-email'], 'error: --email: must be an email address\n'],
      [['add', 'Bea', '--connected', '2099-01-01'], 'error: --connected: is in the future\n'],
      [['edit', 'ada', '--connected', '2099-01-01'], 'error: --connected: is in the future\n'],
      [['settings', '--phone-country', 'XYZ'], 'error: --phone-country: is not a two-letter country code'],
      [['settings', '--time-zone', 'Mars/Olympus'], 'error: --time-zone: is not a known time zone\n'],
      [
        ['purpose', 'create', 'Speakers', '--every', 'soon'],
        'error: --every: must be a whole number or none',
      ],
      [['tag', 'cadence', 'mentor', 'often'], 'error: <days>: must be a whole number of days or none'],
      [['profile', '--offer', 'x'.repeat(201)], 'error: --offer #1: must be at most 200 characters'],
    ];
    // A few at a time: a spawn each is heavy on a small machine.
    const results = [];
    for (let i = 0; i < cases.length; i += 4) {
      results.push(...(await Promise.all(cases.slice(i, i + 4).map(([args]) => cli.run(args)))));
    }
    // Each stderr as far as the expected beginning goes (the rest says what was given), all in one comparison.
    expect(
      results.map((r, i) => {
        const [args, start] = cases[i] ?? [[], ''];
        return { args: args.join(' '), code: r.code, stderr: r.stderr.slice(0, start.length) };
      }),
    ).toEqual(cases.map(([args, start]) => ({ args: args.join(' '), code: 2, stderr: start })));
    // Nothing half-written by the failures.
    expect((await cli.json<{ items: unknown[] }>(['list'])).items).toHaveLength(1);
  });

  it('keeps the field paths under --json, as the API gives them', { timeout: SLOW }, async () => {
    const future = await cli.run(['--json', 'log', 'ada', 'met', '--date', `${day(1)}T09:00:00Z`]);
    expect(future.code).toBe(2);
    expect(JSON.parse(future.stderr).error).toEqual({
      code: 'validation',
      message: 'occurredAt: is in the future',
      details: { issues: [{ path: 'occurredAt', message: 'is in the future' }] },
    });
  });
});
