import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { Contact } from '../../contracts/contacts';
import { emptyPerson } from '../../formats/model';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import type { Ctx } from '../context';
import { importCsv } from '../imports/import-csv';
import { importVcard } from '../imports/import-vcard';
import { runImport } from '../imports/run-import';
import { exportCsv } from './export-csv';
import { exportVcards } from './export-vcards';

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const s of gen) out += s;
  return out;
}

async function everyone(ctx: Ctx): Promise<Contact[]> {
  const page = await listContacts(ctx, { limit: 200 });
  return Promise.all(page.items.map((c) => getContact(ctx, c.id)));
}

/** What must survive a round trip through a file: every field the owner sees, not ids, times or provenance. */
function visible(c: Contact) {
  const {
    id: _i,
    createdAt: _c,
    updatedAt: _u,
    source: _s,
    history: _h,
    pastPositions: _p,
    photo,
    ...rest
  } = c;
  return {
    ...rest,
    organisation: c.organisation?.name ?? null,
    emails: c.emails.map(({ value, label }) => ({ value, label })),
    phones: c.phones.map(({ value, label }) => ({ value, label })),
    urls: c.urls.map(({ value, label }) => ({ value, label })),
    photo: photo ? photo.mime : null,
  };
}

async function seed(ctx: Ctx) {
  await createContact(
    ctx,
    {
      givenName: 'Ada',
      familyName: 'Lovelace',
      additionalNames: 'Augusta',
      namePrefix: 'Countess',
      nickname: 'Ada',
      organisation: 'Analytical Engines',
      department: 'Research',
      title: 'Mathematician',
      location: 'London',
      howWeMet: 'Babbage’s salon, 1833',
      notes: 'Notes on the engine;\nwith "quotes", commas, and a backslash \\',
      emails: [{ value: 'ada@example.com', label: 'work' }, { value: 'ada@home.example' }],
      phones: [{ value: '+44 20 7946 0018', label: 'mobile' }],
      urls: [
        { value: 'https://www.linkedin.com/in/ada-lovelace' },
        { value: 'https://ada.example', label: 'blog' },
      ],
      tags: ['pioneers', 'speakers, guest'],
      customFields: { 'Alma mater': 'Home', 'Favourite number': '42' },
      birthday: '--12-10',
      addresses: [
        {
          label: 'home',
          street: '12 St James’s Square',
          locality: 'London',
          postalCode: 'SW1Y 4JH',
          country: 'UK',
        },
      ],
      dates: [{ label: 'anniversary', value: '1835-07-08' }],
      // LinkedIn's date connected, which no vCard property holds.
      connectedOn: '2024-02-07',
    },
    'web',
  );
  await createContact(ctx, { displayName: 'Grace Hopper', emails: [{ value: 'grace@navy.example' }] }, 'web');
  await createContact(ctx, { displayName: 'Only A Name' }, 'web');
  // Two people behind one office address: the file tells them apart, so they come back as two.
  const office = { value: 'info@leebakery.example' };
  await createContact(ctx, { displayName: 'Kim Lee', title: 'Owner', emails: [office] }, 'web');
  await createContact(ctx, { displayName: 'Sam Lee', title: 'Baker', emails: [office] }, 'web');
}

describeEngines('vCard export and re-import', (h) => {
  it.each(['3.0', '4.0'] as const)(
    'vCard %s: an empty account that imports my export has the same contacts',
    async (version) => {
      const a = await h.account();
      await seed(a.ctx);
      const file = await collect(exportVcards(a.ctx, version));
      expect(file.match(/BEGIN:VCARD/g)).toHaveLength(5);
      const b = await h.account();
      const report = await importVcard(b.ctx, {
        source: new TextEncoder().encode(file),
        fileName: 'export.vcf',
        dryRun: false,
      });
      expect(report.stats).toMatchObject({ created: 5, errors: 0, warnings: 0 });
      expect((await everyone(b.ctx)).map(visible)).toEqual((await everyone(a.ctx)).map(visible));
    },
  );

  it('CSV: an empty account that imports my export has the same contacts', async () => {
    const a = await h.account();
    await seed(a.ctx);
    const file = await exportCsv(a.ctx);
    const b = await h.account();
    const report = await importCsv(b.ctx, {
      source: new TextEncoder().encode(file),
      fileName: 'export.csv',
      dryRun: false,
    });
    expect(report.csv?.format).toBe('google');
    expect(report.stats).toMatchObject({ created: 5, errors: 0, warnings: 0 });
    expect((await everyone(b.ctx)).map(visible)).toEqual((await everyone(a.ctx)).map(visible));
    const again = await importCsv(b.ctx, {
      source: new TextEncoder().encode(file),
      fileName: 'export.csv',
      dryRun: false,
    });
    expect(again.stats).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
  });

  it('CSV: the photo address a Google CSV brought comes back from my CSV export, and a re-import changes nothing', async () => {
    // Google's CSV carries each photo as an address (FORMATS.md §2.1); the CSV export used to leave it out.
    const google = readFileSync(new URL('../../formats/csv/fixtures/google-photo-url.csv', import.meta.url));
    const a = await h.account();
    await importCsv(a.ctx, { source: new Uint8Array(google), fileName: 'google.csv', dryRun: false });
    const file = await exportCsv(a.ctx);
    expect(file).toContain('https://lh3.googleusercontent.com/contacts/AmElIe-Photo-1');
    const b = await h.account();
    const report = await importCsv(b.ctx, {
      source: new TextEncoder().encode(file),
      fileName: 'export.csv',
      dryRun: false,
    });
    expect(report.stats).toMatchObject({ created: 2, errors: 0, warnings: 0 });
    const photoUrls = async (ctx: Ctx) => (await everyone(ctx)).map((c) => c.photo?.url ?? null);
    expect(await photoUrls(b.ctx)).toEqual([
      'https://lh3.googleusercontent.com/contacts/AmElIe-Photo-1',
      null,
    ]);
    expect((await everyone(b.ctx)).map(visible)).toEqual((await everyone(a.ctx)).map(visible));
    const again = await importCsv(a.ctx, {
      source: new TextEncoder().encode(file),
      fileName: 'export.csv',
      dryRun: false,
    });
    expect(again.stats).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it.each(['csv', 'vcard'] as const)(
    '%s: a custom field named like a field Rapport exports as one keeps its value',
    async (format) => {
      // Location and how-we-met go out as custom fields of those names; a custom field of the same name was
      // overwritten by them, and one named like the CSV's id column was taken for it.
      const a = await h.account();
      await createContact(
        a.ctx,
        {
          displayName: 'Lou Collide',
          emails: [{ value: 'lou@collide.example' }],
          location: 'Paris',
          howWeMet: 'At a bar',
          customFields: { location: 'Desk 4B', 'How we met': 'Through Kim', 'Rapport ID': 'A-17' },
        },
        'web',
      );
      const file = format === 'csv' ? await exportCsv(a.ctx) : await collect(exportVcards(a.ctx));
      const b = await h.account();
      const source = new TextEncoder().encode(file);
      const report =
        format === 'csv'
          ? await importCsv(b.ctx, { source, fileName: 'export.csv', dryRun: false })
          : await importVcard(b.ctx, { source, fileName: 'export.vcf', dryRun: false });
      expect(report.stats).toMatchObject({ created: 1, errors: 0, warnings: 0 });
      const [lou] = await everyone(b.ctx);
      expect(lou).toMatchObject({
        location: 'Paris',
        howWeMet: 'At a bar',
        customFields: {
          'location (2)': 'Desk 4B',
          'How we met (2)': 'Through Kim',
          'Rapport ID (2)': 'A-17',
        },
      });
    },
  );

  it('re-importing my own export changes nothing and duplicates no one', async () => {
    const a = await h.account();
    await seed(a.ctx);
    const before = await everyone(a.ctx);
    const file = await collect(exportVcards(a.ctx));
    const report = await importVcard(a.ctx, {
      source: new TextEncoder().encode(file),
      fileName: 'export.vcf',
      dryRun: false,
    });
    expect(report.stats).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect((await everyone(a.ctx)).map(visible)).toEqual(before.map(visible));
  });
});

describeEngines('vCard export of an imported card', (h) => {
  it('writes custom fields as the owner left them, and the card lines Rapport never showed as they were', async () => {
    const { ctx } = await h.account();
    const extras = Array.from({ length: 201 }, (_, i) => `X-F${i + 1}:value ${i + 1}`);
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Tom Becker',
      'IMPP;X-SERVICE-TYPE=Skype;type=pref:skype:tom.becker',
      'item2.X-ABRELATEDNAMES:Anna Becker',
      'item2.X-ABLabel:_$!<Sister>!$_',
      ...extras,
      'END:VCARD',
      '',
    ].join('\r\n');
    await importVcard(ctx, { source: new TextEncoder().encode(card), fileName: 'tom.vcf', dryRun: false });
    const [tom] = await everyone(ctx);
    const fields = tom?.customFields ?? {};
    // Past the limit of 200 custom fields: never shown, still exported.
    expect(Object.keys(fields)).toHaveLength(200);
    expect(fields['X-F199']).toBeUndefined();

    const { IMPP: _i, 'X-ABRELATEDNAMES': _r, 'X-F1': _f, ...rest } = fields;
    await updateContact(ctx, tom?.id as string, { customFields: { ...rest, 'X-F1': 'changed' } }, 'web');
    const file = await collect(exportVcards(ctx));
    expect(file).not.toMatch(/IMPP|ABRELATEDNAMES|ABLABEL/i);
    expect(file.match(/X-F1:.*/g)).toEqual(['X-F1:changed']);
    expect(file).toContain('\r\nX-F199:value 199\r\n');
    expect(file.match(/\r\nX-F\d+:/g)).toHaveLength(201);
  });
});

describeEngines('exports of a rolodex larger than one page', (h) => {
  it('write every live contact once, in name order, across pages (ties on the name included)', async () => {
    const { ctx } = await h.account();
    // 1,040 people over three pages of 500; every second name is shared by two people.
    const people = Array.from({ length: 1040 }, (_, i) => ({
      ...emptyPerson({ file: 'many.csv', line: i + 2 }),
      displayName: `Person ${String(Math.floor(i / 2)).padStart(4, '0')}`,
      emails: [{ value: `p${i}@example.test` }],
    }));
    await runImport(ctx, { kind: 'csv', fileName: 'many.csv', people, issues: [], dryRun: false });
    const names = [...(await collect(exportVcards(ctx))).matchAll(/^FN:(.*)\r$/gm)].map((m) => m[1]);
    expect(names).toHaveLength(1040);
    expect(names).toEqual([...names].sort());
    const emails = new Set(
      [...(await collect(exportVcards(ctx))).matchAll(/^EMAIL[^:]*:(.*)\r$/gm)].map((m) => m[1]),
    );
    expect(emails.size).toBe(1040);
  });
});
