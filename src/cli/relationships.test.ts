import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  Favour,
  favourBalance,
  Interaction,
  PromiseView,
  promiseStats,
  Relationship,
  todayList,
} from '../contracts/relationships';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests share one account and run in order. Writes run
// one after another, reads side by side.
const SLOW = 120_000;

/** A UTC calendar day relative to now: the account's "today" while its time zone is the default, UTC. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type Today = z.infer<typeof todayList>;

describe('rapport CLI: interactions, relationships, favours, promises and Today', () => {
  let cli: Cli;
  let adaId: string;
  const ok = async (args: string[]) => {
    const r = await cli.run(args);
    if (r.code !== 0) throw new Error(`rapport ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  };
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    adaId = (await cli.json<{ id: string }>(['add', 'Ada Lovelace', '--tag', 'mentor'])).id;
    await ok(['add', 'Grace Hopper']);
    await ok(['add', 'Grace Kelly']);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('logs a meeting: the relationship then shows a higher score and a next due date', {
    timeout: SLOW,
  }, async () => {
    const before = await cli.json<Relationship>(['relationship', 'Ada Lovelace']);
    expect(before).toMatchObject({ contactId: adaId, score: 0, tier: 'dormant', nextDue: null });

    const logged = await cli.run([
      'log',
      'Ada Lovelace',
      'met',
      '--note',
      'Coffee at the RSA',
      '--with',
      'Grace Hopper',
    ]);
    expect(logged.code).toBe(0);
    const lines = logged.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^logged meeting with Ada Lovelace, Grace Hopper on ${day(0)} \\([0-9a-f-]{36}\\)$`),
    );
    expect(lines[1]).toMatch(
      /^Ada Lovelace: strength [\d.]+ \(active\), next due \d{4}-\d\d-\d\d \(in \d+ days\)$/,
    );
    expect(lines[2]).toMatch(/^Grace Hopper: strength [\d.]+ \(active\), next due /);

    const missed = await cli.json<Interaction>([
      'log',
      adaId,
      'called',
      '--date',
      'yesterday',
      '--out',
      '--missed',
    ]);
    expect(missed).toMatchObject({
      kind: 'call',
      direction: 'outbound',
      answered: false,
      occurredAt: `${day(-1)}T12:00:00.000Z`,
      source: 'cli',
      contacts: [{ id: adaId, displayName: 'Ada Lovelace' }],
    });

    const [after, shown, withAda, all] = await Promise.all([
      cli.json<Relationship>(['relationship', 'ada']),
      cli.run(['relationship', 'ada']),
      cli.json<{ items: Interaction[]; nextCursor: string | null }>(['interactions', 'ada']),
      cli.run(['interactions', '--limit', '1']),
    ]);
    expect(after.score).toBeGreaterThan(before.score);
    expect(after).toMatchObject({ tier: 'active', cadence: { source: 'tier' } });
    const days = after.cadence.days ?? 0;
    expect(days).toBeGreaterThan(0);
    expect(after.nextDue).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(after.lastContactAt?.slice(0, 10)).toBe(day(0));
    for (const line of [
      /^Ada Lovelace$/m,
      new RegExp(`^strength\\s+${after.score} of 100 \\(active\\)$`, 'm'),
      /^why\s+time together in person: \+[\d.]+$/m,
      /^closeness\s+0 of 5$/m,
      new RegExp(`^last contact\\s+${day(0)} \\(today\\)$`, 'm'),
      new RegExp(`^keep in touch\\s+every ${days} days \\(default for the active tier\\)$`, 'm'),
      new RegExp(`^next due\\s+${after.nextDue} \\(in ${days} days\\)$`, 'm'),
      /^favours\s+none recorded$/m,
    ]) {
      expect(shown.stdout).toMatch(line);
    }
    expect(withAda.items.map((i) => [i.kind, i.summary])).toEqual([
      ['meeting', 'Coffee at the RSA'],
      ['call', null],
    ]);
    const rows = all.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^ID\s+DATE\s+KIND\s+WAY\s+WITH\s+NOTE$/);
    expect(rows[1]).toMatch(/\s+meeting\s+both\s+Ada Lovelace, Grace Hopper\s+Coffee at the RSA$/);
    expect(rows).toHaveLength(2);
    expect(all.stderr).toContain('--all');
  });

  it('refuses a future date, an unknown kind and an ambiguous person (exit 2), an unknown one (exit 5)', {
    timeout: SLOW,
  }, async () => {
    const [future, futureJson, kind, badDate, ambiguous, missedMeeting, unknown] = await Promise.all([
      cli.run(['log', 'ada', 'met', '--date', day(1)]),
      cli.run(['--json', 'log', 'ada', 'met', '--date', `${day(1)}T09:00:00Z`]),
      cli.run(['log', 'ada', 'danced']),
      cli.run(['log', 'ada', 'met', '--date', 'last tuesday']),
      cli.run(['log', 'grace', 'called']),
      cli.run(['log', 'ada', 'met', '--missed']),
      cli.run(['relationship', 'Nobody Atall']),
    ]);
    expect(future).toMatchObject({ code: 2, stdout: '', stderr: 'error: --date: is in the future\n' });
    expect(futureJson.code).toBe(2);
    expect(JSON.parse(futureJson.stderr).error).toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'occurredAt', message: 'is in the future' }] },
    });
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('"danced" is not a kind');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/^error: --date: must be an ISO time/);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('ambiguous');
    expect(ambiguous.stderr).toMatch(/ {2}\S+ {2}Grace Hopper\n/);
    expect(ambiguous.stderr).toMatch(/ {2}\S+ {2}Grace Kelly\n/);
    expect(missedMeeting.code).toBe(2);
    expect(unknown.code).toBe(5);
    // Nothing was logged by the refusals.
    expect((await cli.json<{ items: Interaction[] }>(['interactions'])).items).toHaveLength(2);
  });

  it('sets closeness and a cadence, stops and resumes; a tag cadence applies to the tagged; recomputes', {
    timeout: SLOW,
  }, async () => {
    expect(await ok(['tag', 'cadence', 'Mentor', '30'])).toBe('mentor: keep in touch every 30 days\n');
    const tagged = await cli.json<Relationship>(['relationship', 'ada']);
    expect(tagged.cadence).toEqual({
      days: 30,
      source: 'tag',
      tag: { id: expect.any(String), name: 'mentor' },
    });
    // The interval names its tag: "from a tag" left the owner to guess which of the person's tags it was.
    expect(await ok(['relationship', 'ada'])).toMatch(
      /^keep in touch\s+every 30 days \(from tag “mentor”\)$/m,
    );
    expect(tagged.nextDue).toBe(day(30));

    const own = await cli.json<Relationship>(['relationship', 'ada', '--every', '14', '--closeness', '4']);
    expect(own).toMatchObject({ closeness: 4, cadence: { days: 14, source: 'contact' }, nextDue: day(14) });
    // Closeness 4 is a floor of 70: the inner tier, whatever the history says.
    expect(own.score).toBeGreaterThanOrEqual(70);
    const stopped = await cli.run(['relationship', 'ada', '--stop']);
    expect(stopped.stdout).toMatch(/^keep in touch\s+stopped: no reminders$/m);
    expect(stopped.stdout).toMatch(/^next due\s+—$/m);
    const resumed = await cli.json<Relationship>(['relationship', 'ada', '--resume', '--default-cadence']);
    expect(resumed.cadence).toMatchObject({ days: 30, source: 'tag', tag: { name: 'mentor' } });

    expect(await ok(['tag', 'cadence', 'mentor', 'none'])).toBe(
      "mentor: no keep-in-touch interval (each person's tier decides)\n",
    );
    const [untagged, zero, noTag, both, recompute] = await Promise.all([
      cli.json<Relationship>(['relationship', 'ada']),
      cli.run(['tag', 'cadence', 'mentor', '0']),
      cli.run(['tag', 'cadence', 'nope', '30']),
      cli.run(['relationship', 'ada', '--stop', '--resume']),
      cli.run(['recompute']),
    ]);
    expect(untagged.cadence.source).toBe('tier');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('error: <days>: ');
    expect(noTag.code).toBe(5);
    expect(both.code).toBe(2);
    expect(recompute).toMatchObject({ code: 0, stdout: 'recomputed 2 relationships from their history\n' });
  });

  it('records favours both ways; the balance lists the person I owe first', { timeout: SLOW }, async () => {
    const received = await cli.json<Favour>([
      'favour',
      'Grace Hopper',
      'received',
      'Reviewed my talk',
      '--size',
      'large',
    ]);
    expect(received).toMatchObject({ direction: 'received', size: 3, occurredOn: day(0), source: 'cli' });
    const gave = await cli.run([
      'favour',
      'ada',
      'gave',
      'Intro to Babbage',
      '--size',
      '1',
      '--date',
      'yesterday',
    ]);
    expect(gave.stdout).toMatch(
      new RegExp(`^recorded a small favour you gave Ada Lovelace: Intro to Babbage, on ${day(-1)} \\(`),
    );
    expect(gave.stdout).toContain('balance +1 (you have given more)');

    const [balance, balanceText, adas, badSize, future] = await Promise.all([
      cli.json<z.infer<typeof favourBalance>>(['favours', 'balance']),
      cli.run(['favours', 'balance']),
      cli.json<{ items: Favour[] }>(['favours', 'ada']),
      cli.run(['favour', 'ada', 'gave', 'x', '--size', 'huge']),
      cli.run(['favour', 'ada', 'gave', 'x', '--date', 'tomorrow']),
    ]);
    expect(balance).toMatchObject({ given: 1, received: 3 });
    expect(balance.people.map((p) => [p.contact.displayName, p.balance])).toEqual([
      ['Grace Hopper', -3],
      ['Ada Lovelace', 1],
    ]);
    const lines = balanceText.stdout.trim().split('\n');
    expect(lines[0]).toContain('you owe 1 person');
    expect(lines[2]).toMatch(/^PERSON\s+GIVEN\s+RECEIVED\s+BALANCE\s+STANDING$/);
    expect(lines[3]).toMatch(/^Grace Hopper\s+0\s+3\s+-3\s+you owe them$/);
    expect(lines[4]).toMatch(/^Ada Lovelace\s+1\s+0\s+\+1\s+you helped them more$/);
    expect(adas.items.map((f) => f.what)).toEqual(['Intro to Babbage']);
    expect(badSize.code).toBe(2);
    expect(future).toMatchObject({ code: 2, stderr: 'error: --date: is in the future\n' });
  });

  it('lists an overdue promise first on Today; done by rank takes it off; keeping one moves the stats', {
    timeout: SLOW,
  }, async () => {
    const late = await cli.json<PromiseView>(['promise', 'ada', 'Send the deck', '--by', day(-3)]);
    const dueToday = await cli.json<PromiseView>([
      'promise',
      'Grace Hopper',
      'Review slides',
      '--by',
      'today',
    ]);
    const theirs = await cli.run(['promise', 'Grace Kelly', 'Lend the book', '--by', '+7', '--theirs']);
    expect(late).toMatchObject({ direction: 'mine', dueOn: day(-3), status: 'open', overdue: true });
    expect(theirs.stdout).toContain(`Grace Kelly promised you: Lend the book, by ${day(7)}`);

    const [text, list, noBy, statsBefore] = await Promise.all([
      cli.run(['today']),
      cli.json<Today>(['today']),
      cli.run(['promise', 'ada', 'Something']),
      cli.json<z.infer<typeof promiseStats>>(['promises', 'stats']),
    ]);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe(`Today, ${day(0)}`);
    expect(lines[1]).toBe(
      `1. Send the deck — for Ada Lovelace · overdue: it was due 3 days ago → Mark kept: rapport promise kept ${late.id}`,
    );
    expect(lines[2]).toMatch(/^2\. Review slides — for Grace Hopper · you promised it for today → Mark kept/);
    expect(text.stdout).toContain('You owe Grace Hopper a favour');
    expect(list.date).toBe(day(0));
    expect(list.items[0]).toMatchObject({ key: `promise:${late.id}`, kind: 'promise', rank: 1 });
    for (const item of list.items) {
      expect(Object.keys(item).sort()).toEqual(
        ['action', 'contact', 'dueOn', 'key', 'kind', 'rank', 'reason', 'title'].sort(),
      );
    }
    expect(noBy).toMatchObject({ code: 2, stderr: 'error: --by: is required: give --by <day>\n' });
    expect(statsBefore).toEqual({ keptOnTime90Days: 0, keptOnTimeAllTime: 0, open: 2, overdue: 1 });

    // Done on my promise marks it kept (three days late).
    expect(await ok(['today', 'done', '1'])).toBe('kept: Send the deck — for Ada Lovelace\n');
    expect(await ok(['promise', 'kept', dueToday.id])).toBe(
      `kept: you promised Grace Hopper: Review slides, by ${day(0)}\n`,
    );
    const [after, statsAfter, statsText, kept, past, beyond, unknown] = await Promise.all([
      cli.json<Today>(['today']),
      cli.json<z.infer<typeof promiseStats>>(['promises', 'stats']),
      cli.run(['promises', 'stats']),
      cli.json<{ items: PromiseView[] }>(['promises', '--status', 'kept']),
      cli.run(['today', 'snooze', '1', '--until', 'yesterday']),
      cli.run(['today', 'done', '99']),
      cli.run(['promise', 'kept', '01a00000-0000-7000-8000-000000000000']),
    ]);
    expect(after.items.map((i) => i.key)).not.toContain(`promise:${late.id}`);
    expect(after.items.map((i) => i.key)).not.toContain(`promise:${dueToday.id}`);
    expect(after.items[0]).toMatchObject({ kind: 'favour-owed', rank: 1 });
    expect(statsAfter).toEqual({ keptOnTime90Days: 0.5, keptOnTimeAllTime: 0.5, open: 0, overdue: 0 });
    expect(statsText.stdout).toMatch(/^kept on time, all time\s+50%$/m);
    expect(kept.items.map((p) => p.id).sort()).toEqual([dueToday.id, late.id].sort());
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('until');
    expect(beyond.code).toBe(5);
    expect(unknown.code).toBe(5);
    // It was really kept on its due day, three days ago: say so, and the rate follows; never a future day.
    expect(await ok(['promise', 'kept', late.id, '--on', '-3'])).toMatch(/^kept: /);
    expect(await cli.json<z.infer<typeof promiseStats>>(['promises', 'stats'])).toMatchObject({
      keptOnTimeAllTime: 1,
    });
    expect(await cli.run(['promise', 'kept', late.id, '--on', 'tomorrow'])).toMatchObject({
      code: 2,
      stderr: 'error: --on: cannot be after today\n',
    });

    // Snoozing by rank hides the item until the day given; undo by its key brings it back.
    const owed = (await cli.json<Today>(['today'])).items.find((i) => i.kind === 'favour-owed')
      ?.key as string;
    expect(await ok(['today', 'snooze', '1', '--until', 'tomorrow'])).toBe(
      `snoozed until ${day(1)}: You owe Grace Hopper a favour\n`,
    );
    expect((await cli.json<Today>(['today'])).items.map((i) => i.kind)).not.toContain('favour-owed');
    expect(await ok(['today', 'undo', owed])).toBe(`back on the list when due: ${owed}\n`);
    expect((await cli.json<Today>(['today'])).items.map((i) => i.kind)).toContain('favour-owed');
    // Done says how to undo it.
    expect(await ok(['today', 'done', '1'])).toBe(
      `done: You owe Grace Hopper a favour (rapport today undo ${owed} brings it back)\n`,
    );
    expect(await cli.run(['today', 'undo', 'not a key'])).toMatchObject({ code: 2 });
  });

  it('shows and changes the profile and the agenda settings', { timeout: SLOW }, async () => {
    const profile = await cli.json([
      'profile',
      '--headline',
      'Data engineer',
      '--offer',
      'Kafka reviews',
      '--offer',
      'Intros in fintech',
      '--need',
      'A designer',
    ]);
    expect(profile).toEqual({
      headline: 'Data engineer',
      summary: null,
      location: null,
      offers: ['Kafka reviews', 'Intros in fintech'],
      needs: ['A designer'],
      organisation: null,
      showOffers: false,
      showNeeds: false,
    });
    const settings = await cli.json([
      'settings',
      '--today-limit',
      '3',
      '--time-zone',
      'Europe/Paris',
      '--digest',
      'on',
      '--digest-hour',
      '8',
      '--phone-country',
      'fr',
    ]);
    expect(settings).toEqual({
      todayLimit: 3,
      timeZone: 'Europe/Paris',
      digestEnabled: true,
      digestHour: 8,
      phoneRegion: 'FR',
      mailConfigured: false,
      lastDigest: null,
    });
    const [shown, cleared, badZone, badHour, badCountry] = await Promise.all([
      cli.run(['settings']),
      cli.run(['profile']),
      cli.run(['settings', '--time-zone', 'Mars/Olympus']),
      cli.run(['settings', '--digest-hour', '24']),
      cli.run(['settings', '--phone-country', 'XX']),
    ]);
    expect(shown.stdout).toBe(
      'today limit    3\ntime zone      Europe/Paris\ndigest         on\ndigest hour    08:00\nphone country  FR\n' +
        'mail           not configured (set SMTP_URL and MAIL_FROM): no digest is sent\nlast digest    none yet\n',
    );
    expect(badCountry).toMatchObject({
      code: 2,
      stderr: 'error: --phone-country: XX is not a country with phone numbers we can read\n',
    });
    expect(
      (await cli.json<{ phoneRegion: string | null }>(['settings', '--phone-country', 'none'])).phoneRegion,
    ).toBeNull();
    expect(cleared.stdout).toMatch(/^offers\s+Kafka reviews\n\s+Intros in fintech$/m);
    expect(badZone).toMatchObject({ code: 2, stderr: 'error: --time-zone: is not a known time zone\n' });
    expect(badHour.code).toBe(2);
  });

  it('lists who I have lost touch with, most overdue first', { timeout: SLOW }, async () => {
    await ok(['log', 'grace kelly', 'met', '--date', day(-200)]);
    await ok(['relationship', 'grace kelly', '--every', '30']);
    const lapsed = await cli.run(['lapsed']);
    expect(lapsed.code).toBe(0);
    const rows = lapsed.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^NAME\s+STRENGTH\s+LAST CONTACT\s+CADENCE\s+OVERDUE$/);
    // Overdue counts in the account's own days (Europe/Paris after the settings test: a day ahead of UTC late at night).
    const { timeZone } = await cli.json<{ timeZone: string }>(['settings']);
    const localToday = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
    const overdue = (Date.parse(localToday) - Date.parse(day(-200))) / 86_400_000 - 30;
    expect(rows[1]).toMatch(
      new RegExp(`^Grace Kelly\\s+[\\d.]+ \\w+\\s+${day(-200)}\\s+every 30 d\\s+${overdue} d$`),
    );
    const json = await cli.json<{ items: { contact: { displayName: string } }[] }>([
      'lapsed',
      '--limit',
      '1',
    ]);
    expect(json.items.map((i) => i.contact.displayName)).toEqual(['Grace Kelly']);
  });
});

describe('rapport today with two people of the same name', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('twins@example.test', 'Me');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('suggests commands by id for a person whose name would find the other too, by name otherwise', {
    timeout: SLOW,
  }, async () => {
    const first = await cli.json<{ id: string }>(['add', 'Ada Lovelace', '--org', 'Analytical Engines']);
    await cli.json(['add', 'Ada Lovelace', '--org', 'Royal Society']);
    await cli.json(['add', 'Grace Hopper']);
    await cli.json(['favour', first.id, 'received', 'Reviewed my paper']);
    await cli.json(['favour', 'Grace Hopper', 'received', 'Lent me a compiler']);
    const today = await cli.run(['today']);
    expect(today.code).toBe(0);
    expect(today.stdout).toContain(`rapport favour ${first.id} gave "<what>"`);
    expect(today.stdout).toContain('rapport favour "Grace Hopper" gave "<what>"');
  });
});
