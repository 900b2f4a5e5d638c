import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyLinkedinFileName, readLinkedinExport } from './read-linkedin-export';

const CONNECTIONS =
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Quill,,,,,01 Jan 2024\n';
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('classifyLinkedinFileName', () => {
  it('matches names case-insensitively, ignoring spaces, underscores and dashes', () => {
    expect(classifyLinkedinFileName('Connections.csv')).toBe('connections');
    expect(classifyLinkedinFileName('export/MESSAGES.CSV')).toBe('messages');
    expect(classifyLinkedinFileName('Email_Addresses.csv')).toBe('emailAddresses');
    expect(classifyLinkedinFileName('Email Addresses.csv')).toBe('emailAddresses');
    expect(classifyLinkedinFileName('email-addresses.csv')).toBe('emailAddresses');
    expect(classifyLinkedinFileName('coach_messages.csv')).toBeUndefined();
    expect(classifyLinkedinFileName('Connections.txt')).toBeUndefined();
    expect(classifyLinkedinFileName('__MACOSX/._Connections.csv')).toBeUndefined();
  });

  it('knows both names of the uploaded address books, and tells them from the owner’s own PhoneNumbers.csv', () => {
    expect(classifyLinkedinFileName('ImportedContacts.csv')).toBe('importedContacts');
    expect(classifyLinkedinFileName('Imported_Contacts.csv')).toBe('importedContacts');
    expect(classifyLinkedinFileName('imported contacts.CSV')).toBe('importedContacts');
    expect(classifyLinkedinFileName('Contacts.csv')).toBe('contacts');
    expect(classifyLinkedinFileName('PhoneNumbers.csv')).toBeUndefined();
  });
});

describe('readLinkedinExport', () => {
  it('finds the files it reads in a zip whatever the zip is called, ignoring the rest', async () => {
    const zip = zipSync({
      'Connections.csv': strToU8(CONNECTIONS),
      'messages.csv': strToU8('CONVERSATION ID,FROM,DATE,CONTENT\n'),
      'Email_Addresses.csv': strToU8('Email Address,Confirmed,Primary,Updated On\n'),
      'Ads Clicked.csv': strToU8('x'),
      'coach_messages.csv': strToU8('x'),
      'Rich_Media/': new Uint8Array(),
      'Positions.csv': strToU8('Company Name,Title,Description,Location,Started On,Finished On\n'),
    });
    const result = await readLinkedinExport({ name: 'whatever name.bin', bytes: zip });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.files).sort()).toEqual([
      'connections',
      'emailAddresses',
      'messages',
      'positions',
    ]);
    expect(text(result.files.connections?.bytes)).toBe(CONNECTIONS);
    expect(result.files.emailAddresses?.name).toBe('Email_Addresses.csv');
  });

  it('prefers the shallowest copy when the zip nests a folder', async () => {
    const zip = zipSync({
      'Basic_LinkedInDataExport_11-25-2026/Connections.csv': strToU8('nested'),
      'Connections.csv': strToU8(CONNECTIONS),
    });
    const result = await readLinkedinExport({ name: 'Basic_LinkedInDataExport_11-25-2026.zip', bytes: zip });
    expect(result).toMatchObject({
      ok: true,
      duplicates: ['Basic_LinkedInDataExport_11-25-2026/Connections.csv'],
    });
    if (result.ok) expect(text(result.files.connections?.bytes)).toBe(CONNECTIONS);
  });

  it('inflates only the copy of each file it reads: the other copies are never unpacked (zip bombs)', async () => {
    // Fifty deeper copies whose deflate data is garbage: inflating any of them would fail, so an answer that works
    // proves they were skipped. (Before, each was inflated in full: a 2 MB upload of six 400 MB copies took 3 GB.)
    const entries: Record<string, Uint8Array> = { 'Connections.csv': strToU8(CONNECTIONS) };
    for (let i = 0; i < 50; i++) entries[`copy${i}/Connections.csv`] = strToU8(CONNECTIONS.repeat(20));
    const zip = zipSync(entries, { level: 9 });
    for (const [name, at] of localEntries(zip)) if (name.startsWith('copy')) zip[at] = 0xff; // block type 3: invalid
    const result = await readLinkedinExport({ name: 'export.zip', bytes: zip });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(text(result.files.connections?.bytes)).toBe(CONNECTIONS);
    expect(result.duplicates).toHaveLength(50);
  });

  it('refuses an export whose files it reads would together unzip to more than the limit', async () => {
    const zip = zipSync({
      'Connections.csv': strToU8(CONNECTIONS.repeat(40)),
      'messages.csv': strToU8(`CONVERSATION ID,FROM,DATE,CONTENT\n${'x'.repeat(3000)}\n`),
      // Not read, so not counted.
      'Ads Clicked.csv': strToU8('x'.repeat(100_000)),
    });
    const limits = { maxEntryBytes: 4000, maxTotalBytes: 5000 };
    expect(await readLinkedinExport({ name: 'export.zip', bytes: zip }, limits)).toMatchObject({
      ok: false,
      error: {
        file: 'export.zip',
        message: expect.stringMatching(/^export\.zip holds more than .* once unzipped$/),
      },
    });
    expect(
      await readLinkedinExport({ name: 'export.zip', bytes: zip }, { ...limits, maxTotalBytes: 8000 }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await readLinkedinExport({ name: 'export.zip', bytes: zip }, { ...limits, maxEntryBytes: 3000 }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^export\.zip holds Connections\.csv, larger than/) },
    });
  });

  it('returns a clear error value for a broken zip, naming the file', async () => {
    const zip = zipSync({ 'Connections.csv': strToU8(CONNECTIONS) });
    const result = await readLinkedinExport({ name: 'export.zip', bytes: zip.subarray(0, 40) });
    expect(result).toEqual({
      ok: false,
      error: {
        file: 'export.zip',
        message: 'export.zip is not a zip file (it is damaged or incomplete: invalid zip data)',
      },
    });
  });

  it('says plainly that a file named like a zip is not one, naming it once', async () => {
    const result = await readLinkedinExport({ name: 'notazip.zip', bytes: strToU8('just some text\n') });
    expect(result).toEqual({
      ok: false,
      error: { file: 'notazip.zip', message: 'notazip.zip is not a zip file (only named like one)' },
    });
  });

  it('says so when a zip holds nothing it reads', async () => {
    const result = await readLinkedinExport({ name: 'x.zip', bytes: zipSync({ 'Ads.csv': strToU8('x') }) });
    expect(result).toEqual({
      ok: false,
      error: {
        file: 'x.zip',
        message:
          'x.zip holds no Connections.csv, messages.csv or Invitations.csv: it is not a LinkedIn data export, or not all of one',
      },
    });
  });

  it('accepts a single CSV by its name, or by its header when the name says nothing', async () => {
    const bytes = strToU8(CONNECTIONS);
    expect(await readLinkedinExport({ name: 'Connections.csv', bytes })).toMatchObject({
      ok: true,
      files: { connections: { name: 'Connections.csv' } },
    });
    expect(await readLinkedinExport({ name: 'download (3).csv', bytes })).toMatchObject({
      ok: true,
      files: { connections: { name: 'download (3).csv' } },
    });
    expect(await readLinkedinExport({ name: 'notes.csv', bytes: strToU8('a,b\n') })).toMatchObject({
      ok: false,
    });
  });

  it('finds the address books in a zip and in a folder, under either name', async () => {
    const book = 'FirstName,LastName,Emails,PhoneNumbers\nNia,Brandt,nia@brandt.example,\n';
    const zip = zipSync({ 'Connections.csv': strToU8(CONNECTIONS), 'Imported_Contacts.csv': strToU8(book) });
    expect(await readLinkedinExport({ name: 'export.zip', bytes: zip })).toMatchObject({
      ok: true,
      files: { connections: {}, importedContacts: { name: 'Imported_Contacts.csv' } },
    });
    const dir = mkdtempSync(join(tmpdir(), 'rapport-li-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'contacts.csv'), `Source,FirstName,LastName,Companies,Emails,PhoneNumbers\n`);
    const result = await readLinkedinExport({ path: dir });
    expect(result).toMatchObject({ ok: true, files: { contacts: { name: 'contacts.csv' } } });
    // A single address book whose name says nothing is known by its header.
    expect(await readLinkedinExport({ name: 'upload.csv', bytes: strToU8(book) })).toMatchObject({
      ok: true,
      files: { importedContacts: { name: 'upload.csv' } },
    });
  });

  it('reads an unzipped folder (and one nested folder) from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-li-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'export'));
    writeFileSync(join(dir, 'export', 'Connections.csv'), CONNECTIONS);
    writeFileSync(join(dir, 'Invitations.csv'), 'From,To,Sent At,Message,Direction\n');
    writeFileSync(join(dir, 'Skills.csv'), 'Name\n');
    const result = await readLinkedinExport({ path: dir });
    expect(result).toMatchObject({
      ok: true,
      files: { connections: { name: 'export/Connections.csv' }, invitations: { name: 'Invitations.csv' } },
    });
    expect(await readLinkedinExport({ path: join(dir, 'missing.zip') })).toMatchObject({
      ok: false,
      error: { file: join(dir, 'missing.zip') },
    });
  });

  it('never throws on arbitrary bytes, zip-looking or not', async () => {
    const zip = zipSync({ 'Connections.csv': strToU8(CONNECTIONS), 'messages.csv': strToU8('x') });
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.nat(zip.length),
        fc.boolean(),
        async (noise, cut, asZip) => {
          const bytes = asZip ? new Uint8Array([...zip.subarray(0, cut), ...noise]) : noise;
          const result = await readLinkedinExport({ name: 'x.zip', bytes });
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Each entry of a zip by name, with where its (compressed) data starts, read from the local file headers. */
function localEntries(zip: Uint8Array): [string, number][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found: [string, number][] = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const data = at + 30 + nameLength + extraLength;
    found.push([text(zip.subarray(at + 30, at + 30 + nameLength)), data]);
    at = data + size;
  }
  return found;
}
