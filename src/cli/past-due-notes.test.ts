import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js`; the tests share one account and run in order.
const SLOW = 120_000;
const ID = /\(([0-9a-f-]{36})\)/;

describe('a due date or deadline in the past is accepted, with a note on stderr', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    const added = await cli.run(['add', 'Ada Lovelace']);
    if (added.code !== 0) throw new Error(added.stderr);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('rapport promise … --by a past day, and promises edit --by', { timeout: SLOW }, async () => {
    const late = await cli.run(['promise', 'ada', 'Send the deck', '--by', '2020-03-01']);
    expect(late.code).toBe(0);
    expect(late.stdout).toMatch(/^recorded: /);
    expect(late.stderr).toBe('note: 2020-03-01 is in the past: the promise shows as overdue\n');

    const onTime = await cli.run(['promise', 'ada', 'Send the notes', '--by', '+7']);
    expect([onTime.code, onTime.stderr]).toEqual([0, '']);
    const id = ID.exec(onTime.stdout)?.[1] as string;
    const today = await cli.run(['promises', 'edit', id, '--by', 'today']);
    expect([today.code, today.stderr]).toEqual([0, '']);
    const moved = await cli.run(['promises', 'edit', id, '--by', '-2']);
    expect(moved.code).toBe(0);
    expect(moved.stderr).toMatch(/^note: \d{4}-\d{2}-\d{2} is in the past: the promise shows as overdue\n$/);
    // Only a new due day is noted: other changes to an overdue promise say nothing more.
    const what = await cli.run(['promises', 'edit', id, '--what', 'Send the notes and the deck']);
    expect([what.code, what.stderr]).toEqual([0, '']);
    // --json keeps stderr for errors only.
    const json = await cli.run(['promise', 'ada', 'Call back', '--by', '2020-03-02', '--json']);
    expect([json.code, json.stderr]).toEqual([0, '']);
    expect(JSON.parse(json.stdout)).toMatchObject({ dueOn: '2020-03-02' });
  });

  it('rapport purpose create / edit --deadline a past day', { timeout: SLOW }, async () => {
    const late = await cli.run(['purpose', 'create', 'Speakers for last term', '--deadline', '2021-01-15']);
    expect(late.code).toBe(0);
    expect(late.stdout).toMatch(/^created: Speakers for last term/);
    expect(late.stderr).toBe('note: 2021-01-15 is in the past: the purpose is already past its deadline\n');

    const ahead = await cli.run(['purpose', 'create', 'Speakers for next term', '--deadline', '+30']);
    expect([ahead.code, ahead.stderr]).toEqual([0, '']);
    const edited = await cli.run(['purpose', 'edit', 'next term', '--deadline', '2021-06-30']);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toMatch(/^updated: Speakers for next term/);
    expect(edited.stderr).toBe('note: 2021-06-30 is in the past: the purpose is already past its deadline\n');
    const renamed = await cli.run(['purpose', 'edit', 'next term', '--name', 'Speakers, next term']);
    expect([renamed.code, renamed.stderr]).toEqual([0, '']);
    const cleared = await cli.run(['purpose', 'edit', 'next term', '--deadline', 'none']);
    expect([cleared.code, cleared.stderr]).toEqual([0, '']);
  });
});
