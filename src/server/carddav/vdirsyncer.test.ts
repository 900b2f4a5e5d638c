import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveForTests } from '../../../test/http';

// Debian's vdirsyncer, a real CardDAV client (apt-get install vdirsyncer; CI installs it in .ci/run). On a machine
// without it the suite is skipped, except under CI=true, where a missing client must fail the build.
const VDIRSYNCER = '/usr/bin/vdirsyncer';
const present = existsSync(VDIRSYNCER);
const SLOW = 60_000;

describe.skipIf(!present && process.env.CI !== 'true')('vdirsyncer syncs with the address book', () => {
  const server = serveForTests('sqlite');
  const dir = mkdtempSync(join(tmpdir(), 'rapport-vdirsyncer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const local = join(dir, 'local', 'contacts');

  // Asynchronous: the server answering it runs in this process.
  function vdirsyncer(...args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(VDIRSYNCER, ['-c', join(dir, 'config'), ...args], {
        env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
        timeout: SLOW,
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      child.stdin.end('y\n'.repeat(5)); // "create the local collection?"
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`vdirsyncer ${args.join(' ')} exited ${code}:\n${out}`)),
      );
    });
  }
  const files = () => readdirSync(local).sort();
  const read = (name: string) => readFileSync(join(local, name), 'utf8');

  it('downloads the rolodex, uploads new, changed and removed cards, and then has nothing left to do', {
    timeout: SLOW,
  }, async () => {
    const user = await server.user('Mary Jackson');
    const token = (await user.post('/api/v1/tokens', { name: 'vdirsyncer' })).body.token as string;
    const ada = (
      await user.post('/api/v1/contacts', {
        displayName: 'Ada Lovelace',
        emails: [{ value: 'ada@example.org' }],
      })
    ).body;
    const grace = (
      await user.post('/api/v1/contacts', {
        displayName: 'Grace Hopper',
        phones: [{ value: '+44 20 7946 0000' }],
      })
    ).body;
    writeFileSync(
      join(dir, 'config'),
      [
        '[general]',
        `status_path = "${join(dir, 'status')}/"`,
        '[pair contacts]',
        'a = "local"',
        'b = "remote"',
        'collections = ["from b"]',
        'conflict_resolution = "b wins"',
        '[storage local]',
        'type = "filesystem"',
        `path = "${join(dir, 'local')}/"`,
        'fileext = ".vcf"',
        '[storage remote]',
        'type = "carddav"',
        // The server's root: discovery goes through /.well-known/carddav and the principal.
        `url = "${server.base()}/"`,
        `username = "${user.email}"`,
        `password = "${token}"`,
        '',
      ].join('\n'),
    );
    expect(await vdirsyncer('discover')).toContain('"contacts" ("Rapport")');
    await vdirsyncer('sync');
    expect(files()).toEqual([`${ada.id}.vcf`, `${grace.id}.vcf`].sort());
    expect(read(`${ada.id}.vcf`)).toContain('EMAIL;TYPE=internet:ada@example.org');

    // On the "phone": a new card, an edit and a removal.
    writeFileSync(
      join(local, 'phone-1.vcf'),
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1\r\nFN:Katherine Johnson\r\nN:Johnson;Katherine;;;\r\nEMAIL:kj@nasa.example\r\nX-PHONE-ONLY:keep me\r\nEND:VCARD\r\n',
    );
    writeFileSync(
      join(local, `${ada.id}.vcf`),
      read(`${ada.id}.vcf`).replace('FN:Ada Lovelace', 'FN:Ada Lovelace\r\nTITLE:Countess'),
    );
    unlinkSync(join(local, `${grace.id}.vcf`));
    const up = await vdirsyncer('sync');
    expect(up).toMatch(/Copying \(uploading\) item phone-1 to remote/);
    expect(up).toMatch(/Copying \(updating\) item \S+ to remote/);
    expect(up).toMatch(/Deleting item \S+ from remote/);

    const names = (await user.get('/api/v1/contacts')).body.items.map(
      (c: { displayName: string }) => c.displayName,
    );
    expect(names).toEqual(['Ada Lovelace', 'Katherine Johnson']);
    expect((await user.get(`/api/v1/contacts/${ada.id}`)).body.title).toBe('Countess');
    expect((await user.get('/api/v1/trash')).body.contacts.map((c: { id: string }) => c.id)).toEqual([
      grace.id,
    ]);

    // A change in Rapport comes down; after that both sides agree and a sync copies nothing.
    await user.patch(`/api/v1/contacts/${ada.id}`, { notes: 'Wrote the first program' });
    expect(await vdirsyncer('sync')).toMatch(/Copying \(updating\) item \S+ to local/);
    expect(read(`${ada.id}.vcf`)).toContain('NOTE:Wrote the first program');
    expect(read('phone-1.vcf')).toContain('X-PHONE-ONLY:keep me');
    const quiet = await vdirsyncer('sync');
    expect(quiet).not.toMatch(/Copying|Deleting/);
  });
});
