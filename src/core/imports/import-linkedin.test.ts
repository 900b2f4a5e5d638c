import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { emptyPerson } from '../../formats/model';
import { updateSettings } from '../agenda/update-settings';
import { exportBackup } from '../backup/export-backup';
import { restoreBackup } from '../backup/restore-backup';
import { DAY_MS } from '../clock';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import type { Ctx } from '../context';
import { importCsv } from './import-csv';
import { importLinkedin } from './import-linkedin';
import { listImports } from './list-imports';
import { runImport } from './run-import';
import { undoImport } from './undo-import';

const enc = (s: string) => new TextEncoder().encode(s);
const ME = 'https://www.linkedin.com/in/me-myself';

function connections(adaTitle = 'Head of Research') {
  return [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    `Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,"Analytical Engines, Ltd","${adaTitle}",07 Feb 2024`,
    'Grace,Hopper,https://www.linkedin.com/in/grace-hopper/,grace@navy.example,US Navy,"Rear Admiral, ""Amazing Grace""",25 Nov 2026',
    ',,,,,,07 Jun 2026',
  ].join('\r\n');
}

const MESSAGES = [
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS',
  `c1,,Me Myself,${ME},Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,2026-01-05 10:00:00 UTC,,"Hi Ada, would you speak to my class?",INBOX,`,
  `c1,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Me Myself,${ME},2026-01-06 09:30:00 UTC,,<p>Gladly &amp; happily!</p>,INBOX,`,
  `c2,,Grace Hopper,https://www.linkedin.com/in/grace-hopper,Me Myself,${ME},2026-02-01 08:00:00 UTC,Compilers,Have you seen COBOL&mdash;from 1959?&nbsp;It&#8217;s &amp;lt;b&amp;gt; old,INBOX,`,
  `c3,,Me Myself,${ME},A Stranger,https://www.linkedin.com/in/stranger,2026-02-02 08:00:00 UTC,,Hello stranger,INBOX,`,
].join('\n');

const INVITATIONS = [
  'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
  `Me Myself,Alan Turing,"9/27/25, 8:41 AM","Loved your paper on computable numbers",OUTGOING,${ME},https://www.linkedin.com/in/alan-turing`,
  `Charles Babbage,Me Myself,"10/02/25, 1:15 PM",,INCOMING,https://www.linkedin.com/in/babbage,${ME}`,
].join('\n');

const PROFILE = [
  'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers',
  'Me,Myself,,,,Professor of Management,Teaching MGMT 401,Higher Education,,"Boston, MA",,[PERSONAL:https://me.example],',
].join('\n');
const POSITIONS = [
  'Company Name,Title,Description,Location,Started On,Finished On',
  'State University,Professor,,Boston,Aug 2015,',
].join('\n');

/** A synthetic fixture of the LinkedIn parsers (src/formats/linkedin/fixtures). */
const fixture = (name: string) =>
  readFileSync(new URL(`../../formats/linkedin/fixtures/${name}`, import.meta.url), 'utf8');
const OWNER_UNKNOWN = 'could not tell which side of the conversations is you, so messages were not imported';

function exportZip(files: Record<string, string>) {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, enc(v)])));
}

const fullExport = (adaTitle?: string) =>
  exportZip({
    'Connections.csv': connections(adaTitle),
    'messages.csv': MESSAGES,
    'Invitations.csv': INVITATIONS,
    'Profile.csv': PROFILE,
    'Positions.csv': POSITIONS,
    'Ad_Targeting.csv': 'ignored,file\n1,2',
  });

async function interactionsOf(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('interactions as i')
    .innerJoin('interaction_contacts as l', 'l.interaction_id', 'i.id')
    .innerJoin('contacts as c', 'c.id', 'l.contact_id')
    .select(['c.display_name', 'i.direction', 'i.kind', 'i.conversation_key', 'i.occurred_at', 'i.summary'])
    .where('i.owner_id', '=', ctx.actor?.accountId as string)
    .orderBy('i.occurred_at')
    .execute();
  return rows.map((r) => [r.display_name, r.kind, r.direction, r.conversation_key, r.occurred_at, r.summary]);
}

describeEngines('LinkedIn export import', (h) => {
  it('imports connections, messages as interactions, invitations and the profile; re-import adds nothing; undo takes it all back', async () => {
    const { ctx } = await h.account();
    const preview = await importLinkedin(ctx, {
      source: { name: 'Complete_LinkedInDataExport.zip', bytes: fullExport() },
      dryRun: true,
    });
    // As the commit will say: one message is with someone who is not a contact.
    expect(preview.stats).toMatchObject({
      created: 2,
      messages: 3,
      messagesWithoutContact: 1,
      invitations: 2,
      hiddenProfiles: 1,
    });

    const report = await importLinkedin(ctx, {
      source: { name: 'Complete_LinkedInDataExport.zip', bytes: fullExport() },
      dryRun: false,
    });
    expect(report.stats).toMatchObject({
      created: 2,
      skipped: 1,
      messages: 3,
      messagesWithoutContact: 1,
      invitations: 2,
      profile: 1,
      hiddenProfiles: 1,
    });
    expect(report.issues).toContainEqual(
      expect.objectContaining({ severity: 'skipped', file: 'Connections.csv', line: 7 }),
    );

    const ada = await getContact(ctx, (await listContacts(ctx, { q: 'ada' })).items[0]?.id as string);
    expect(ada).toMatchObject({
      organisation: { name: 'Analytical Engines, Ltd' },
      title: 'Head of Research',
      connectedOn: '2024-02-07',
      linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace',
      source: 'linkedin',
    });
    const grace = await getContact(ctx, (await listContacts(ctx, { q: 'grace' })).items[0]?.id as string);
    expect(grace).toMatchObject({
      title: 'Rear Admiral, "Amazing Grace"',
      emails: [{ value: 'grace@navy.example' }],
    });

    expect(await interactionsOf(ctx)).toEqual([
      [
        'Ada Lovelace',
        'message',
        'outbound',
        'linkedin:c1',
        '2026-01-05T10:00:00.000Z',
        'Hi Ada, would you speak to my class?',
      ],
      ['Ada Lovelace', 'message', 'inbound', 'linkedin:c1', '2026-01-06T09:30:00.000Z', 'Gladly & happily!'],
      [
        'Grace Hopper',
        'message',
        'inbound',
        'linkedin:c2',
        '2026-02-01T08:00:00.000Z',
        // Every entity decoded once: an escaped tag stays the text the sender typed.
        'Compilers\nHave you seen COBOL—from 1959? It’s &lt;b&gt; old',
      ],
    ]);
    const invites = await ctx.db
      .selectFrom('linkedin_invitations')
      .select(['direction', 'name', 'message', 'sent_on'])
      .where('owner_id', '=', ctx.actor?.accountId as string)
      .orderBy('sent_on')
      .execute();
    expect(invites).toEqual([
      {
        direction: 'outgoing',
        name: 'Alan Turing',
        message: 'Loved your paper on computable numbers',
        sent_on: '2025-09-27',
      },
      { direction: 'incoming', name: 'Charles Babbage', message: null, sent_on: '2025-10-02' },
    ]);
    const profile = await ctx.db
      .selectFrom('account_profiles')
      .selectAll()
      .where('account_id', '=', ctx.actor?.accountId as string)
      .executeTakeFirst();
    expect(profile).toMatchObject({
      headline: 'Professor of Management',
      linkedin_url: ME,
      location: 'Boston, MA',
    });
    expect(JSON.parse(profile?.positions ?? '[]')).toEqual([
      {
        organisation: 'State University',
        title: 'Professor',
        startedOn: '2015-08',
        endedOn: null,
        description: null,
      },
    ]);

    ctx.clock.advance(DAY_MS);
    // The preview counts only what committing would add: the messages and invitations are stored already.
    const previewAgain = await importLinkedin(ctx, {
      source: { name: 'export.zip', bytes: fullExport() },
      dryRun: true,
    });
    expect(previewAgain.stats).toMatchObject({ unchanged: 2, messages: 0, invitations: 0 });
    const again = await importLinkedin(ctx, {
      source: { name: 'export.zip', bytes: fullExport() },
      dryRun: false,
    });
    expect(again.stats).toMatchObject({ created: 0, updated: 0, unchanged: 2, messages: 0, invitations: 0 });
    expect(await interactionsOf(ctx)).toHaveLength(3);

    const adaBeforeNewer = await getContact(ctx, ada.id);
    const newer = await importLinkedin(ctx, {
      source: { name: 'newer.zip', bytes: fullExport('Chief Scientist') },
      dryRun: false,
    });
    expect(newer.stats).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await getContact(ctx, ada.id)).history).toContainEqual(
      expect.objectContaining({
        field: 'title',
        oldValue: 'Head of Research',
        newValue: 'Chief Scientist',
        source: 'linkedin',
      }),
    );

    ctx.clock.advance(DAY_MS);
    await undoImport(ctx, newer.id as string);
    // Untouched since the newer import: exactly as before it, time of last change included.
    expect(await getContact(ctx, ada.id)).toEqual(adaBeforeNewer);
    await undoImport(ctx, again.id as string);
    // Nobody worked with them since: both go, none to the trash.
    expect(await undoImport(ctx, report.id as string)).toMatchObject({ removed: 2, trashed: 0 });
    expect((await listContacts(ctx, {})).items).toEqual([]);
    expect(await interactionsOf(ctx)).toEqual([]);
    expect(
      await ctx.db
        .selectFrom('linkedin_invitations')
        .selectAll()
        .where('owner_id', '=', ctx.actor?.accountId as string)
        .execute(),
    ).toEqual([]);
    expect(
      await ctx.db
        .selectFrom('account_profiles')
        .selectAll()
        .where('account_id', '=', ctx.actor?.accountId as string)
        .execute(),
    ).toEqual([]);
  });

  it('undo in an account restored from a backup puts back its own profile and no other account’s', async () => {
    const a = await h.account();
    const withHeadline = (headline: string) =>
      exportZip({
        'Connections.csv': connections(),
        'Profile.csv': PROFILE.replace('Professor of Management', headline),
      });
    const headline = async (ctx: Ctx) =>
      (
        await ctx.db
          .selectFrom('account_profiles')
          .select('headline')
          .where('account_id', '=', ctx.actor?.accountId as string)
          .executeTakeFirst()
      )?.headline;
    await importLinkedin(a.ctx, {
      source: { name: 'a.zip', bytes: withHeadline('Professor') },
      dryRun: false,
    });
    await importLinkedin(a.ctx, { source: { name: 'b.zip', bytes: withHeadline('Dean') }, dryRun: false });
    const b = await h.account();
    await restoreBackup(b.ctx, JSON.parse(JSON.stringify(await exportBackup(a.ctx))));
    const newer = (await listImports(b.ctx)).items.find((i) => i.fileName === 'b.zip');
    await undoImport(b.ctx, newer?.id as string);
    expect(await headline(b.ctx)).toBe('Professor');
    expect(await headline(a.ctx)).toBe('Dean');
  });

  it('takes a single Connections.csv from before 2021 (no preamble, no URL column)', async () => {
    const { ctx } = await h.account();
    const csv =
      'First Name,Last Name,Email Address,Company,Position,Connected On\nAlan,Turing,alan@example.com,Bletchley Park,Cryptanalyst,7-Feb-22';
    const r = await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: enc(csv) },
      dryRun: false,
    });
    expect(r.stats).toMatchObject({ created: 1 });
    const alan = await getContact(ctx, (await listContacts(ctx, { q: 'alan' })).items[0]?.id as string);
    expect(alan).toMatchObject({
      connectedOn: '2022-02-07',
      emails: [{ value: 'alan@example.com' }],
      organisation: { name: 'Bletchley Park' },
    });
    const again = await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: enc(csv) },
      dryRun: false,
    });
    expect(again.stats).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('counts every hidden profile it skips, in the preview and the report, and says so once', async () => {
    const { ctx } = await h.account();
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,Navy,Rear Admiral,07 Feb 2024',
      ',,,,,,08 Feb 2024',
      ',,,,,,09 Feb 2024',
      ',,,,,,10 Feb 2024',
    ].join('\n');
    const source = { name: 'Connections.csv', bytes: enc(csv) };
    const preview = await importLinkedin(ctx, { source, dryRun: true });
    expect(preview.stats).toMatchObject({ created: 1, skipped: 3, hiddenProfiles: 3 });
    const r = await importLinkedin(ctx, { source, dryRun: false });
    expect(r.stats).toMatchObject({ created: 1, skipped: 3, hiddenProfiles: 3 });
    expect(r.issues.filter((i) => i.severity === 'skipped')).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining('3 rows with only a date') }),
    ]);
    // The one issue says how many rows it stands for, so a reader of the report can count as the stats do.
    for (const report of [preview, r]) {
      expect(report.issues).toEqual([expect.objectContaining({ severity: 'skipped', rows: 3 })]);
    }
  });

  it("imports a connection dated after the owner's today without the date, warning with file, line and field", async () => {
    const { ctx } = await h.account();
    // 11:00 UTC on 25 Nov: already 26 Nov where the owner lives (UTC+14), not yet anywhere west of UTC-11.
    ctx.clock.set('2026-11-25T11:00:00.000Z');
    await updateSettings(ctx, { timeZone: 'Pacific/Kiritimati' });
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Engines,Analyst,26 Nov 2026',
      'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,Navy,Rear Admiral,27 Nov 2026',
    ].join('\n');
    // The same file through both doors: a LinkedIn import, and a contacts CSV that turns out to be Connections.csv.
    const r = await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: enc(csv) },
      dryRun: false,
    });
    expect(r.stats).toMatchObject({ created: 2 });
    expect(r.issues).toEqual([
      {
        severity: 'warning',
        file: 'Connections.csv',
        line: 3,
        card: null,
        field: 'Connected On',
        message: '"27 Nov 2026" is in the future; the row is kept without it',
      },
    ]);
    const page = await listContacts(ctx, {});
    expect(page.items.map((c) => [c.displayName, c.connectedOn])).toEqual([
      ['Ada Lovelace', '2026-11-26'],
      ['Grace Hopper', null],
    ]);
    const other = await h.account();
    other.ctx.clock.set('2026-11-25T11:00:00.000Z');
    await updateSettings(other.ctx, { timeZone: 'Pacific/Kiritimati' });
    const viaCsv = await importCsv(other.ctx, {
      fileName: 'Connections.csv',
      source: enc(csv),
      dryRun: true,
    });
    expect(viaCsv.issues).toEqual(r.issues);
  });

  it('finds people of an export without profile URLs again in a later one that has them', async () => {
    const { ctx } = await h.account();
    const old = [
      'First Name,Last Name,Email Address,Company,Position,Connected On',
      'Priya,Raman,,Coastline Health,Nurse Practitioner,30 Jun 2022',
      'Tom,Ng,,Harbor Labs,Engineer,01 Jul 2022',
      'Tom,Ng,,Other Co,Analyst,01 Jul 2022',
    ].join('\n');
    const current = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Priya,Raman,https://www.linkedin.com/in/priya-raman,,Seaside Clinic,Nurse Practitioner,30 Jun 2022',
      'Priya,Raman,https://www.linkedin.com/in/priya-raman-2,,Coastline Health,Nurse,15 Aug 2025',
      'Tom,Ng,https://www.linkedin.com/in/tom-ng,,Harbor Labs,Engineer,01 Jul 2022',
    ].join('\n');
    const run = (csv: string) =>
      importLinkedin(ctx, { source: { name: 'Connections.csv', bytes: enc(csv) }, dryRun: false });
    expect((await run(old)).stats).toMatchObject({ created: 3 });
    // Priya, who moved on, is found by name and date connected; her namesake connected in 2025 is someone else;
    // the two Tom Ngs of that day cannot be told apart, so neither is taken.
    expect((await run(current)).stats).toMatchObject({ created: 2, updated: 1 });
    const priyas = (await listContacts(ctx, { q: 'priya' })).items;
    expect(priyas).toHaveLength(2);
    const moved = await getContact(
      ctx,
      priyas.find((p) => p.organisation?.name === 'Seaside Clinic')?.id as string,
    );
    expect([moved.connectedOn, moved.linkedinUrl, moved.pastPositions[0]?.organisation?.name]).toEqual([
      '2022-06-30',
      'https://www.linkedin.com/in/priya-raman',
      'Coastline Health',
    ]);
    expect((await run(current)).stats).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('calls people by their name when LinkedIn has their credentials in the last name, and cleans up an earlier import', async () => {
    const { ctx } = await h.account();
    const url = 'https://www.linkedin.com/in/sam-caldwell';
    // What an import before this rule stored: the credential as part of the family name.
    await runImport(ctx, {
      kind: 'linkedin',
      fileName: 'Connections.csv',
      issues: [],
      dryRun: false,
      people: [
        {
          ...emptyPerson({ file: 'Connections.csv', line: 2 }),
          givenName: 'Sam',
          familyName: 'Caldwell, MBA',
          urls: [{ value: url, label: 'LinkedIn' }],
          sourceKey: url,
        },
      ],
    });
    const csv = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nSam,"Caldwell, MBA",${url},,,,11 Apr 2024\nChidi,"Okafor, PhD, PMP",https://www.linkedin.com/in/chidi-okafor,,,,12 Apr 2024`;
    const import_ = () =>
      importLinkedin(ctx, { source: { name: 'Connections.csv', bytes: enc(csv) }, dryRun: false });
    expect((await import_()).stats).toMatchObject({ created: 1, updated: 1 });
    const people = (await listContacts(ctx, {})).items;
    expect(people.map((c) => c.displayName)).toEqual(['Chidi Okafor', 'Sam Caldwell']);
    const sam = await getContact(ctx, people[1]?.id as string);
    expect(sam).toMatchObject({ givenName: 'Sam', familyName: 'Caldwell', nameSuffix: 'MBA' });
    const chidi = await getContact(ctx, people[0]?.id as string);
    expect(chidi).toMatchObject({ familyName: 'Okafor', nameSuffix: 'PhD, PMP' });
    expect((await import_()).stats).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses a file that is not a LinkedIn export, naming it, and stores nothing', async () => {
    const { ctx } = await h.account();
    await expect(
      importLinkedin(ctx, {
        source: { name: 'broken.zip', bytes: enc('PK\u0003\u0004 not really a zip') },
        dryRun: false,
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/broken\.zip/),
    });
    await expect(
      importLinkedin(ctx, {
        source: { name: 'other.zip', bytes: exportZip({ 'Ad_Targeting.csv': 'a,b\n1,2' }) },
        dryRun: false,
      }),
    ).rejects.toMatchObject({
      code: 'validation',
    });
    expect((await listContacts(ctx, {})).items).toEqual([]);
  });

  it('imports the one conversation of an export without Profile.csv: the owner is the one who is not a connection', async () => {
    const { ctx } = await h.account();
    const bytes = exportZip({
      'Connections.csv': fixture('connections-one-conversation.csv'),
      'messages.csv': fixture('messages-one-conversation.csv'),
    });
    const source = { name: 'Basic_LinkedInDataExport_03-05-2026.zip', bytes };
    const preview = await importLinkedin(ctx, { source, dryRun: true });
    expect(preview.stats).toMatchObject({ created: 2, messages: 2, messagesWithoutContact: 0 });
    expect(preview.issues.map((i) => i.message)).not.toContain(OWNER_UNKNOWN);
    const report = await importLinkedin(ctx, { source, dryRun: false });
    expect(report.stats).toMatchObject({ created: 2, messages: 2, messagesWithoutContact: 0 });
    expect(report.issues.map((i) => i.message)).not.toContain(OWNER_UNKNOWN);
    expect(await interactionsOf(ctx)).toEqual([
      [
        'Sofia Lindqvist',
        'message',
        'outbound',
        'linkedin:2-c29maWEtYnJhbS0wMDAx==',
        '2026-03-02T09:12:00.000Z',
        'Hi Sofia, could we talk about the harbour map?',
      ],
      [
        'Sofia Lindqvist',
        'message',
        'inbound',
        'linkedin:2-c29maWEtYnJhbS0wMDAx==',
        '2026-03-02T14:40:31.000Z',
        'Of course. Thursday at ten?',
      ],
    ]);
  });

  it('tells the owner of a messages.csv uploaded alone from the connections an earlier upload brought', async () => {
    const { ctx } = await h.account();
    const messages = { name: 'messages.csv', bytes: enc(fixture('messages-one-conversation.csv')) };
    // Nothing known yet: no guess, the warning as before.
    const blind = await importLinkedin(ctx, { source: messages, dryRun: true });
    expect(blind.stats).toMatchObject({ messages: 0 });
    expect(blind.issues.map((i) => i.message)).toContain(OWNER_UNKNOWN);

    await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: enc(fixture('connections-one-conversation.csv')) },
      dryRun: false,
    });
    const preview = await importLinkedin(ctx, { source: messages, dryRun: true });
    expect(preview.stats).toMatchObject({ messages: 2, messagesWithoutContact: 0 });
    const report = await importLinkedin(ctx, { source: messages, dryRun: false });
    expect(report.stats).toMatchObject({ messages: 2, messagesWithoutContact: 0 });
    expect(report.issues.map((i) => i.message)).not.toContain(OWNER_UNKNOWN);
    expect((await interactionsOf(ctx)).map(([name, , direction]) => [name, direction])).toEqual([
      ['Sofia Lindqvist', 'outbound'],
      ['Sofia Lindqvist', 'inbound'],
    ]);
  });

  it('refuses an export whose only file to import is an unreadable Profile.csv, saying what it lacks', async () => {
    const { ctx } = await h.account();
    const lacks =
      'export.zip holds no Connections.csv, messages.csv or Invitations.csv: its Profile.csv, the only file left to import, cannot be read (line 1: no header row found: expected a row with "First Name", "Last Name" and "Headline")';
    for (const profile of ['', 'not,a,profile\n1,2,3\n']) {
      for (const dryRun of [true, false]) {
        await expect(
          importLinkedin(ctx, {
            source: {
              name: 'export.zip',
              bytes: exportZip({ 'Profile.csv': profile, 'Skills.csv': 'Name' }),
            },
            dryRun,
          }),
        ).rejects.toMatchObject({
          code: 'validation',
          message: `file: ${lacks}`,
          details: { issues: [{ path: 'file', message: lacks }] },
        });
      }
    }
    await expect(
      importLinkedin(ctx, { source: { name: 'Profile.csv', bytes: enc('') }, dryRun: true }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^file: Profile\.csv cannot be read \(line 1: no header row found/),
    });
    // Nothing that brings people, nor a profile: say so, not "no header row" nor a preview of nothing.
    await expect(
      importLinkedin(ctx, {
        source: { name: 'export.zip', bytes: exportZip({ 'Positions.csv': POSITIONS }) },
        dryRun: true,
      }),
    ).rejects.toMatchObject({
      message:
        'file: export.zip holds no Connections.csv, messages.csv or Invitations.csv: it is not a LinkedIn data export, or not all of one',
    });
    // A readable Profile.csv alone is worth importing.
    const onlyProfile = await importLinkedin(ctx, {
      source: { name: 'export.zip', bytes: exportZip({ 'Profile.csv': PROFILE }) },
      dryRun: false,
    });
    expect(onlyProfile.stats).toMatchObject({ profile: 1, errors: 0 });
  });

  it('says a file named like a zip is not one, naming it once', async () => {
    const { ctx } = await h.account();
    const said = 'notazip.zip is not a zip file (only named like one)';
    await expect(
      importLinkedin(ctx, { source: { name: 'notazip.zip', bytes: enc('hello') }, dryRun: true }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: `file: ${said}`,
      details: { issues: [{ path: 'file', message: said }] },
    });
  });
});
