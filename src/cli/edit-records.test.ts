import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../contracts/organisations';
import type { OutreachTemplate } from '../contracts/outreach';
import type { Favour, Interaction, PromiseView } from '../contracts/relationships';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s, several on a busy machine); two accounts, set up once.
const SLOW = 240_000;
const ME = ['--account', 'me@example.test'];
const OTHER = ['--account', 'other@example.test'];
const UNKNOWN = '0193b6c2-0000-7000-8000-000000000000';

describe('rapport CLI: editing interactions, favours, promises, organisations and templates', () => {
  let cli: Cli;
  // The other account's records: editing them as me must answer as for an id that does not exist.
  const theirs = { interaction: '', favour: '', promise: '', org: '', template: '' };

  const ok = async (args: string[]) => {
    const r = await cli.run(args);
    if (r.code !== 0) throw new Error(`rapport ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r;
  };

  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    await cli.createAccount('other@example.test', 'Other');
    await ok([...ME, 'add', 'Ada Lovelace']);
    await ok([...ME, 'add', 'Grace Hopper']);
    await ok([...OTHER, 'add', 'Zoe Other', '--org', 'Their Corp']);
    theirs.interaction = (
      await cli.json<Interaction>([...OTHER, 'log', 'zoe', 'met', '--note', 'Theirs'])
    ).id;
    theirs.favour = (await cli.json<Favour>([...OTHER, 'favour', 'zoe', 'gave', 'Theirs'])).id;
    theirs.promise = (await cli.json<PromiseView>([...OTHER, 'promise', 'zoe', 'Theirs', '--by', '+7'])).id;
    theirs.org = (await cli.json<{ items: Organisation[] }>([...OTHER, 'orgs'])).items[0]?.id as string;
    theirs.template = (
      await cli.json<OutreachTemplate>([...OTHER, 'outreach', 'templates', 'add', 'Theirs', '--body', 'Hi'])
    ).id;
  }, SLOW);
  afterAll(async () => {
    await cli?.cleanup();
  });

  /** Editing `ids` (none of them mine) with `flags` fails as not found (exit 5). */
  async function notFoundFor(command: string[], ids: string[], flags: string[]) {
    const runs = await Promise.all(ids.map((id) => cli.run([...ME, ...command, 'edit', id, ...flags])));
    runs.forEach((r, i) => {
      expect(r, `${command.join(' ')} edit ${ids[i]}`).toMatchObject({ code: 5, stdout: '' });
      expect(r.stderr).toMatch(/^error: .*(not found|no \w+ matches)/);
    });
  }

  it('interactions edit: corrects kind, date, note, direction and who was there', {
    timeout: SLOW,
  }, async () => {
    const logged = await cli.json<Interaction>([...ME, 'log', 'ada', 'met', '--note', 'Cofee at the RSA']);
    const edited = await cli.run([
      ...ME,
      'interactions',
      'edit',
      logged.id,
      '--kind',
      'called',
      '--note',
      'Coffee at the RSA',
      '--direction',
      'outbound',
      '--date',
      '2026-01-05T10:00:00Z',
      '--with',
      'ada',
      '--with',
      'grace',
    ]);
    expect(edited.code).toBe(0);
    // Printed as `rapport interactions` lists it.
    expect(edited.stdout).toMatch(/^ID +DATE +KIND +WAY +WITH +NOTE$/m);
    expect(edited.stdout).toContain(logged.id);
    expect(edited.stdout).toMatch(/2026-01-05 +call +out +Ada Lovelace, Grace Hopper +Coffee at the RSA/);
    const [listed] = (await cli.json<{ items: Interaction[] }>([...ME, 'interactions', 'grace'])).items;
    expect(listed).toMatchObject({
      id: logged.id,
      kind: 'call',
      direction: 'outbound',
      summary: 'Coffee at the RSA',
      occurredAt: '2026-01-05T10:00:00.000Z',
    });
    expect(listed?.contacts.map((c) => c.displayName)).toEqual(['Ada Lovelace', 'Grace Hopper']);

    // Only what is given changes; "" clears the note.
    const cleared = await cli.json<Interaction>([...ME, 'interactions', 'edit', logged.id, '--note', '']);
    expect(cleared).toMatchObject({ kind: 'call', direction: 'outbound', summary: null });
    expect((await cli.run([...ME, 'interactions', 'edit', logged.id])).code).toBe(2);
    // A day alone, as `log --date` takes it: no time is made up.
    const day = await cli.json<Interaction>([
      ...ME,
      'interactions',
      'edit',
      logged.id,
      '--date',
      '2026-01-04',
    ]);
    expect(day).toMatchObject({ dateOnly: true });

    await notFoundFor(['interactions'], [UNKNOWN, theirs.interaction], ['--note', 'mine now']);
    const [still] = (await cli.json<{ items: Interaction[] }>([...OTHER, 'interactions'])).items;
    expect(still).toMatchObject({ id: theirs.interaction, summary: 'Theirs' });
  });

  it('favours edit: corrects what, size, direction, date and the person', { timeout: SLOW }, async () => {
    const recorded = await cli.json<Favour>([...ME, 'favour', 'ada', 'gave', 'Intro to Babage']);
    const edited = await cli.run([
      ...ME,
      'favours',
      'edit',
      recorded.id,
      '--what',
      'Intro to Babbage',
      '--size',
      'large',
      '--direction',
      'received',
      '--date',
      '2026-01-05',
      '--person',
      'grace',
    ]);
    expect(edited.code).toBe(0);
    // Printed as `rapport favours` lists it.
    expect(edited.stdout).toMatch(/^ID +DATE +PERSON +WAY +SIZE +WHAT$/m);
    expect(edited.stdout).toMatch(/2026-01-05 +Grace Hopper +I received +large +Intro to Babbage/);
    const [listed] = (await cli.json<{ items: Favour[] }>([...ME, 'favours', 'grace'])).items;
    expect(listed).toMatchObject({
      id: recorded.id,
      what: 'Intro to Babbage',
      size: 3,
      direction: 'received',
      occurredOn: '2026-01-05',
      contact: { displayName: 'Grace Hopper' },
    });
    expect((await cli.json<{ items: Favour[] }>([...ME, 'favours', 'ada'])).items).toEqual([]);
    expect((await cli.run([...ME, 'favours', 'edit', recorded.id, '--size', 'huge'])).code).toBe(2);

    await notFoundFor(['favours'], [UNKNOWN, theirs.favour], ['--what', 'mine now']);
    expect((await cli.json<{ items: Favour[] }>([...OTHER, 'favours'])).items).toMatchObject([
      { what: 'Theirs' },
    ]);
  });

  it('promises edit: corrects what, due date, whose and the person', { timeout: SLOW }, async () => {
    const made = await cli.json<PromiseView>([...ME, 'promise', 'ada', 'Send the dek', '--by', '2030-01-10']);
    const edited = await cli.run([
      ...ME,
      'promises',
      'edit',
      made.id,
      '--what',
      'Send the deck',
      '--by',
      '2030-02-01',
      '--direction',
      'theirs',
      '--person',
      'grace',
    ]);
    expect(edited.code).toBe(0);
    // Printed as `rapport promises` lists it.
    expect(edited.stdout).toMatch(/^ID +DUE +PERSON +WHOSE +STATUS +WHAT$/m);
    expect(edited.stdout).toMatch(/2030-02-01 +Grace Hopper +theirs +open +Send the deck/);
    expect((await cli.json<{ items: PromiseView[] }>([...ME, 'promises', 'grace'])).items).toMatchObject([
      { id: made.id, what: 'Send the deck', dueOn: '2030-02-01', direction: 'theirs', status: 'open' },
    ]);

    await notFoundFor(['promises'], [UNKNOWN, theirs.promise], ['--what', 'mine now']);
    expect((await cli.json<{ items: PromiseView[] }>([...OTHER, 'promises'])).items).toMatchObject([
      { what: 'Theirs' },
    ]);
  });

  it('orgs edit: renames an organisation and sets its website and notes', { timeout: SLOW }, async () => {
    await ok([...ME, 'add', 'Peter Gibbons', '--org', 'Initek']);
    const edited = await cli.run([
      ...ME,
      'orgs',
      'edit',
      'initek',
      '--name',
      'Initech',
      '--website',
      'https://initech.example',
      '--notes',
      'TPS reports',
    ]);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toMatch(/^name +Initech$/m);
    expect(edited.stdout).toMatch(/^website +https:\/\/initech\.example$/m);
    expect(edited.stdout).toMatch(/^contacts +1$/m);
    const { items } = await cli.json<{ items: Organisation[] }>([...ME, 'orgs']);
    expect(items).toMatchObject([
      { name: 'Initech', website: 'https://initech.example', notes: 'TPS reports', contactCount: 1 },
    ]);
    // By id, and "" clears.
    const cleared = await cli.json<Organisation>([
      ...ME,
      'orgs',
      'edit',
      items[0]?.id as string,
      '--notes',
      '',
    ]);
    expect(cleared).toMatchObject({ name: 'Initech', notes: null });
    // Its people are found by the new name.
    expect((await ok([...ME, 'list', '--org', 'Initech'])).stdout).toContain('Peter Gibbons');

    await notFoundFor(['orgs'], [UNKNOWN, theirs.org, 'Their Corp'], ['--name', 'Mine now']);
    expect((await cli.json<{ items: Organisation[] }>([...OTHER, 'orgs'])).items).toMatchObject([
      { name: 'Their Corp' },
    ]);
  });

  it('outreach templates edit: changes name, subject, body, follow-up and channel', {
    timeout: SLOW,
  }, async () => {
    const saved = await cli.json<OutreachTemplate>([
      ...ME,
      'outreach',
      'templates',
      'add',
      'New conection',
      '--body',
      'Hi {firstName}',
    ]);
    const edited = await cli.run([
      ...ME,
      'outreach',
      'templates',
      'edit',
      'new conection',
      '--name',
      'New connection',
      '--subject',
      'Great to connect, {firstName}',
      '--body',
      'Hello {firstName}, good to meet you.',
      '--follow-up-days',
      '10',
      '--channel',
      'linkedin',
    ]);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toMatch(/^name +New connection$/m);
    expect(edited.stdout).toMatch(/^subject +Great to connect, \{firstName\}$/m);
    expect(edited.stdout).toMatch(/^body +Hello \{firstName\}, good to meet you\.$/m);
    expect(await cli.json<OutreachTemplate[]>([...ME, 'outreach', 'templates'])).toMatchObject([
      {
        id: saved.id,
        name: 'New connection',
        subject: 'Great to connect, {firstName}',
        body: 'Hello {firstName}, good to meet you.',
        followUpDays: 10,
        channel: 'linkedin',
      },
    ]);
    // By id; none and "" clear.
    const cleared = await cli.json<OutreachTemplate>([
      ...ME,
      ...[
        'outreach',
        'templates',
        'edit',
        saved.id,
        '--subject',
        '',
        '--channel',
        'none',
        '--follow-up-days',
        'none',
      ],
    ]);
    expect(cleared).toMatchObject({
      name: 'New connection',
      subject: null,
      channel: null,
      followUpDays: null,
    });
    const unknownField = await cli.run([
      ...ME,
      'outreach',
      'templates',
      'edit',
      saved.id,
      '--body',
      'Hi {nick}',
    ]);
    expect(unknownField.code).toBe(2);

    await notFoundFor(
      ['outreach', 'templates'],
      [UNKNOWN, theirs.template, 'Theirs'],
      ['--name', 'Mine now'],
    );
    expect(await cli.json<OutreachTemplate[]>([...OTHER, 'outreach', 'templates'])).toMatchObject([
      { name: 'Theirs' },
    ]);
  });
});
