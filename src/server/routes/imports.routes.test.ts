import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

const CARDS = [
  'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nEMAIL;TYPE=work:ada@example.com\r\nX-FAVOURITE-ENGINE:Analytical\r\nEND:VCARD\r\n',
  'BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:M=C3=BCller;J=C3=BCrgen;;;\r\nTEL;CELL;PREF:+49 30 1234567\r\nEND:VCARD\r\n',
  'BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nobody to call\r\nEND:VCARD\r\n',
].join('');

describe.each(ENGINES)('imports and exports over HTTP [%s]', (engine) => {
  const server = serveForTests(engine);

  it('previews, commits, reports problems (also as CSV), lists, exports and undoes a vCard import', async () => {
    const u = await server.user();
    const preview = await u.upload('/api/v1/imports?kind=vcard&dryRun=true', 'phone.vcf', CARDS);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ id: null, status: 'preview', stats: { created: 2, errors: 1 } });
    expect(preview.body.samples.created.map((s: { name: string }) => s.name)).toEqual([
      'Ada Lovelace',
      'Jürgen Müller',
    ]);
    expect(preview.body.issues).toEqual([
      {
        severity: 'error',
        file: 'phone.vcf',
        line: expect.any(Number),
        card: 3,
        field: null,
        message: expect.stringMatching(/name/),
      },
    ]);
    expect((await u.get('/api/v1/contacts')).body.items).toEqual([]);

    const done = await u.upload('/api/v1/imports?kind=vcard', 'phone.vcf', CARDS);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'committed', stats: { created: 2, errors: 1 } });
    expect(
      (await u.get('/api/v1/contacts?q=jurg')).body.items.map((c: { displayName: string }) => c.displayName),
    ).toEqual(['Jürgen Müller']);
    expect((await u.get('/api/v1/imports')).body.items.map((i: { id: string }) => i.id)).toEqual([
      done.body.id,
    ]);
    const detail = await u.get(`/api/v1/imports/${done.body.id}`);
    expect(detail.body.issues).toHaveLength(1);
    const csv = await u.get(`/api/v1/imports/${done.body.id}/issues.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(csv.body).split('\r\n')[0]).toBe('severity,file,line,card,field,message,rows');
    expect(String(csv.body)).toContain('error,phone.vcf,');

    const vcf = await u.get('/api/v1/exports/vcard');
    expect(vcf.headers.get('content-type')).toMatch(/text\/vcard/);
    expect(String(vcf.body).match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(String(vcf.body)).toContain('X-FAVOURITE-ENGINE:Analytical');
    expect(String((await u.get('/api/v1/exports/vcard?version=4.0')).body)).toContain('VERSION:4.0');

    expect((await u.post(`/api/v1/imports/${done.body.id}/undo`)).body).toEqual({
      removed: 2,
      restored: 0,
      trashed: 0,
    });
    expect((await u.get('/api/v1/contacts')).body.items).toEqual([]);
    expect((await u.post(`/api/v1/imports/${done.body.id}/undo`)).status).toBe(409);
  });

  it('imports a CSV with a column mapping after a preview that asks for one, and exports CSV', async () => {
    const u = await server.user();
    const csv = 'Name;Work mail;Company\nChen Wei;chen@acme.example;Acme\n';
    const preview = await u.upload('/api/v1/imports?kind=csv&dryRun=true', 'people.csv', csv);
    expect(preview.body.csv).toMatchObject({ needsMapping: true, headers: ['Name', 'Work mail', 'Company'] });
    const refused = await u.upload('/api/v1/imports?kind=csv', 'people.csv', csv);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.csv.needsMapping).toBe(true);
    // A mapping that names a column the file does not have is refused whole, not imported without that column.
    const typo = encodeURIComponent('Name=displayName,Mail=email');
    const missing = await u.upload(`/api/v1/imports?kind=csv&map=${typo}`, 'people.csv', csv);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      code: 'validation',
      message: expect.stringContaining(
        'the mapping names column "Mail", which is not in the file: its columns are Name, Work mail, Company',
      ),
      details: { issues: [{ path: 'file' }], fileIssues: [{ line: 1, field: 'Mail', severity: 'error' }] },
    });
    expect((await u.get('/api/v1/imports')).body.items).toEqual([]);
    const map = encodeURIComponent('Name=displayName,Work mail=email:work,Company=organisation');
    const done = await u.upload(`/api/v1/imports?kind=csv&map=${map}`, 'people.csv', csv);
    expect(done.status).toBe(201);
    expect(done.body.stats.created).toBe(1);
    const out = await u.get('/api/v1/exports/csv');
    expect(out.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(out.body)).toContain('chen@acme.example');
    expect(String(out.body)).toContain('Acme');
  });

  it('imports a LinkedIn Connections.csv upload', async () => {
    const u = await server.user();
    const file =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,https://www.linkedin.com/in/ada,,Engines,Countess,07 Feb 2024\n';
    const done = await u.upload('/api/v1/imports?kind=linkedin', 'Connections.csv', file);
    expect(done.status).toBe(201);
    expect((await u.get('/api/v1/contacts?q=ada')).body.items[0]).toMatchObject({
      displayName: 'Ada Lovelace',
      connectedOn: '2024-02-07',
    });
  });

  it('says in a report how many rows one issue stands for (hidden profiles), as the stats count them', async () => {
    const u = await server.user();
    const file =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n,,,,,,07 Feb 2024\n,,,,,,08 Feb 2024\n';
    const preview = await u.upload('/api/v1/imports?kind=linkedin&dryRun=true', 'Connections.csv', file);
    expect(preview.status).toBe(200);
    expect(preview.body.stats).toMatchObject({ skipped: 2 });
    expect(preview.body.issues).toEqual([expect.objectContaining({ severity: 'skipped', rows: 2 })]);
    // Stored with the issue: the import's page and its CSV of problems count the two rows later too.
    const done = await u.upload('/api/v1/imports?kind=linkedin', 'Connections.csv', file);
    const detail = await u.get(`/api/v1/imports/${done.body.id}`);
    expect(detail.body.issues).toEqual([expect.objectContaining({ severity: 'skipped', rows: 2 })]);
    const csv = String((await u.get(`/api/v1/imports/${done.body.id}/issues.csv`)).body).split('\r\n');
    expect(csv[0]).toBe('severity,file,line,card,field,message,rows');
    expect(csv[1]).toMatch(/^skipped,Connections\.csv,.*,2$/);
  });

  it('imports the address books of a LinkedIn export only with addressBook=true', async () => {
    const u = await server.user();
    const book =
      'FirstName,MiddleName,LastName,MaidenName,NickName,NamePrefix,NameSuffix,Title,Emails,PhoneNumbers,CreatedAt,UpdatedAt,CountryCode,RegionCode,ThirdPartyVerified,Location\nNia,,Brandt,,,,,,nia@brandt.example,,,,,,,Berlin\n';
    const preview = await u.upload('/api/v1/imports?kind=linkedin&dryRun=true', 'ImportedContacts.csv', book);
    expect(preview.body.stats).toMatchObject({ created: 0, addressBookPeople: 1 });
    const refused = await u.upload('/api/v1/imports?kind=linkedin', 'ImportedContacts.csv', book);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].path).toBe('addressBook');
    const bad = await u.upload('/api/v1/imports?kind=linkedin&addressBook=yes', 'ImportedContacts.csv', book);
    expect(bad.body.error.details.issues[0].path).toBe('querystring.addressBook');
    const done = await u.upload(
      '/api/v1/imports?kind=linkedin&addressBook=true',
      'ImportedContacts.csv',
      book,
    );
    expect(done.status).toBe(201);
    expect(done.body.stats).toMatchObject({ addressBookPeople: 1, addressBookCreated: 1 });
    expect((await u.get('/api/v1/contacts?q=nia')).body.items[0]).toMatchObject({
      displayName: 'Nia Brandt',
      connectedOn: null,
      tags: ['LinkedIn address book'],
    });
  });

  it('asks for a file and a known kind', async () => {
    const u = await server.user();
    const noFile = await u.request('POST', '/api/v1/imports?kind=vcard', 'x', {
      'content-type': 'text/plain',
    });
    // Not a multipart form: 415, as a JSON route answers a body that is not JSON, saying what to send.
    expect([noFile.status, noFile.body.error.message]).toEqual([
      415,
      'file: send the file as multipart/form-data',
    ]);
    const badKind = await u.upload('/api/v1/imports?kind=excel', 'x.xls', 'x');
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details.issues[0].path).toBe('querystring.kind');
  });

  it('backs up and restores through the API', async () => {
    const a = await server.user();
    await a.post('/api/v1/contacts', {
      displayName: 'Backed Up',
      tags: ['kept'],
      emails: [{ value: 'b@example.com' }],
    });
    const backup = await a.get('/api/v1/exports/backup');
    expect(backup.headers.get('content-disposition')).toMatch(/attachment; filename="rapport-backup-/);
    const b = await server.user();
    const restored = await b.post('/api/v1/imports/backup', backup.body);
    expect(restored.status).toBe(200);
    expect(restored.body.rows.contacts).toBe(1);
    expect(
      (await b.get('/api/v1/contacts?tag=kept')).body.items.map(
        (c: { displayName: string }) => c.displayName,
      ),
    ).toEqual(['Backed Up']);
    expect((await b.post('/api/v1/imports/backup', backup.body)).status).toBe(409);
  });
});

describe('upload limits', () => {
  const server = serveForTests('sqlite', { app: { uploadLimit: 1024 } });
  it('answer 413 for a file over the limit and store nothing', async () => {
    const u = await server.user();
    const big = CARDS.repeat(20);
    const r = await u.upload('/api/v1/imports?kind=vcard', 'big.vcf', big);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({
      code: 'too_large',
      message: 'file: the upload is larger than this server accepts (1 KB; RAPPORT_UPLOAD_LIMIT_MB sets it)',
      details: { issues: [{ path: 'file', message: 'larger than 1 KB' }], limitBytes: 1024 },
    });
    expect((await u.get('/api/v1/contacts')).body.items).toEqual([]);
    expect((await u.get('/api/v1/imports')).body.items).toEqual([]);
  });
});

describe('the OpenAPI document of the uploads', () => {
  const server = serveForTests('sqlite');

  it('draws POST /imports as a multipart/form-data upload of one required `file`, which still uploads', async () => {
    const doc = await server.anonymous().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    const upload = doc.body.paths['/api/v1/imports'].post;
    expect(upload.requestBody.required).toBe(true);
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
    const form = upload.requestBody.content['multipart/form-data'].schema;
    expect(form).toMatchObject({ type: 'object', required: ['file'] });
    expect(Object.keys(form.properties)).toEqual(['file']);
    expect(form.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    // What to import and how stays in the query string, where the route reads it.
    expect(upload.parameters.map((p: { in: string; name: string }) => `${p.in} ${p.name}`)).toEqual([
      'query kind',
      'query dryRun',
      'query map',
      'query addressBook',
    ]);
    // Documenting the form does not make Fastify validate a body that @fastify/multipart leaves empty.
    const u = await server.user();
    const preview = await u.upload('/api/v1/imports?kind=vcard&dryRun=true', 'phone.vcf', CARDS);
    expect(preview.status).toBe(200);
    expect(preview.body.stats.created).toBe(2);
  });

  it('draws the backup restore as the JSON file sent as the body, not as a form', async () => {
    const doc = await server.anonymous().get('/api/openapi.json');
    const restore = doc.body.paths['/api/v1/imports/backup'].post;
    expect(Object.keys(restore.requestBody.content)).toEqual(['application/json']);
    expect(restore.requestBody.description).toMatch(/GET \/exports\/backup/);
  });
});
