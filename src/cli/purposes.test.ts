import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ask } from '../contracts/asks';
import type { Purpose, PurposeBoard } from '../contracts/purposes';
import type { Relationship } from '../contracts/relationships';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js`; the tests share one account and run in order.
const SLOW = 120_000;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('rapport purpose', () => {
  let cli: Cli;
  const ok = async (args: string[]) => {
    const r = await cli.run(args);
    if (r.code !== 0) throw new Error(`rapport ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  };
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    await ok(['add', 'Ada Lovelace', '--org', 'Analytical Engines', '--title', 'Mathematician']);
    await ok(['add', 'Grace Hopper']);
    await ok(['add', 'Alan Turing']);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('creates a purpose, adds people, moves one and shows the board', { timeout: SLOW }, async () => {
    const created = await cli.run([
      'purpose',
      'create',
      'Guest speakers for MGMT 401, winter term',
      '--target',
      '2',
      '--deadline',
      '+30',
      '--every',
      '20',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^created: Guest speakers for MGMT 401, winter term \([0-9a-f-]{36}\)$/m);
    expect(created.stdout).toContain(
      'stages: identified → reached out → responded → met → helped / committed → closed',
    );
    expect(
      await ok(['purpose', 'add', 'guest speakers', 'Ada Lovelace', 'grace', '--next-step', 'Email']),
    ).toBe(
      'added Ada Lovelace to Guest speakers for MGMT 401, winter term\n' +
        'added Grace Hopper to Guest speakers for MGMT 401, winter term\n',
    );
    expect(await ok(['purpose', 'add', 'guest', 'ada'])).toBe('already on it: 1 (left where they were)\n');
    expect(await ok(['purpose', 'move', 'guest', 'ada', 'Reached Out'])).toBe('Ada Lovelace: reached out\n');
    expect(await ok(['purpose', 'next-step', 'guest', 'grace', 'Call about March', '--on', 'tomorrow'])).toBe(
      `Grace Hopper: next: Call about March by ${day(1)}\n`,
    );
    expect(await ok(['purpose', 'note', 'guest', 'ada', 'Prefers February'])).toBe(
      'Ada Lovelace: note: Prefers February\n',
    );

    const shown = await ok(['purpose', 'show', 'guest']);
    expect(shown).toContain('2 people · done 0 of 2 · deadline');
    expect(shown).toContain('keep in touch every 20 days');
    expect(shown).toMatch(
      /^identified \(1\)\n {2}Grace Hopper · 0 d · next: Call about March \(tomorrow\)$/m,
    );
    expect(shown).toMatch(
      /^reached out \[reached-out\] \(1\)\n {2}Ada Lovelace — Mathematician, Analytical Engines · 0 d · next: Email\n {4}note: Prefers February$/m,
    );
    const board = await cli.json<PurposeBoard>(['purpose', 'show', 'guest']);
    expect(board.columns.map((c) => c.items.length)).toEqual([1, 1, 0, 0, 0, 0]);

    const list = (await ok(['purpose', 'list'])).trim().split('\n');
    expect(list[0]).toMatch(/^NAME\s+PEOPLE\s+BY STAGE\s+DONE\s+DEADLINE\s+PACE\s+STALE$/);
    // Created today: nobody is expected yet.
    expect(list[1]).toMatch(
      /^Guest speakers for MGMT 401, winter term\s+2\s+1·1·0·0·0·0\s+0 of 2\s+\d{4}-\d\d-\d\d\s+on pace: 0 expected by today$/,
    );

    // The purpose's cadence reaches the relationship.
    const ada = await cli.json<Relationship>(['relationship', 'ada']);
    expect(ada.cadence).toEqual({ days: 20, source: 'purpose' });

    const history = (await ok(['purpose', 'history', 'guest', 'ada'])).trim().split('\n');
    expect(history[0]).toMatch(/^WHEN\s+FROM\s+TO\s+BY$/);
    expect(history[1]).toMatch(/\s+—\s+identified\s+cli$/);
    expect(history[2]).toMatch(/\s+identified\s+reached out\s+cli$/);
  });

  it('edits stages without losing people, and refuses to drop a stage that holds some', {
    timeout: SLOW,
  }, async () => {
    await ok([
      'purpose',
      'create',
      'Sales leads in logistics',
      '--stages',
      'lead, demo:reached-out, won:done',
    ]);
    await ok(['purpose', 'add', 'sales', 'alan', '--stage', 'demo']);
    const renamed = await ok(['purpose', 'edit', 'sales', '--rename-stage', 'demo=pitched', '--target', '3']);
    expect(renamed).toContain('stages: lead → pitched → won');
    const refused = await cli.run(['purpose', 'edit', 'sales', '--stages', 'lead, won:done']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("'pitched' holds 1 item");
    const moved = await ok([
      'purpose',
      'edit',
      'sales',
      '--stages',
      'lead, won:done',
      '--move-items',
      'pitched=won',
    ]);
    expect(moved).toContain('stages: lead → won');
    const board = await cli.json<PurposeBoard>(['purpose', 'show', 'sales']);
    expect(
      board.columns.map((c) => [c.stage.name, c.stage.role, c.items.map((i) => i.contact.displayName)]),
    ).toEqual([
      ['lead', null, []],
      ['won', 'done', ['Alan Turing']],
    ]);
    expect(board.purpose.progress).toMatchObject({ done: 1 });
    expect(board.purpose.targetCount).toBe(3);
    // A target without a deadline is never late.
    expect((await ok(['purpose', 'list'])).split('\n').find((l) => l.startsWith('Sales'))).toMatch(
      /\s+1 of 3\s+no deadline$/,
    );
  });

  it('archives, removes, and answers bad input and unknown names clearly', { timeout: SLOW }, async () => {
    const [badRole, unknownPurpose, notOn, badStage, ambiguous] = await Promise.all([
      cli.run(['purpose', 'create', 'X', '--stages', 'a, b:winning']),
      cli.run(['purpose', 'show', 'nothing like it']),
      cli.run(['purpose', 'move', 'sales', 'grace', 'won']),
      cli.run(['purpose', 'move', 'guest', 'ada', 'nowhere']),
      cli.run(['purpose', 'show', 's']),
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--stages #2 role');
    expect(unknownPurpose.code).toBe(5);
    expect(notOn.code).toBe(5);
    expect(notOn.stderr).toContain('Grace Hopper is not on "Sales leads in logistics"');
    expect(badStage.code).toBe(2);
    expect(badStage.stderr).toContain('error: <stage>: no stage "nowhere"');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('ambiguous');

    expect(await ok(['purpose', 'remove', 'guest', 'grace'])).toBe(
      'took Grace Hopper off Guest speakers for MGMT 401, winter term\n',
    );
    expect(await ok(['purpose', 'archive', 'sales'])).toBe('archived: Sales leads in logistics\n');
    const active = await cli.json<{ items: Purpose[] }>(['purpose', 'list']);
    expect(active.items.map((p) => [p.name, p.progress.total])).toEqual([
      ['Guest speakers for MGMT 401, winter term', 1],
    ]);
    const all = (await ok(['purpose', 'list', '--all'])).trim().split('\n');
    expect(all).toHaveLength(3);
    // An archived purpose has no pace.
    expect(all.find((l) => l.startsWith('Sales leads'))).toMatch(/\(archived\)\s+1\s+0·1\s+1 of 3$/);
    expect(all.find((l) => l.startsWith('Guest speakers'))).toMatch(
      /\s+0 of 2\s+\S+\s+on pace: 0 expected by today$/,
    );
    expect(await ok(['purpose', 'unarchive', 'sales'])).toBe('active again: Sales leads in logistics\n');
    expect(await ok(['purpose', 'delete', 'sales'])).toMatch(/^moved to the trash: Sales leads in logistics/);
    const trash = await cli.json<{ purposes: { id: string; name: string }[] }>(['trash']);
    expect(trash.purposes.map((p) => p.name)).toEqual(['Sales leads in logistics']);
    expect(await ok(['trash'])).toMatch(/^purposes:\n/m);
    expect(await ok(['purpose', 'restore', trash.purposes[0]?.id as string])).toBe(
      'restored: Sales leads in logistics (1 person)\n',
    );
  });

  it('records people added and moved after the fact, and posts an ask for a purpose by name', {
    timeout: SLOW,
  }, async () => {
    await ok(['purpose', 'create', 'Find a PM role in fintech']);
    // Written to 20 days ago, added today: already stale, counted from then.
    await ok(['purpose', 'add', 'fintech', 'alan', '--stage', 'reached out', '--since', '-20']);
    const early = await cli.run(['purpose', 'move', 'fintech', 'alan', 'responded', '--on', '-25']);
    expect(early.stderr).toContain("error: --on: is before they came into 'reached out'");
    await ok(['purpose', 'move', 'fintech', 'alan', 'responded', '--on', '-2']);
    const board = await cli.json<PurposeBoard>(['purpose', 'show', 'fintech']);
    const alan = board.columns.flatMap((c) => c.items).find((i) => i.contact.displayName === 'Alan Turing');
    expect(alan?.stageSince.slice(0, 10)).toBe(day(-2));
    // It took only the id: "--purpose fintech" answered "is not one of your purposes".
    const posted = await cli.json<Ask>(['ask', 'post', 'An intro at Monzo', '--purpose', 'fintech']);
    expect(posted.purpose?.name).toBe('Find a PM role in fintech');
    const unknown = await cli.run(['ask', 'post', 'Another need', '--purpose', 'nowhere']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no purpose matches "nowhere"');
  });
});
