import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactPage } from '../contracts/contacts';
import type { ImportReport } from '../core/imports/import-report';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests share one account and run in order.
const SLOW = 120_000;
const enc = (s: string) => new TextEncoder().encode(s);

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,grace@navy.example,US Navy,Rear Admiral,25 Nov 2026',
].join('\n');
const IMPORTED_CONTACTS = [
  'FirstName,MiddleName,LastName,MaidenName,NickName,NamePrefix,NameSuffix,Title,Emails,PhoneNumbers,CreatedAt,UpdatedAt,CountryCode,RegionCode,ThirdPartyVerified,Location',
  'Grace,,Hopper,,,,,,grace@navy.example,+1 202 555 0100,,,,,,',
  'Rosa,,Quintero,,,,,,"rosa@quintero.example; rq@work.example",,,,,,,',
].join('\n');

describe('rapport CLI: LinkedIn address books', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await mkdir(join(cli.dir, 'files'), { recursive: true });
    await writeFile(
      join(cli.dir, 'files', 'export.zip'),
      zipSync({ 'Connections.csv': enc(CONNECTIONS), 'ImportedContacts.csv': enc(IMPORTED_CONTACTS) }),
    );
    await cli.createAccount('me@example.test', 'Me');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('says how to take the address books and leaves them out; --address-book takes them, tagged; undo removes them', {
    timeout: SLOW,
  }, async () => {
    const [help, dry] = await Promise.all([
      cli.run(['import', 'linkedin', '--help']),
      cli.run(['import', 'linkedin', 'files/export.zip', '--dry-run']),
    ]);
    expect(help.stdout).toMatch(/--address-book +also import the address books you uploaded to LinkedIn/);
    expect(dry.stdout).toContain('address book people 2\n');
    expect(dry.stdout).toContain(
      'the export also holds the address books you uploaded to LinkedIn (2 people), not imported: add --address-book to import them too',
    );

    const plain = await cli.json<ImportReport>(['import', 'linkedin', 'files/export.zip']);
    expect(plain.stats).toMatchObject({ created: 1, addressBookPeople: 2 });
    expect((await cli.json<ContactPage>(['list'])).items.map((c) => c.displayName)).toEqual(['Grace Hopper']);
    await cli.run(['import', 'undo', plain.id as string]);

    const r = await cli.run(['import', 'linkedin', 'files/export.zip', '--address-book']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('created 1 · updated 0 · unchanged 0 ·');
    expect(r.stdout).toContain(
      'address book people 2 · address book created 1 · address book updated 1 · address book unchanged 0\n',
    );
    expect(r.stdout).not.toContain('add --address-book');
    const id = /as import ([0-9a-f-]{36})$/m.exec(r.stdout)?.[1];

    const tagged = await cli.json<ContactPage>(['list', '--tag', 'LinkedIn address book']);
    expect(tagged.items.map((c) => [c.displayName, c.connectedOn])).toEqual([
      ['Grace Hopper', '2026-11-25'],
      ['Rosa Quintero', null],
    ]);

    expect(await cli.json(['import', 'undo', id as string])).toMatchObject({ removed: 2 });
    expect((await cli.json<ContactPage>(['list'])).items).toEqual([]);
  });
});
