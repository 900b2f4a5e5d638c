/**
 * Hostile input at every documented route: the OpenAPI document is read at run time, so a new route is covered
 * without joining anything. For each route, as a real user with data (test/api-routes.ts `ownedResources`), it
 * sends bad path parameters, bad query parameters and bad JSON bodies derived from the route's own schema, and
 * asserts the project's rule: bad input gets a clear error that says what and where, never a 5xx, and nothing
 * already stored is lost.
 *
 * A request that the documented schema itself refuses (wrong type, out of bounds, unknown field, NUL or unpaired
 * surrogate in text) must answer 400 with an issue naming the field. Anything else (odd but valid text, a far date)
 * may be accepted, and must answer in the error shape when it is not. Ids that name nothing are a 404 or a 400.
 *
 * No route is skipped. A route without a body (logout among them) gets only bodies the server cannot parse, which
 * stop before its handler; path probes name nothing, so a DELETE (revoking a token) deletes nothing; sign-up and
 * sign-in get their hostile bodies as a stranger, each sign-up with a new address, well inside the test server's
 * 1,000 attempts a minute per address and email (test/http.ts).
 */
import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fillPath, ownedResources, ROUTES, type RouteCase } from '../../../test/api-routes';
import { ENGINES } from '../../../test/engines';
import { type Client, serveForTests } from '../../../test/http';

// --- The OpenAPI document ------------------------------------------------------------------------------------

interface Schema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  method: string;
  /** `/api/v1/contacts/:id`, as the route table writes it. */
  path: string;
  params: Param[];
  query: Param[];
  /** The JSON body's schema, when the route takes one. */
  body: Schema | null;
  route: RouteCase | undefined;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Param[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
}

function operationsOf(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([m, op]) => {
      const method = m.toUpperCase();
      const path = p.replace(/\{(\w+)\}/g, ':$1');
      return {
        method,
        path,
        params: (op.parameters ?? []).filter((x) => x.in === 'path'),
        query: (op.parameters ?? []).filter((x) => x.in === 'query'),
        body: op.requestBody?.content['application/json']?.schema ?? null,
        route: ROUTES.find((r) => r.method === method && r.path === path),
      };
    }),
  );
}

// --- What the schema accepts (a lower bound: zod also trims, refines and checks formats) --------------------

/** A JSON value written out by hand (numbers JSON can hold but JavaScript cannot, deep nesting). */
class Raw {
  readonly value: unknown;
  constructor(readonly json: string) {
    this.value = JSON.parse(json);
  }
}

function toJson(v: unknown): string {
  if (v instanceof Raw) return v.json;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

function parsed(v: unknown): unknown {
  if (v instanceof Raw) return v.value;
  if (Array.isArray(v)) return v.map(parsed);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, parsed(x)]));
  return v;
}

const typesOf = (s: Schema): string[] => (s.type === undefined ? [] : [s.type].flat());

/** Text the project refuses everywhere: PostgreSQL cannot store NUL, and an unpaired surrogate is not text. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isBadText = (v: unknown) => typeof v === 'string' && (v.includes('\u0000') || LONE_SURROGATE.test(v));

function accepts(s: Schema, v: unknown): boolean {
  if (v === null && (s.nullable || typesOf(s).includes('null'))) return true;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.some((a) => accepts(a, v));
  if (s.allOf && !s.allOf.every((a) => accepts(a, v))) return false;
  if (s.enum && !s.enum.includes(v)) return false;
  if (s.const !== undefined && s.const !== v) return false;
  const types = typesOf(s);
  if (types.length === 0) return v !== null || !s.enum;
  return types.some((t) => acceptsType(s, t, v));
}

function acceptsType(s: Schema, t: string, v: unknown): boolean {
  switch (t) {
    case 'string':
      return (
        typeof v === 'string' &&
        !isBadText(v) &&
        v.length >= (s.minLength ?? 0) &&
        v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY) &&
        (s.pattern === undefined || new RegExp(s.pattern).test(v))
      );
    case 'integer':
    case 'number':
      return (
        typeof v === 'number' &&
        Number.isFinite(v) &&
        (t === 'number' || Number.isSafeInteger(v)) &&
        v >= (s.minimum ?? Number.NEGATIVE_INFINITY) &&
        v <= (s.maximum ?? Number.POSITIVE_INFINITY) &&
        (s.exclusiveMinimum === undefined || v > s.exclusiveMinimum) &&
        (s.exclusiveMaximum === undefined || v < s.exclusiveMaximum)
      );
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    case 'array':
      return (
        Array.isArray(v) &&
        v.length >= (s.minItems ?? 0) &&
        v.length <= (s.maxItems ?? Number.POSITIVE_INFINITY) &&
        v.every((x) => !s.items || accepts(s.items, x))
      );
    case 'object': {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
      const o = v as Record<string, unknown>;
      if ((s.required ?? []).some((k) => !(k in o))) return false;
      return Object.entries(o).every(([k, x]) => {
        const p = s.properties?.[k];
        if (p) return accepts(p, x);
        if (s.additionalProperties === false) return false;
        if (typeof s.additionalProperties === 'object')
          return !isBadText(k) && accepts(s.additionalProperties, x);
        return true;
      });
    }
    default:
      return true;
  }
}

/** A value the schema accepts, for the fields a hostile body leaves alone (`hint`: the field's name). */
function sampleOf(s: Schema, hint = ''): unknown {
  if (s.default !== undefined) return s.default;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.[0]) return sampleOf(alternatives[0], hint);
  if (s.enum) return s.enum[0];
  const t = typesOf(s).find((x) => x !== 'null');
  switch (t) {
    case 'string': {
      const candidates = [
        /email/i.test(hint)
          ? 'hostile@example.test'
          : /url|website/i.test(hint)
            ? 'https://example.test'
            : '',
        /phone/i.test(hint) ? '+1 555 0100' : '',
        'sample',
        '2026-01-01',
        '2026-01-01T09:00:00.000Z',
        'hostile@example.test',
        'https://example.test',
        '+1 555 0100',
        '2026-01',
      ]
        .filter(Boolean)
        .map((c) => c.padEnd(s.minLength ?? 0, 'x'));
      return candidates.find((c) => accepts(s, c)) ?? 'sample';
    }
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return false;
    case 'array':
      return s.items && (s.minItems ?? 0) > 0 ? [sampleOf(s.items, hint)] : [];
    case 'object':
      return Object.fromEntries(
        (s.required ?? []).map((k) => [
          k,
          s.properties?.[k] ? sampleOf(s.properties[k], `${hint}.${k}`) : 'sample',
        ]),
      );
    default:
      return null;
  }
}

// --- Hostile values -------------------------------------------------------------------------------------------

interface Hostile {
  label: string;
  value: unknown;
}

const deepObject = (n: number) => new Raw(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);
const deepArray = (n: number) => new Raw(`${'['.repeat(n)}${']'.repeat(n)}`);
const LONG = 'x'.repeat(100_000);

/** Some strings fast-check made up (fixed seed): any UTF-16 code unit, so NUL, lone surrogates, controls. */
const GENERATED = fc.sample(
  fc.string({
    unit: fc.oneof(
      fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '%', '_', '\\', "'", '"'),
      fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
      fc.constantFrom('a', 'é', '🙂', 'z'),
    ),
    minLength: 1,
    maxLength: 12,
  }),
  { seed: 20260226, numRuns: 48 },
);

const TEXT: Hostile[] = [
  { label: 'NUL inside', value: 'nul\u0000byte' },
  { label: 'NUL alone', value: '\u0000' },
  { label: 'lone high surrogate', value: 'lone \ud800 surrogate' },
  { label: 'lone low surrogate', value: '\udc00' },
  { label: '100k characters', value: LONG },
  { label: 'empty', value: '' },
  { label: 'blank', value: '   ' },
  { label: 'emoji and accents', value: 'Zoë 🙂👩🏽‍💻 नमस्ते' },
  { label: 'right-to-left override', value: '\u202eevil' },
  { label: 'LIKE wildcards and a trailing backslash', value: '%_%\\' },
  { label: 'SQL', value: "x'); DROP TABLE contacts;--" },
];
const DATES: Hostile[] = [
  { label: '0000-00-00', value: '0000-00-00' },
  { label: '9999-12-31T99:99', value: '9999-12-31T99:99' },
  { label: '2026-02-30', value: '2026-02-30' },
  { label: '2026-13-01', value: '2026-13-01' },
  { label: 'yesterday-ish', value: 'yesterday-ish' },
  { label: 'year 0', value: '0000-01-01' },
  { label: 'year 9999', value: '9999-12-31' },
  { label: 'year 0 datetime', value: '0000-01-01T00:00:00Z' },
  { label: 'end of 9999 datetime', value: '9999-12-31T23:59:59.999Z' },
  { label: 'datetime +14:00', value: '2026-01-01T00:00:00+14:00' },
];
const NUMBERS: Hostile[] = [
  { label: '2^53+1', value: new Raw('9007199254740993') },
  { label: '2147483648', value: new Raw('2147483648') },
  { label: '-2147483649', value: new Raw('-2147483649') },
  { label: '2^63', value: new Raw('9223372036854775808') },
  { label: '1e309', value: new Raw('1e309') },
  { label: '-1e309', value: new Raw('-1e309') },
  { label: '-1', value: -1 },
  { label: '0', value: 0 },
  { label: '1.5', value: 1.5 },
  { label: 'tiny', value: new Raw('1e-400') },
];
const WRONG_TYPES: Hostile[] = [
  { label: 'null', value: null },
  { label: 'a number', value: 12345 },
  { label: 'a boolean', value: true },
  { label: 'a string', value: 'text' },
  { label: 'an array', value: [1, 'two'] },
  { label: 'an object', value: { a: 1 } },
  { label: 'deep object', value: deepObject(2000) },
  { label: 'deep array', value: deepArray(2000) },
];

const isDateLike = (s: Schema) =>
  s.format === 'date' || s.format === 'date-time' || /\\d\{4\}|\\d\\d/.test(s.pattern ?? '');

/** Values to put where `s` is expected: wrong types always, then what suits its type. */
function hostileFor(s: Schema, generated: string[]): Hostile[] {
  const types = new Set([...typesOf(s), ...(s.anyOf ?? s.oneOf ?? []).flatMap(typesOf)]);
  const out = [...WRONG_TYPES];
  if (types.has('string') || types.size === 0) {
    out.push(...TEXT, ...generated.map((g, i) => ({ label: `generated string ${i}`, value: g })));
    if (isDateLike(s)) out.push(...DATES);
    if (s.maxLength !== undefined) out.push({ label: 'one too long', value: 'y'.repeat(s.maxLength + 1) });
  }
  if (types.has('integer') || types.has('number'))
    out.push(...NUMBERS, { label: 'numeric text', value: '12' });
  if (types.has('array')) {
    const items = s.items ?? {};
    out.push(
      { label: 'array of null', value: [null] },
      { label: 'array with NUL text', value: ['nul\u0000byte'] },
      { label: 'array with a 100k string', value: [LONG] },
      { label: 'array with 2147483648', value: [new Raw('2147483648')] },
      { label: 'array of 10,000', value: Array.from({ length: 10_000 }, () => sampleOf(items)) },
    );
  }
  return out;
}

// --- Sending exactly the bytes we mean ------------------------------------------------------------------------

interface Answer {
  status: number;
  body: any;
  requestId: string;
}

/** fetch normalises `..` and refuses some bytes; node:http sends the path and body as given. */
function sender(client: Client) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(client.base);
  const send = (
    method: string,
    path: string,
    body?: string | Buffer,
    contentType = 'application/json',
  ): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) {
      headers['content-type'] = contentType;
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    if (client.cookies.size > 0) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (client.bearer) headers.authorization = `Bearer ${client.bearer}`;
    if (client.csrf && method !== 'GET') headers['x-csrf-token'] = client.csrf;
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, method, path, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsedBody: unknown = text;
            try {
              parsedBody = text ? JSON.parse(text) : null;
            } catch {
              // not JSON: keep the text
            }
            resolve({
              status: res.statusCode ?? 0,
              body: parsedBody,
              requestId: String(res.headers['x-request-id'] ?? ''),
            });
          });
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  };
  return { send, close: () => agent.destroy() };
}

/** Percent-encodes the UTF-8 of `s` (an unpaired surrogate becomes U+FFFD, as a browser would send it). */
const enc = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

// --- Probes and what their answers must be --------------------------------------------------------------------

interface Probe {
  op: Operation;
  /** `body.emails.0.value`, `query.limit`, `params.id`, or `body` for the whole body. */
  field: string;
  label: string;
  path: string;
  body?: string | Buffer;
  contentType?: string;
  /** The documented schema refuses it: the answer must be a 400 whose issues name `field`. */
  invalid: boolean;
  /** The only statuses the answer may have, when that is known. */
  statuses?: number[];
}

interface Failure {
  id: string;
  status: number;
  answer: unknown;
  log?: string;
}

const idOf = (p: Probe) => `${p.op.method} ${p.op.path} ${p.field} = ${p.label}`;

/** Whether an issue path (`emails.0.value`, `querystring.limit`, `params.id`) names the probed field. */
function names(issuePath: string, field: string): boolean {
  const f = field.replace(/^(body|query|params)\./, '');
  const p = issuePath.replace(/^(querystring|params|body)\./, '');
  // The router names no parameter for a path it cannot read (bad percent-encoding, a segment too long).
  if (field === 'body' || (field.startsWith('params.') && issuePath === 'path')) return true;
  return p === f || p.startsWith(`${f}.`) || f.startsWith(`${p}.`);
}

/** What is wrong with the answer to `probe`, if anything. */
function problemWith(probe: Probe, a: Answer): string | null {
  if (a.status >= 500) return 'a server error';
  if (probe.statuses && !probe.statuses.includes(a.status))
    return `a ${a.status}, not one of ${probe.statuses.join(', ')}`;
  if (a.status < 400) return probe.invalid ? 'accepted input its schema refuses' : null;
  const e = (a.body as { error?: { code?: unknown; message?: unknown; details?: { issues?: unknown } } })
    ?.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || e.message === '')
    return 'an answer without { error: { code, message } }';
  const issues = e.details?.issues as { path?: unknown; message?: unknown }[] | undefined;
  if (e.code === 'validation') {
    if (
      !Array.isArray(issues) ||
      issues.length === 0 ||
      !issues.every((i) => typeof i.path === 'string' && i.path !== '' && typeof i.message === 'string')
    )
      return 'a validation error without issues naming a field';
  }
  if (probe.invalid || (a.status === 400 && probe.field.startsWith('params.'))) {
    // A body sent as something else than JSON is refused before it is read: 415 (server/json-body.ts).
    const status = probe.contentType && !probe.contentType.startsWith('application/json') ? 415 : 400;
    if (a.status !== status || e.code !== 'validation')
      return `a ${a.status} ${e.code}, not a validation error`;
    if (!issues?.some((i) => names(String(i.path), probe.field)))
      return `a validation error that does not name ${probe.field}`;
  }
  return null;
}

// --- Building the probes from the document --------------------------------------------------------------------

const MISSING_ID = '01900000-0000-7000-8000-000000000000';

const PATH_VALUES: { label: string; raw: string }[] = [
  { label: 'a non-id string', raw: 'not-an-id' },
  { label: 'an id of another shape', raw: '507f1f77bcf86cd799439011' },
  { label: 'a nil UUID', raw: '00000000-0000-0000-0000-000000000000' },
  { label: 'a valid but missing UUIDv7', raw: MISSING_ID },
  { label: '65 characters', raw: 'a'.repeat(65) },
  { label: '5,000 characters', raw: 'a'.repeat(5000) },
  { label: 'unicode and emoji', raw: enc('Zoë🙂') },
  { label: 'NUL', raw: '%00' },
  { label: 'NUL inside an id', raw: `${MISSING_ID.slice(0, 10)}%00${MISSING_ID.slice(11)}` },
  { label: '..', raw: '..' },
  { label: 'encoded ..', raw: '%2e%2e' },
  { label: 'encoded slash', raw: '..%2F..%2Fetc%2Fpasswd' },
  { label: 'invalid UTF-8', raw: '%FF%FE' },
  { label: 'an encoded lone surrogate', raw: '%ED%A0%80' },
  { label: 'a bad percent escape', raw: '%zz' },
];

const FORGED: [string, unknown][] = [
  ['an object', { x: 1 }],
  ['an array', [1]],
  ['true', true],
  ['null', null],
  ['NUL text', 'a\u0000'],
  ['1e300', 1e300],
  ['-1', -1],
  ['other text', 'zz'],
];

function queryValues(name: string, foreignCursors: string[]): { label: string; raw: string }[] {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const values = [
    { label: 'text', raw: 'text' },
    { label: 'empty', raw: '' },
    { label: '-1', raw: '-1' },
    { label: '0', raw: '0' },
    { label: '1.5', raw: '1.5' },
    { label: '1e309', raw: '1e309' },
    { label: '2^63', raw: '9223372036854775808' },
    { label: 'huge', raw: '9'.repeat(400) },
    { label: '2026-02-30', raw: '2026-02-30' },
    { label: '2026-13-01', raw: '2026-13-01' },
    { label: 'yesterday-ish', raw: 'yesterday-ish' },
    { label: '0000-01-01', raw: '0000-01-01' },
    { label: 'NUL', raw: 'a%00b' },
    { label: 'an encoded lone surrogate', raw: '%ED%A0%80' },
    { label: 'invalid UTF-8', raw: '%FF' },
    { label: 'a bad percent escape', raw: '%zz%' },
    { label: '5,000 characters', raw: 'q'.repeat(5000) },
    { label: 'LIKE wildcards and a trailing backslash', raw: enc('%_%\\') },
    { label: 'emoji', raw: enc('🙂 Zoë') },
    ...GENERATED.slice(0, 4).map((g, i) => ({ label: `generated string ${i}`, raw: enc(g) })),
  ];
  if (/cursor/i.test(name))
    values.push(
      { label: 'zzz', raw: 'zzz' },
      { label: 'base64 of junk', raw: Buffer.from('not json at all').toString('base64url') },
      { label: 'base64 of a JSON string', raw: b64('a string') },
      { label: 'base64 of null', raw: b64(null) },
      // Every key a list's cursor uses, each in turn holding what encodeCursor never writes.
      ...['o', 'k', 'i', 's', 'a', 'at', 'id'].flatMap((k) =>
        FORGED.map(([what, v]) => ({
          label: `cursor with ${k} ${what}`,
          raw: b64({ o: 0, k: 'a', i: 'a', s: 'a', a: 'a', at: 'a', id: 'a', [k]: v }),
        })),
      ),
      ...foreignCursors.map((c, i) => ({ label: `a cursor from another list (${i})`, raw: c })),
    );
  return values;
}

function encodeQuery(q: Record<string, string>): string {
  const s = Object.entries(q)
    .map(([k, v]) => `${enc(k)}=${v}`)
    .join('&');
  return s ? `?${s}` : '';
}

/** `?a=b&c=:id` from the route table as raw (already encoded) values, `:id` filled in. */
function baselineQuery(route: RouteCase | undefined, fill: (s: string) => string): Record<string, string> {
  const q = route?.query?.replace(/^\?/, '') ?? '';
  return Object.fromEntries(
    q
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const [k = '', v = ''] = pair.split('=');
        return [k, fill(v)];
      }),
  );
}

function queryAccepts(s: Schema, raw: string): boolean | undefined {
  let v: string;
  try {
    v = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (LONE_SURROGATE.test(v) || v.includes('\ufffd')) return undefined;
  const types = typesOf(s);
  if (types.includes('integer') || types.includes('number')) {
    return accepts(s, v.trim() === '' ? Number.NaN : Number(v));
  }
  if (types.includes('boolean')) return undefined;
  return accepts(s, v);
}

// --- The run --------------------------------------------------------------------------------------------------

describe.each(ENGINES)('hostile input on every route [%s]', (engine) => {
  const server = serveForTests(engine);
  let ops: Operation[] = [];
  let user: Client & { accountId: string };
  let ids: Awaited<ReturnType<typeof ownedResources>>;
  let net: ReturnType<typeof sender>;
  let anonymousNet: ReturnType<typeof sender>;
  let foreignCursors: string[] = [];
  const failures: Failure[] = [];
  let witness: { contact: string; organisation: string; purpose: string; tag: string };
  let before: unknown;
  let sent = 0;
  let unique = 0;

  const readWitness = async () => {
    const get = async (path: string) => {
      const r = await user.get(path);
      return { status: r.status, body: r.body };
    };
    return {
      contact: await get(`/api/v1/contacts/${witness.contact}`),
      organisation: await get(`/api/v1/organisations/${witness.organisation}`),
      tag: await get(`/api/v1/tags/${witness.tag}`),
      purpose: await get(`/api/v1/purposes/${witness.purpose}`),
      interactions: await get(`/api/v1/interactions?contact=${witness.contact}`),
      favours: await get(`/api/v1/favours?contact=${witness.contact}`),
      promises: await get(`/api/v1/promises?contact=${witness.contact}`),
      purposes: await get(`/api/v1/contacts/${witness.contact}/purposes`),
    };
  };

  beforeAll(async () => {
    const doc = (await server.anonymous().get('/api/openapi.json')).body as OpenApi;
    ops = operationsOf(doc);
    user = await server.user('Hostile Tester');
    ids = await ownedResources(server, user);
    // The witness: records no hostile request names, checked field by field after the barrage.
    const contact = await user.post('/api/v1/contacts', {
      displayName: 'Witness Person',
      givenName: 'Witness',
      organisation: 'Witness Company',
      notes: 'Keep me exactly as I am',
      emails: [{ value: 'witness@example.test', label: 'work' }],
      phones: [{ value: '+44 20 7946 0000' }],
      tags: ['witness-tag'],
      birthday: '--05-17',
      customFields: { Team: 'Blue' },
    });
    const organisation = await user.post('/api/v1/organisations', { name: 'Witness Org', notes: 'Keep' });
    const purpose = await user.post('/api/v1/purposes', { name: 'Witness purpose', targetCount: 3 });
    await user.post(`/api/v1/purposes/${purpose.body.id}/items`, {
      contactIds: [contact.body.id],
      note: 'keep',
    });
    await user.post('/api/v1/interactions', { kind: 'meeting', contactIds: [contact.body.id] });
    await user.post('/api/v1/favours', { contactId: contact.body.id, direction: 'given', what: 'Intro' });
    await user.post('/api/v1/promises', {
      contactId: contact.body.id,
      direction: 'theirs',
      what: 'Send the deck',
      dueOn: '2030-01-01',
    });
    const tags = (await user.get('/api/v1/tags')).body.items as { id: string; name: string }[];
    witness = {
      contact: contact.body.id,
      organisation: organisation.body.id,
      purpose: purpose.body.id,
      tag: tags.find((t) => t.name === 'witness-tag')?.id ?? '',
    };
    before = await readWitness();
    foreignCursors = [
      (await user.get('/api/v1/contacts?limit=1')).body.nextCursor,
      (await user.get('/api/v1/contacts?limit=1&sort=-created')).body.nextCursor,
      (await user.get('/api/v1/organisations?limit=1')).body.nextCursor,
    ].filter((c): c is string => typeof c === 'string');
    expect(foreignCursors.length).toBe(3);
    net = sender(user);
    anonymousNet = sender(server.anonymous());
  });

  afterAll(() => {
    net?.close();
    anonymousNet?.close();
  });

  /** Bodies for routes the table calls without one: a fresh sign-up each run, a sign-in that fails. */
  const baselines: Record<string, unknown> = {
    'POST /api/v1/auth/signup': {
      email: `hostile-UNIQUE-${engine}-${process.pid}-${Date.now()}@example.test`,
      password: 'a long enough password',
      name: 'Hostile Signup',
    },
    'POST /api/v1/auth/login': { email: `nobody-${process.pid}@example.test`, password: 'not the password' },
  };
  const isPublic = (op: Operation) => op.route?.public === true;

  /** The route's path with the caller's own ids in it (a missing id where the table has none). */
  const ownPath = (op: Operation) => {
    const filled = op.route?.owned ? fillPath(op.path, ids, ids, op.route.owned) : op.path;
    return filled.replace(/:(\w+)/g, MISSING_ID);
  };
  const fill = (s: string) => (s === ':id' && ids.contact ? ids.contact : s);
  /** A body the route accepts, as the table writes it (with the caller's own ids), or one made from its schema. */
  const baselineBody = (op: Operation): unknown => {
    const table =
      typeof op.route?.body === 'function'
        ? op.route.body(ids, ids)
        : ((op.route?.body as unknown | undefined) ?? baselines[`${op.method} ${op.path}`]);
    return table ?? (op.body ? sampleOf(op.body) : undefined);
  };

  /** The server's stack for a 5xx answer (it logs `request failed` with the request id). */
  const logOf = (a: Answer) =>
    a.status < 500
      ? undefined
      : server.logs
          .filter((l) => l.includes(a.requestId) && l.includes('request failed'))
          .map((l) => {
            const j = JSON.parse(l) as { err?: { message?: string; stack?: string } };
            return (j.err?.stack ?? j.err?.message ?? l).split('\n').slice(0, 6).join('\n');
          })
          .join('\n');

  async function run(probe: Probe) {
    const a = await (isPublic(probe.op) ? anonymousNet : net).send(
      probe.op.method,
      probe.path,
      probe.body,
      probe.contentType,
    );
    sent++;
    const problem = problemWith(probe, a);
    if (!problem) return;
    failures.push({
      id: `${idOf(probe)}: ${problem}`,
      status: a.status,
      answer: a.body,
      log: logOf(a),
    });
  }

  /** Every failure, with its answer (and the server's stack for a 5xx). */
  const unexpected = () =>
    failures.map((f) => {
      const e = (f.answer as { error?: { code?: string; message?: string } } | null)?.error;
      const said = e
        ? `${e.code}: ${String(e.message).slice(0, 160)}`
        : JSON.stringify(f.answer)?.slice(0, 160);
      return `${f.id} → ${f.status} ${said}${f.log ? `\n${f.log}` : ''}`;
    });
  beforeEach(() => {
    failures.length = 0;
  });

  it('path parameters: ids of every shape are a 404 or a 400 naming the parameter', {
    timeout: 120_000,
  }, async () => {
    for (const op of ops) {
      for (const param of op.params) {
        const base = ownPath(op);
        const template = op.path.split('/');
        const own = base.split('/');
        const body = op.body ? baselineBody(op) : undefined;
        for (const v of PATH_VALUES) {
          const path = template.map((seg, i) => (seg === `:${param.name}` ? v.raw : own[i])).join('/');
          // Only the ids are wrong (the body is one the route accepts): a route that writes or deletes (revoking a
          // token, removing a connection) finds nothing to act on.
          await run({
            op,
            field: `params.${param.name}`,
            label: v.label,
            path,
            body: body === undefined ? undefined : toJson(body),
            invalid: false,
            statuses: [400, 404],
          });
        }
      }
    }
    expect(unexpected()).toEqual([]);
  });

  it('query parameters: wrong types, bad dates and forged cursors are a 400 naming the parameter', {
    timeout: 120_000,
  }, async () => {
    for (const op of ops.filter((o) => o.query.length > 0)) {
      const path = ownPath(op);
      const baseline = baselineQuery(op.route, fill);
      for (const param of op.query) {
        for (const v of queryValues(param.name, foreignCursors)) {
          const q = encodeQuery({ ...baseline, [param.name]: v.raw });
          const ok = queryAccepts(param.schema, v.raw);
          await run({
            op,
            field: `query.${param.name}`,
            label: v.label,
            path: `${path}${q}`,
            invalid: ok === false,
          });
        }
        const repeated = `${encodeQuery(baseline)}${Object.keys(baseline).length ? '&' : '?'}${enc(param.name)}=1&${enc(param.name)}=2`;
        const arrayOk = param.schema.anyOf?.some((s) => typesOf(s).includes('array')) ?? false;
        await run({
          op,
          field: `query.${param.name}`,
          label: 'repeated',
          path: `${path}${repeated}`,
          invalid: !arrayOk,
        });
      }
      for (const unknown of ['unknownParam', '__proto__', 'constructor']) {
        const q = encodeQuery({ ...baseline, [unknown]: '1' });
        await run({
          op,
          field: `query.${unknown}`,
          label: 'an unknown parameter',
          path: `${path}${q}`,
          invalid: true,
        });
      }
    }
    expect(unexpected()).toEqual([]);
  });

  it('JSON bodies: wrong shapes, types, bounds and text are a 400 naming the field', {
    timeout: 120_000,
  }, async () => {
    let g = 0;
    const generated = () => {
      g = (g + 2) % GENERATED.length;
      return GENERATED.slice(g, g + 2);
    };
    for (const op of ops) {
      const path = ownPath(op) + encodeQuery(baselineQuery(op.route, fill));
      // Each sign-up probe is a new account: one accepted must not turn the rest into "email taken".
      const probe = (
        field: string,
        label: string,
        body: string | Buffer,
        invalid: boolean,
        contentType?: string,
      ) =>
        run({
          op,
          field,
          label,
          path,
          body: typeof body === 'string' ? body.replaceAll('UNIQUE', `${++unique}`) : body,
          invalid,
          contentType,
        });
      // A GET's body is never read. Every other route, with or without a body: a body the server cannot parse
      // stops before the handler (so these are safe even for logout).
      if (op.method === 'GET') continue;
      await probe('body', 'malformed JSON', '{"a":', true);
      await probe('body', 'JSON with trailing junk', '{"a":1}}', true);
      await probe('body', 'an XML body', '<a>1</a>', true, 'application/xml');
      await probe('body', 'a form body', 'a=1&b=2', true, 'application/x-www-form-urlencoded');
      await probe('body', '__proto__ key', '{"__proto__":{"polluted":1}}', true);
      await probe('body', 'constructor.prototype key', '{"constructor":{"prototype":{"polluted":1}}}', true);
      // A route without a body ignores a well-formed one and does its work (logout would end the run).
      if (!op.body) continue;
      const schema = op.body;
      await probe('body', '100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, true);
      await probe(
        'body',
        'JSON with a bad charset',
        '{}',
        !accepts(schema, {}),
        'application/json; charset=utf-7',
      );
      await probe(
        'body',
        'invalid UTF-8 bytes',
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        !accepts(schema, { a: '\ufffd\ufffd' }),
      );
      const table = baselineBody(op);
      await probe('body', 'the JSON text of the body, as text/plain', toJson(table), true, 'text/plain');
      await probe('body', 'an empty body', '', true);
      for (const h of [
        { label: 'null', value: null },
        { label: 'an array', value: [table] },
        { label: 'a string', value: 'a string' },
        { label: 'a number', value: 42 },
        { label: 'an empty object', value: {} },
        { label: 'deep object', value: deepObject(5000) },
      ]) {
        await probe('body', h.label, toJson(h.value), !accepts(schema, parsed(h.value)));
      }
      // Per field, against each shape the body may take (a discriminated union has several).
      for (const shape of schema.oneOf ?? schema.anyOf ?? [schema]) {
        const base = (accepts(shape, table) ? table : sampleOf(shape)) as Record<string, unknown>;
        if (base === null || typeof base !== 'object' || Array.isArray(base)) continue;
        await probe(
          'body.unknownField',
          'an unknown field',
          toJson({ ...base, unknownField: 1 }),
          shape.additionalProperties === false,
        );
        for (const [name, prop] of Object.entries(shape.properties ?? {})) {
          for (const h of hostileFor(prop, generated())) {
            const body = { ...base, [name]: h.value };
            await probe(`body.${name}`, h.label, toJson(body), !accepts(shape, parsed(body)));
          }
          // One level down: the fields of a list's items and of an object, and a record's keys.
          const inner = prop.items ?? (typesOf(prop).includes('object') ? prop : undefined);
          for (const [sub, subSchema] of Object.entries(inner?.properties ?? {})) {
            for (const h of [...WRONG_TYPES.slice(0, 5), ...TEXT.slice(0, 5)]) {
              const item = { ...(sampleOf(inner as Schema, name) as object), [sub]: h.value };
              const body = { ...base, [name]: prop.items ? [item] : item };
              const field = prop.items ? `body.${name}.0.${sub}` : `body.${name}.${sub}`;
              await probe(
                field,
                h.label,
                toJson(body),
                !accepts(shape, parsed(body)) && !accepts(subSchema, parsed(h.value)),
              );
            }
          }
          if (typeof prop.additionalProperties === 'object') {
            for (const h of [
              { label: 'a NUL key', value: { 'k\u0000': 'x' } },
              { label: 'a NUL value', value: { k: 'v\u0000' } },
              { label: 'a 100k key', value: { [LONG]: 'x' } },
              { label: 'a number value', value: { k: 1 } },
            ]) {
              const body = { ...base, [name]: h.value };
              await probe(`body.${name}`, h.label, toJson(body), !accepts(shape, parsed(body)));
            }
          }
        }
      }
    }
    expect(unexpected()).toEqual([]);
  });

  it('uploads: files with NUL bytes, broken UTF-8 and odd names are a clear answer', {
    timeout: 60_000,
  }, async () => {
    const files: { kind: string; name: string; bytes: Uint8Array | string }[] = [
      {
        kind: 'csv',
        name: 'nul.csv',
        bytes: 'Name,Email,Notes\nNul\u0000Person,nul\u0000@example.test,a\u0000b\n',
      },
      {
        kind: 'csv',
        name: 'bytes.csv',
        bytes: Buffer.from([...Buffer.from('Name,Notes\nBroken '), 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x0a]),
      },
      {
        kind: 'vcard',
        name: 'nul.vcf',
        bytes:
          'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nul\u0000Card\r\nEMAIL:a\u0000@example.test\r\nNOTE:x\u0000y\r\nEND:VCARD\r\n',
      },
      {
        kind: 'linkedin',
        name: 'Connections.csv',
        bytes:
          'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nNul\u0000,Person,https://www.linkedin.com/in/nul%00,a@example.test,Acme\u0000,CEO,01 Jan 2026\n',
      },
      { kind: 'linkedin', name: 'export.zip', bytes: 'PK\u0003\u0004 not really a zip' },
      {
        kind: 'linkedin',
        name: 'Invitations.csv',
        bytes:
          'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\nMe,Nul\u0000 Person,"9/27/25, 8:41 AM",A note\u0000here,OUTGOING,,https://www.linkedin.com/in/nul-person\n',
      },
      {
        kind: 'linkedin',
        name: 'messages.csv',
        bytes:
          'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n2-nul,,Nul\u0000 Sender,https://www.linkedin.com/in/nul-sender,Me,2022-05-03 09:15:00 UTC,,Hi\u0000there,INBOX\n',
      },
      {
        kind: 'vcard',
        name: 'qp.vcf',
        bytes:
          'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Nul=00Encoded\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=00b\r\nEND:VCARD\r\n',
      },
      { kind: 'csv', name: `${'n'.repeat(5000)}\u0000.csv`, bytes: 'Name\nA\n' },
    ];
    for (const f of files) {
      for (const dryRun of ['true', 'false']) {
        const r = await user.upload(`/api/v1/imports?kind=${f.kind}&dryRun=${dryRun}`, f.name, f.bytes);
        sent++;
        const op = ops.find((o) => o.method === 'POST' && o.path === '/api/v1/imports') as Operation;
        const a = { ...r, requestId: r.headers.get('x-request-id') ?? '' };
        const problem = problemWith({ op, field: 'file', label: f.name, path: '', invalid: false }, a);
        if (problem)
          failures.push({
            id: `POST /api/v1/imports file ${f.kind} ${f.name.slice(0, 40)} dryRun=${dryRun}: ${problem}`,
            status: r.status,
            answer: r.body,
            log: logOf(a),
          });
      }
    }
    expect(unexpected()).toEqual([]);
  });

  it('afterwards every GET still answers, the server is up and nothing stored was lost', {
    timeout: 60_000,
  }, async () => {
    // What the barrage stored (odd but valid text, far dates) must not break a page that reads it.
    for (const op of ops.filter((o) => o.method === 'GET' && !isPublic(o))) {
      await run({
        op,
        field: 'afterwards',
        label: 'the plain GET',
        path: ownPath(op) + encodeQuery(baselineQuery(op.route, fill)),
        invalid: false,
      });
    }
    expect(unexpected()).toEqual([]);
    // The barrage happened: every documented route, thousands of requests.
    expect(ops.length).toBeGreaterThanOrEqual(ROUTES.length);
    expect(sent).toBeGreaterThan(5000);
    expect((await server.anonymous().get('/api/v1/health')).status).toBe(200);
    expect(await readWitness()).toEqual(before);
    // The resources every route was aimed at are still there: a refused request costs no record.
    const alive = [
      `/api/v1/contacts/${ids.contact}`,
      `/api/v1/organisations/${ids.organisation}`,
      `/api/v1/tags/${ids.tag}`,
      `/api/v1/purposes/${ids.purpose}`,
      `/api/v1/imports/${ids.import}`,
      `/api/v1/introductions/${ids.introduction}`,
      `/api/v1/asks/${ids.ask}`,
      `/api/v1/outreach/items/${ids.outreachItem}`,
      `/api/v1/network/connections/${ids.connection}`,
    ];
    for (const p of alive) {
      const r = await user.get(p);
      expect([p, r.status]).toEqual([p, 200]);
    }
    expect((await user.get(`/api/v1/contacts/${ids.contact}`)).body.deletedAt).toBeNull();
    expect((await user.get('/api/v1/tokens')).body.items.map((t: { id: string }) => t.id)).toContain(
      ids.token,
    );
  });
});
