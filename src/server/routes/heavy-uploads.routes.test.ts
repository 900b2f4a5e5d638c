import { request as httpRequest } from 'node:http';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { type Client, serveForTests } from '../../../test/http';

/** A restore started by hand: headers and the first bytes sent, the rest held back until `finish` or `abandon`. */
function startRestore(base: string, token: string) {
  const url = new URL('/api/v1/imports/backup', base);
  const body = '{"format":"rapport-backup","version":1,'; // 39 of the 1,000 bytes announced
  const req = httpRequest(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': 1000 },
  });
  const answered = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
  answered.catch(() => undefined); // abandoned on purpose
  req.write(body);
  return {
    /** Sends the rest (not JSON: the body is refused as such once read). */
    finish: () => {
      req.end('x'.repeat(1000 - body.length));
      return answered;
    },
    abandon: () => req.destroy(),
  };
}

/** Restores an empty body until `done` says the answer is the one waited for (at most 3 s). */
async function restoreUntil(c: Client, done: (status: number) => boolean) {
  let r = await c.post('/api/v1/imports/backup', {});
  for (const deadline = Date.now() + 3000; !done(r.status) && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    r = await c.post('/api/v1/imports/backup', {});
  }
  return r;
}

describe.each(ENGINES)('heavy uploads cannot exhaust the server [%s]', (engine) => {
  const server = serveForTests(engine);

  it('restores one backup at a time: another is refused with 503 before its body is read, until the first ends', async () => {
    const mallory = await server.tokenUser();
    const other = await server.tokenUser();
    const first = startRestore(server.base(), mallory.bearer as string);
    // Before: every restore body (up to 512 MB, parsed whole) was taken at once, from any number of accounts.
    const refused = await restoreUntil(other, (s) => s === 503);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toEqual({
      code: 'unavailable',
      message: 'the server is restoring another backup right now; send yours again in a minute',
      details: {},
    });
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await first.finish()).toBe(400);
    // The turn is free again: the empty body is judged as a backup (and refused as one).
    const after = await other.post('/api/v1/imports/backup', {});
    expect(after.status).toBe(400);
    expect(after.body.error.message).toMatch(/^backup\.format: this is not a Rapport backup/);
  });

  it('gives the turn back when a client walks away in the middle of its upload', async () => {
    const mallory = await server.tokenUser();
    const other = await server.tokenUser();
    const first = startRestore(server.base(), mallory.bearer as string);
    expect((await restoreUntil(other, (s) => s === 503)).status).toBe(503);
    first.abandon();
    expect((await restoreUntil(other, (s) => s !== 503)).status).toBe(400);
  });

  it('unzips only the copy of each LinkedIn file it reads (a zip of many copies is no bomb)', async () => {
    const u = await server.tokenUser();
    const connections =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Quill,,,,,01 Jan 2024\n';
    const entries: Record<string, Uint8Array> = { 'Connections.csv': strToU8(connections) };
    for (let i = 0; i < 20; i++) entries[`copy${i}/Connections.csv`] = strToU8(connections.repeat(50));
    const zip = zipSync(entries, { level: 9 });
    // Garbage in every copy's deflate data: unpacking any of them fails, so an import that works never touched them.
    // (Before, every copy was unpacked: a 2 MB upload of six 400 MB copies took the server to 3 GB.)
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
      const nameLength = view.getUint16(at + 26, true);
      const data = at + 30 + nameLength + view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
      if (name.startsWith('copy')) zip[data] = 0xff; // deflate block type 3: invalid
      at = data + view.getUint32(at + 18, true);
    }
    const r = await u.upload('/api/v1/imports?kind=linkedin&dryRun=true', 'export.zip', zip);
    expect(r.status).toBe(200);
    expect(r.body.stats).toMatchObject({ created: 1, errors: 0 });
  });
});
