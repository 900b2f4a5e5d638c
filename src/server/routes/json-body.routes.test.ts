import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { type Client, serveForTests } from '../../../test/http';

const MISSING_ID = '01900000-0000-7000-8000-000000000000';

/** Sends `body` exactly as given: a string with its Content-Type (if any), bytes with none unless one is named. */
async function send(
  base: string,
  who: Client,
  method: string,
  path: string,
  body: string | Uint8Array<ArrayBuffer> | undefined,
  contentType?: string,
) {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  if (who.bearer) headers.authorization = `Bearer ${who.bearer}`;
  if (who.cookies.size > 0) headers.cookie = [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (who.csrf) headers['x-csrf-token'] = who.csrf;
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe.each(ENGINES)('a JSON route sent a body that is not JSON [%s]', (engine) => {
  const server = serveForTests(engine);

  it('answers 415 naming what came and what to send, and stores nothing', async () => {
    const u = await server.tokenUser();
    const base = server.base();
    const contact = (await u.post('/api/v1/contacts', { displayName: 'Ada' })).body.id as string;
    const json = JSON.stringify({ kind: 'meeting', contactIds: [contact], summary: 'Coffee' });
    const sent = (
      method: string,
      path: string,
      body: string | Uint8Array<ArrayBuffer> | undefined,
      type?: string,
    ) => send(base, u, method, path, body, type);

    const plain = await sent('POST', '/api/v1/interactions', json, 'text/plain');
    expect(plain).toEqual({
      status: 415,
      body: {
        error: {
          code: 'validation',
          message: 'body: send JSON with Content-Type: application/json, not text/plain',
          details: {
            issues: [
              { path: 'body', message: 'send JSON with Content-Type: application/json, not text/plain' },
            ],
            contentType: 'text/plain',
          },
        },
      },
    });
    // curl -d without -H sends a form; fetch sends a string as text/plain;charset=UTF-8.
    const form = await sent(
      'POST',
      '/api/v1/interactions',
      'kind=meeting',
      'application/x-www-form-urlencoded',
    );
    expect(form.status).toBe(415);
    expect(form.body.error.details.contentType).toBe('application/x-www-form-urlencoded');
    const charset = await sent('POST', '/api/v1/interactions', json, 'Text/Plain; charset=UTF-8');
    expect(charset.status).toBe(415);
    expect(charset.body.error.details.contentType).toBe('text/plain');
    const untyped = await sent('POST', '/api/v1/interactions', new TextEncoder().encode(json));
    expect(untyped.status).toBe(415);
    expect(untyped.body.error.message).toBe(
      'body: send JSON with Content-Type: application/json; this request has a body but no Content-Type',
    );
    expect(untyped.body.error.details.contentType).toBeNull();
    // No body at all, where one is needed: still a 400 about the body, saying what to send.
    const none = await sent('POST', '/api/v1/interactions', undefined);
    expect(none.status).toBe(400);
    expect(none.body.error.details.issues).toEqual([
      { path: 'body', message: 'is missing: send JSON with Content-Type: application/json' },
    ]);
    expect((await u.get('/api/v1/interactions')).body.items).toEqual([]);

    // PATCH and PUT the same way; the contact is unchanged.
    const patch = await sent('PATCH', `/api/v1/contacts/${contact}`, '{"displayName":"Bea"}', 'text/plain');
    expect(patch.status).toBe(415);
    const tag = (await u.post('/api/v1/tags', { name: 'friends' })).body.id as string;
    const put = await sent('PUT', `/api/v1/tags/${tag}/cadence`, '{"cadenceDays":30}', 'text/plain');
    expect(put.status).toBe(415);
    expect((await u.get(`/api/v1/contacts/${contact}`)).body.displayName).toBe('Ada');

    // JSON, with or without a charset, is read as before.
    const ok = await sent('POST', '/api/v1/interactions', json, 'application/json; charset=utf-8');
    expect(ok.status).toBe(201);
    expect(
      (await sent('PATCH', `/api/v1/contacts/${contact}`, '{"displayName":"Bea"}', 'application/json'))
        .status,
    ).toBe(200);
  });

  it('says it on every route that takes a JSON body, before looking at the path', async () => {
    const u = await server.user();
    const doc = (await u.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
    };
    const jsonRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.requestBody?.content?.['application/json'])
        .map(([method, _]) => ({
          method: method.toUpperCase(),
          path: path.replace(/\{[^}]+\}/g, MISSING_ID),
        })),
    );
    expect(jsonRoutes.length).toBeGreaterThan(40);
    const answers: string[] = [];
    for (const r of jsonRoutes) {
      const a = await send(server.base(), u, r.method, r.path, '{}', 'text/plain');
      answers.push(`${r.method} ${r.path} ${a.status} ${a.body?.error?.details?.contentType}`);
    }
    expect(answers.filter((a) => !a.endsWith(' 415 text/plain'))).toEqual([]);
  });

  it('leaves uploads and the backup restore as they were', async () => {
    const u = await server.tokenUser();
    // An import is a multipart upload; a text body is told so, not told to send JSON.
    const text = await send(server.base(), u, 'POST', '/api/v1/imports?kind=vcard', 'x', 'text/plain');
    expect(text.status).toBe(415);
    expect(text.body.error.message).toBe('file: send the file as multipart/form-data');
    // So is a form (no parser reads one), not told to send JSON.
    const form = await send(
      server.base(),
      u,
      'POST',
      '/api/v1/imports?kind=vcard',
      'file=x',
      'application/x-www-form-urlencoded',
    );
    expect([form.status, form.body.error.message]).toEqual([
      415,
      'file: send the file as multipart/form-data',
    ]);
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy Twombly\r\nN:Twombly;Cy;;;\r\nEND:VCARD\r\n';
    const upload = await u.upload('/api/v1/imports?kind=vcard', 'cy.vcf', card);
    expect(upload.status).toBe(201);
    // The backup file is the JSON body itself.
    const backup = (await u.get('/api/v1/exports/backup')).body;
    const other = await server.tokenUser();
    const asText = await send(
      server.base(),
      other,
      'POST',
      '/api/v1/imports/backup',
      JSON.stringify(backup),
      'text/plain',
    );
    expect(asText.status).toBe(415);
    const restored = await other.post('/api/v1/imports/backup', backup);
    expect(restored.status).toBe(200);
    expect(restored.body.rows.contacts).toBe(1);
  });
});
