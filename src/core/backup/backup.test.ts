import { expect, it } from 'vitest';
import { describeEngines, openTestDatabase } from '../../../test/engines';
import { expectProgress, recordProgress } from '../../../test/progress';
import { emptyPerson } from '../../formats/model';
import { createAccount } from '../accounts/create-account';
import { getSettings } from '../agenda/get-settings';
import { updateSettings } from '../agenda/update-settings';
import { closeAsk } from '../asks/close-ask';
import { listAsks } from '../asks/list-asks';
import { postAsk } from '../asks/post-ask';
import { snapshotTiers } from '../charts/snapshot-tiers';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import { actingAs, type Ctx } from '../context';
import { listMerges } from '../duplicates/list-merges';
import { mergeContacts } from '../duplicates/merge-contacts';
import { undoMerge } from '../duplicates/undo-merge';
import { listImports } from '../imports/list-imports';
import { runImport } from '../imports/run-import';
import { undoImport } from '../imports/undo-import';
import { createOrganisation } from '../organisations/create-organisation';
import { updateProfile } from '../profile/update-profile';
import { createPurpose } from '../purposes/create-purpose';
import { BACKUP_VERSION } from './backup-format';
import { BACKUP_TABLES, backupCoverage, NOT_BACKED_UP } from './backup-tables';
import { exportBackup } from './export-backup';
import { restoreBackup } from './restore-backup';

const PIXEL = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

async function fillAccount(ctx: Ctx) {
  await createOrganisation(ctx, { name: 'Empty Org', website: 'https://empty.example' });
  const a = await createContact(
    ctx,
    {
      givenName: 'Ada',
      familyName: 'Lovelace',
      organisation: 'Analytical Engines',
      title: 'Mathematician',
      emails: [{ value: 'ada@example.com', label: 'work' }],
      phones: [{ value: '+44 20 7946 0018' }],
      urls: [{ value: 'https://www.linkedin.com/in/ada-lovelace' }],
      tags: ['pioneers', 'speakers'],
      customFields: { 'Alma mater': 'Home schooled' },
      birthday: '--12-10',
      addresses: [{ label: 'home', locality: 'London' }],
      notes: 'Line one\nLine two, with "quotes"',
      connectedOn: '2024-01-02',
    },
    'web',
  );
  await updateContact(ctx, a.id, { organisation: 'Royal Society', title: 'Fellow' }, 'web');
  const b = await createContact(ctx, { displayName: 'Trashed Person', tags: ['gone'] }, 'api');
  await deleteContact(ctx, b.id);
  await runImport(ctx, {
    kind: 'vcard',
    fileName: 'phone.vcf',
    issues: [{ ref: { file: 'phone.vcf', card: 3 }, message: 'broken card', severity: 'error' }],
    people: [
      {
        ...emptyPerson({ file: 'phone.vcf', card: 1 }),
        displayName: 'Grace Hopper',
        emails: [{ value: 'grace@example.com' }],
        photo: { kind: 'inline', mime: 'image/png', data: PIXEL },
        raw: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nX-CUSTOM:kept\r\nEND:VCARD\r\n',
        sourceKey: 'uid-grace',
      },
    ],
    dryRun: false,
  });
  const tags = await listContacts(ctx, { tag: 'speakers' });
  expect(tags.items).toHaveLength(1);
  // Asks (version 2): one open for a purpose, one closed with a thank-you.
  const purpose = await createPurpose(ctx, { name: 'Find a speaker' });
  await postAsk(ctx, { title: 'A speaker on looms for March', body: 'Half an hour', purposeId: purpose.id });
  const done = await postAsk(ctx, { title: 'A printer for the notes', days: 10 });
  await closeAsk(ctx, done.id, { thanks: 'Found one, thank you' });
}

/** The backup with every id replaced by its order of first appearance, and the account fields dropped. */
function canonical(backup: Awaited<ReturnType<typeof exportBackup>>) {
  const ids = new Map<string, string>();
  const text = JSON.stringify(backup.tables).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
    (id) => {
      if (!ids.has(id)) ids.set(id, `id-${ids.size}`);
      return ids.get(id) as string;
    },
  );
  return JSON.parse(text);
}

describeEngines('backup and restore', (h) => {
  it('restores into an empty account on the same server: every table comes back, ids remapped', async () => {
    const a = await h.account();
    await fillAccount(a.ctx);
    const backup = await exportBackup(a.ctx);
    expect(backup).toMatchObject({ format: 'rapport-backup', version: BACKUP_VERSION });
    expect(backup.tables.contacts).toHaveLength(3);
    expect(backup.tables.asks).toHaveLength(2);
    expect(backup.tables.contact_photos?.[0]?.data).toBe(Buffer.from(PIXEL).toString('base64'));

    const b = await h.account();
    const result = await restoreBackup(b.ctx, JSON.parse(JSON.stringify(backup)));
    expect(result.idsKept).toBe(false);
    const again = await exportBackup(b.ctx);
    expect(canonical(again)).toEqual(canonical(backup));
    expect((await listContacts(b.ctx, { q: 'royal' })).items.map((c) => c.displayName)).toEqual([
      'Ada Lovelace',
    ]);
    expect((await listContacts(b.ctx, { q: 'grace' })).items).toHaveLength(1);
    // The original account is untouched.
    expect(canonical(await exportBackup(a.ctx))).toEqual(canonical(backup));
    // The asks came back as their owner's, for the restored purpose, the closed one with its thank-you.
    const asks = (await listAsks(b.ctx, { from: 'mine' })).items;
    expect(asks.map((x) => [x.title, x.state, x.purpose?.name ?? null, x.thanks]).sort()).toEqual([
      ['A printer for the notes', 'closed', null, 'Found one, thank you'],
      ['A speaker on looms for March', 'open', 'Find a speaker', null],
    ]);
  });

  it('restores a backup of version 1 (made before asks were backed up): the rest comes back, no asks', async () => {
    const a = await h.account();
    await fillAccount(a.ctx);
    const current = await exportBackup(a.ctx);
    // What the Rapport before version 2 wrote: the same document without the tables added since.
    const v1 = JSON.parse(JSON.stringify(current));
    v1.version = 1;
    for (const t of BACKUP_TABLES) if ((t.since ?? 1) > 1) delete v1.tables[t.name];
    expect(Object.keys(v1.tables)).not.toContain('asks');
    const b = await h.account();
    await restoreBackup(b.ctx, v1);
    const again = canonical(await exportBackup(b.ctx));
    expect(again.asks).toEqual([]);
    expect({ ...again, asks: undefined }).toEqual({ ...canonical(current), asks: undefined });
  });

  it('reports its progress in rows, per table, from 0 to every row, when asked', async () => {
    const a = await h.account();
    await fillAccount(a.ctx);
    const reading = recordProgress();
    const backup = await exportBackup(a.ctx, reading);
    expect(backup.tables).toEqual((await exportBackup(a.ctx)).tables);
    const rows = Object.values(backup.tables).map((t) => t.length);
    expectProgress(
      reading.reports,
      'reading',
      rows.reduce((n, r) => n + r, 0),
    );
    // The start, then one report per table with rows: never one per row.
    expect(reading.reports).toHaveLength(1 + rows.filter((r) => r > 0).length);

    const b = await h.account();
    const writing = recordProgress();
    const result = await restoreBackup(b.ctx, JSON.parse(JSON.stringify(backup)), writing);
    expectProgress(
      writing.reports,
      'writing',
      Object.values(result.rows).reduce((n, r) => n + r, 0),
    );
    expect(writing.reports.at(-1)?.total).toBe(reading.reports.at(-1)?.total);
    expect(writing.reports).toHaveLength(1 + rows.filter((r) => r > 0).length);
  });

  it('restores on the other engine with the very same ids', async () => {
    const a = await h.account();
    await fillAccount(a.ctx);
    const backup = await exportBackup(a.ctx);
    const other = await openTestDatabase(h.engine === 'sqlite' ? 'postgres' : 'sqlite');
    try {
      const base = { ...a.ctx, db: other.db, engine: other.engine, actor: null };
      const acc = await createAccount(base, {
        email: `restore-${Date.now()}-${Math.random()}@example.test`,
        password: 'long enough',
        name: 'R',
      });
      const ctx = actingAs(base, acc.id);
      const result = await restoreBackup(ctx, JSON.parse(JSON.stringify(backup)));
      expect(result.idsKept).toBe(true);
      const again = await exportBackup(ctx);
      expect(again.tables).toEqual(backup.tables);
      expect((await listContacts(ctx, { q: 'analytical' })).items).toEqual([]);
      expect((await listContacts(ctx, { q: 'lovel' })).items.map((c) => c.displayName)).toEqual([
        'Ada Lovelace',
      ]);
    } finally {
      await other.close();
    }
  });

  it('gives restored organisations today’s keys, so an older backup’s are found by the next import', async () => {
    const a = await h.account();
    await createOrganisation(a.ctx, { name: 'Initech, Inc.' });
    await createOrganisation(a.ctx, { name: 'Hooli' });
    const backup = JSON.parse(JSON.stringify(await exportBackup(a.ctx)));
    // As a backup made before legal forms were left out of the key (migration 0012) has them: both spellings of
    // Hooli could be stored then.
    const rows = backup.tables.organisations as { id: string; name: string; name_norm: string }[];
    const hooli = rows.find((r) => r.name === 'Hooli');
    rows.push({ ...(hooli as (typeof rows)[number]), id: a.ctx.ids.next(), name: 'Hooli Inc' });
    for (const r of rows) r.name_norm = r.name.toLowerCase();
    const b = await h.account();
    await restoreBackup(b.ctx, backup);
    const keys = (await exportBackup(b.ctx)).tables.organisations as { name: string; name_norm: string }[];
    expect(keys.map((r) => [r.name, r.name_norm]).sort()).toEqual([
      ['Hooli Inc', 'hooli inc'], // "hooli" is taken by the live Hooli
      ['Hooli', 'hooli'],
      ['Initech, Inc.', 'initech'],
    ]);
    const peter = await createContact(b.ctx, { displayName: 'Peter', organisation: 'INITECH INC' }, 'web');
    expect(peter.organisation?.name).toBe('Initech, Inc.');
  });

  it('undoes an import in a restored account, from a backup made before or after import changes kept `after`', async () => {
    const a = await h.account();
    const ada = (title: string) => ({
      ...emptyPerson({ file: 'Connections.csv', line: 2 }),
      givenName: 'Ada',
      familyName: 'Lovelace',
      title,
      sourceKey: 'https://www.linkedin.com/in/ada-lovelace',
    });
    const importAda = (title: string, fileName: string) =>
      runImport(a.ctx, { kind: 'linkedin', fileName, issues: [], people: [ada(title)], dryRun: false });
    await importAda('Analyst', 'a.csv');
    await importAda('Countess', 'b.csv');
    const full = await exportBackup(a.ctx);
    const older = JSON.parse(JSON.stringify(full));
    const changes = older.tables.import_changes as Record<string, unknown>[];
    expect(changes.filter((c) => c.after !== null)).toHaveLength(1);
    for (const c of changes) delete c.after; // as a backup made before migration 0018
    const undoInRestored = async (backup: unknown) => {
      const b = await h.account();
      await restoreBackup(b.ctx, backup);
      const [contact] = (await listContacts(b.ctx, {})).items;
      expect(contact?.title).toBe('Countess');
      await updateContact(b.ctx, contact?.id as string, { notes: 'Typed after the restore' }, 'web');
      // Ids are remapped on this server, and the snapshots name the account they were taken in.
      const newer = (await listImports(b.ctx)).items.find((i) => i.fileName === 'b.csv');
      expect(await undoImport(b.ctx, newer?.id as string)).toMatchObject({ restored: 1 });
      return getContact(b.ctx, contact?.id as string);
    };
    expect(await undoInRestored(JSON.parse(JSON.stringify(full)))).toMatchObject({
      title: 'Analyst',
      notes: 'Typed after the restore',
    });
    expect(await undoInRestored(older)).toMatchObject({ title: 'Analyst', notes: null });
    expect(canonical(await exportBackup(a.ctx))).toEqual(canonical(full)); // nothing written to the first account
  });

  it('undoes a merge in a restored account', async () => {
    const a = await h.account();
    const keep = await createContact(a.ctx, { displayName: 'Ada Lovelace', tags: ['pioneers'] }, 'web');
    const dup = await createContact(
      a.ctx,
      { displayName: 'Ada King', emails: [{ value: 'ada@king.example' }] },
      'web',
    );
    await mergeContacts(a.ctx, keep.id, dup.id);
    const full = await exportBackup(a.ctx);
    const b = await h.account();
    await restoreBackup(b.ctx, JSON.parse(JSON.stringify(full)));
    const [merge] = await listMerges(b.ctx);
    const { kept, restored } = await undoMerge(b.ctx, merge?.id as string);
    expect([kept.displayName, kept.emails.length, restored.displayName, restored.emails.length]).toEqual([
      'Ada Lovelace',
      0,
      'Ada King',
      1,
    ]);
    expect(canonical(await exportBackup(a.ctx))).toEqual(canonical(full)); // nothing written to the first account
  });

  it('refuses to restore into an account that has data, and changes nothing', async () => {
    const a = await h.account();
    await fillAccount(a.ctx);
    const backup = await exportBackup(a.ctx);
    const b = await h.account();
    await createContact(b.ctx, { displayName: 'Already here', organisation: 'Acme' }, 'web');
    await createContact(b.ctx, { displayName: 'Also here' }, 'web');
    // What is there, in the owner's words: not the first table found ("organisations") alone.
    await expect(restoreBackup(b.ctx, backup)).rejects.toMatchObject({
      code: 'conflict',
      message:
        'this account already has 2 contacts and 1 organisation: restore a backup into an empty account',
    });
    expect((await listContacts(b.ctx, {})).items.map((c) => c.displayName)).toEqual([
      'Already here',
      'Also here',
    ]);
  });

  it('restores into a new account whose owner set it up first (profile, time zone) and that the server counted daily', async () => {
    const a = await h.account();
    await fillAccount(a.ctx);
    await updateSettings(a.ctx, { timeZone: 'Europe/Paris', phoneRegion: 'GB' });
    await updateProfile(a.ctx, { headline: 'Analyst of engines' });
    await snapshotTiers(a.ctx);
    const backup = await exportBackup(a.ctx);
    expect(backup.tables.account_settings).toHaveLength(1);

    const b = await h.account();
    await updateSettings(b.ctx, { timeZone: 'Asia/Tokyo' });
    await updateProfile(b.ctx, { headline: 'New here' });
    // The daily job counts every account's tiers, the new one's too (all zero).
    await snapshotTiers(b.ctx);
    await restoreBackup(b.ctx, JSON.parse(JSON.stringify(backup)));
    // The backup's profile, settings and counts replaced the new account's: the same account again.
    expect(canonical(await exportBackup(b.ctx))).toEqual(canonical(backup));
    expect(await getSettings(b.ctx)).toMatchObject({ timeZone: 'Europe/Paris', phoneRegion: 'GB' });

    // A backup without settings (none were ever saved) leaves the new account's own.
    const c = await h.account();
    await updateSettings(c.ctx, { timeZone: 'Asia/Tokyo' });
    const bare = JSON.parse(JSON.stringify(backup));
    bare.tables.account_settings = [];
    await restoreBackup(c.ctx, bare);
    expect((await getSettings(c.ctx)).timeZone).toBe('Asia/Tokyo');
  });

  it('says what is wrong with a damaged backup', async () => {
    const a = await h.account();
    await fillAccount(a.ctx);
    const good = await exportBackup(a.ctx);
    const backup = JSON.parse(JSON.stringify(good));
    backup.tables.contacts[1].display_name = 42;
    const b = await h.account();
    await expect(restoreBackup(b.ctx, backup)).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'backup.tables.contacts.1.display_name' }] },
    });
    await expect(restoreBackup(b.ctx, { ...good, version: 99 })).rejects.toMatchObject({
      details: {
        issues: [
          {
            path: 'backup.version',
            message: `this Rapport reads backups of version ${BACKUP_VERSION} and older`,
          },
        ],
      },
    });
    const broken = JSON.parse(JSON.stringify(good));
    broken.tables.contacts[0].display_name = null;
    await expect(restoreBackup(b.ctx, broken)).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'backup.tables.contacts' }] },
    });
    expect((await listContacts(b.ctx, {})).items).toEqual([]);
  });

  it('covers every table of the live schema: backed up with its very columns, or left out with a reason', async () => {
    const tables = await h.handle().db.introspection.getTables();
    expect(tables.length).toBeGreaterThan(40);
    expect(backupCoverage(tables)).toEqual({ unlisted: [], columnsDiffer: [] });
    // Nothing listed twice, and every reason given.
    expect(BACKUP_TABLES.filter((t) => t.name in NOT_BACKED_UP).map((t) => t.name)).toEqual([]);
    for (const why of Object.values(NOT_BACKED_UP)) expect(why.length).toBeGreaterThan(10);
  });

  it('fails the guard when a migration adds a table (owned or not) or a column the backup does not list', async () => {
    const db = h.handle().db;
    // Made and read inside a transaction that is rolled back: nobody else ever sees these.
    const found = await db
      .transaction()
      .execute(async (trx) => {
        await trx.schema
          .createTable('backup_guard_widgets')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('owner_id', 'text', (c) => c.references('accounts.id'))
          .execute();
        // Reachable from the owner only through another table: no owner column of its own.
        await trx.schema
          .createTable('backup_guard_widget_parts')
          .addColumn('widget_id', 'text', (c) => c.references('backup_guard_widgets.id'))
          .execute();
        await trx.schema.alterTable('asks').addColumn('backup_guard_colour', 'text').execute();
        const coverage = backupCoverage(await trx.introspection.getTables());
        throw Object.assign(new Error('rolled back'), { coverage });
      })
      .catch((e: { coverage?: unknown }) => e.coverage);
    expect(found).toEqual({
      unlisted: ['backup_guard_widget_parts', 'backup_guard_widgets'],
      columnsDiffer: [{ table: 'asks', missing: ['backup_guard_colour'], extra: [] }],
    });
    expect(backupCoverage(await db.introspection.getTables()).unlisted).toEqual([]);
  });
});
