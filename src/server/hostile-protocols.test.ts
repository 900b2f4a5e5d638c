/**
 * Hostile requests to the routes the OpenAPI document leaves out (routes/hostile-input.test.ts covers the ones it
 * holds): the CardDAV server (/dav/, /.well-known/carddav), the public calendar feed (/feeds/<token>.ics), the
 * digest's unsubscribe link (/digest/unsubscribe/<account>/<token>) and the introduction link pages
 * (/intro/<token>). Each probe is sent as raw bytes (node:http: no normalised `..`, any method, any header) and its
 * answer must follow the project's rule: never a 5xx; an error is a 4xx with a short reason (for CardDAV the
 * WebDAV status, with its DAV error body where there is one); no answer to one account (or to nobody) holds another
 * account's private data; and nothing already stored changes (a witness contact and card, another account's, the
 * feed's calendar, an introduction waiting on its person, the digest settings).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines';
import { forgeToken } from '../../test/forge-token';
import { type Client, serveForTests } from '../../test/http';
import { connectedUsers } from '../../test/network';
import { fixedClock } from '../core/clock';
import { unsubscribeKeyOf } from '../core/digest/digest.queries';
import { unsubscribeUrl } from '../core/digest/unsubscribe-from-digest';
import type { Mailer, MailMessage } from '../core/mail/mailer';

const CARD_NS = 'urn:ietf:params:xml:ns:carddav';
const NOW = '2026-11-25T09:00:00.000Z';

// The built web app answers unknown pages in production (index.html); a stand-in keeps that fallback here.
const WEB_APP_PAGE = '<!doctype html><title>Rapport</title>';
const webRoot = mkdtempSync(join(tmpdir(), 'rapport-hostile-web-'));
writeFileSync(join(webRoot, 'index.html'), WEB_APP_PAGE);
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

// --- Sending exactly the bytes we mean ------------------------------------------------------------------------

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  requestId: string;
}

interface Request {
  method: string;
  path: string;
  /** An undefined value sends no such header. */
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
}

/** One keep-alive connection; a body the server refuses unread goes on a connection of its own. */
function sender(base: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(base);
  const send = (r: Request): Promise<Answer> => {
    const headers = Object.fromEntries(
      Object.entries(r.headers ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
    );
    if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
    const big = r.body !== undefined && Buffer.byteLength(r.body) > 512 * 1024;
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: r.method,
          path: r.path,
          headers,
          agent: big ? false : agent,
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
              requestId: String(res.headers['x-request-id'] ?? ''),
            }),
          );
        },
      );
      // The server may answer (413) and close before a large body is all sent.
      req.on('error', (e) => {
        if (!answered) reject(e);
      });
      if (r.body !== undefined) req.write(r.body);
      req.end();
    });
  };
  return { send, close: () => agent.destroy() };
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

// --- Cards and XML bodies -------------------------------------------------------------------------------------

const vcard = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');

const propfind = (...props: string[]) =>
  `<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:c="${CARD_NS}" xmlns:cs="http://calendarserver.org/ns/"><d:prop>${props.join('')}</d:prop></d:propfind>`;

const multiget = (...hrefs: string[]) =>
  `<c:addressbook-multiget xmlns:d="DAV:" xmlns:c="${CARD_NS}"><d:prop><d:getetag/><c:address-data/></d:prop>${hrefs
    .map((h) => `<d:href>${h}</d:href>`)
    .join('')}</c:addressbook-multiget>`;

const syncCollection = (token: string) =>
  `<d:sync-collection xmlns:d="DAV:" xmlns:c="${CARD_NS}"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/><c:address-data/></d:prop></d:sync-collection>`;

const query = (filter: string, limit = '') =>
  `<c:addressbook-query xmlns:d="DAV:" xmlns:c="${CARD_NS}"><d:prop><d:getetag/><c:address-data/></d:prop><c:filter>${filter}</c:filter>${limit}</c:addressbook-query>`;

const XXE = `<?xml version="1.0"?><!DOCTYPE d:propfind [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><d:propfind xmlns:d="DAV:"><d:prop><d:displayname>&xxe;</d:displayname></d:prop></d:propfind>`;
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
).join('')}]><d:propfind xmlns:d="DAV:"><d:prop><d:displayname>&lol9;</d:displayname></d:prop></d:propfind>`;
const EXTERNAL_DTD = `<?xml version="1.0"?><!DOCTYPE d:propfind SYSTEM "http://127.0.0.1:9/evil.dtd"><d:propfind xmlns:d="DAV:"><d:prop><d:displayname/></d:prop></d:propfind>`;
const PARAMETER_ENTITY = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/x.dtd"> %ext;]><d:propfind xmlns:d="DAV:"><d:prop><d:displayname/></d:prop></d:propfind>`;

// --- The answers' rule ----------------------------------------------------------------------------------------

interface Probe extends Request {
  label: string;
  /** The statuses the answer may have. */
  statuses: number[];
  /** A DAV error element the body must hold (`<card:valid-address-data`). */
  davError?: string;
  /** Text no answer to this probe may hold (another account's private data). */
  secrets?: string[];
  /** A path no route of its own takes: a 200 may only be the web app's page (its own router answers it). */
  webApp?: boolean;
}

/** What is wrong with the answer to `p`, if anything. */
function problemWith(p: Probe, a: Answer): string | null {
  if (a.status >= 500) return 'a server error';
  if (!p.statuses.includes(a.status)) return `a ${a.status}, not one of ${p.statuses.join(', ')}`;
  if (a.status >= 400 && p.method !== 'HEAD') {
    if (a.text.trim() === '') return `a ${a.status} without a reason`;
    if (a.text.length > 4000) return `a ${a.status} whose reason is not short (${a.text.length} characters)`;
  }
  if (a.status === 401 && !/^Basic realm="Rapport"/.test(String(a.headers['www-authenticate'])))
    return 'a 401 without WWW-Authenticate: Basic';
  if (a.status === 405 && !a.headers.allow) return 'a 405 without Allow';
  if (p.webApp && a.status === 200 && p.method === 'GET' && a.text !== WEB_APP_PAGE)
    return 'a 200 that is not the web app';
  if (p.davError && !a.text.includes(p.davError)) return `no ${p.davError} in ${a.text.slice(0, 200)}`;
  for (const s of p.secrets ?? []) if (a.text.includes(s)) return `an answer holding "${s}"`;
  return null;
}

// --- The run --------------------------------------------------------------------------------------------------

describe.each(ENGINES)('hostile requests to the routes outside the OpenAPI document [%s]', (engine) => {
  const clock = fixedClock(NOW);
  const mails: MailMessage[] = [];
  const mailer: Mailer = {
    send: async (m) => {
      mails.push(m);
      return { messageId: `<${mails.length}@hostile.test>` };
    },
  };
  const server = serveForTests(engine, {
    app: { mailer, clock, webRoot, feedLimit: { max: 100_000, timeWindow: 60_000 } },
  });

  interface Account {
    user: Client & { accountId: string; email: string; password: string };
    token: string;
    auth: string;
    book: string;
    /** The contact every probe must leave alone, and its card's generated name. */
    witness: string;
    witnessCard: string;
    /** A card a client named (stored as written). */
    clientCard: string;
    /** Text only this account may ever read. */
    secrets: string[];
  }
  let a: Account;
  let b: Account;
  let feedPath = '';
  let revokedFeedPath = '';
  let net: ReturnType<typeof sender>;
  let before: unknown;
  const failures: string[] = [];
  let sent = 0;

  async function account(name: string, tag: string): Promise<Account> {
    const user = await server.user(name);
    const token = (await user.post('/api/v1/tokens', { name: 'phone' })).body.token as string;
    const witness = await user.post('/api/v1/contacts', {
      displayName: `Witness ${tag}`,
      givenName: 'Witness',
      organisation: `Witness Company ${tag}`,
      notes: `NOTES-SECRET-${tag}: keep me exactly as I am`,
      emails: [{ value: `witness.${tag.toLowerCase()}@secret.example`, label: 'work' }],
      phones: [{ value: '+44 20 7946 0000' }],
      tags: ['witness-tag'],
      birthday: '--05-17',
      customFields: { Team: `CUSTOM-SECRET-${tag}` },
    });
    expect(witness.status).toBe(201);
    const book = `/dav/addressbooks/${user.accountId}/contacts/`;
    const auth = basic(user.email, token);
    const clientCard = `phone-card-${tag.toLowerCase()}.vcf`;
    const put = await net.send({
      method: 'PUT',
      path: `${book}${clientCard}`,
      headers: { authorization: auth, 'content-type': 'text/vcard; charset=utf-8', 'if-none-match': '*' },
      body: vcard(
        `UID:uid-${tag}`,
        `FN:Card Person ${tag}`,
        `EMAIL:card.${tag.toLowerCase()}@secret.example`,
        `X-PHONE-ONLY:CARD-SECRET-${tag}`,
      ),
    });
    expect(put.status).toBe(201);
    return {
      user,
      token,
      auth,
      book,
      witness: witness.body.id,
      witnessCard: `${witness.body.id}.vcf`,
      clientCard,
      secrets: [`Witness ${tag}`, `NOTES-SECRET-${tag}`, `CUSTOM-SECRET-${tag}`, `CARD-SECRET-${tag}`],
    };
  }

  /** Everything the probes must leave as it was. */
  async function stored() {
    const card = async (who: Account, name: string) => {
      const r = await net.send({
        method: 'GET',
        path: `${who.book}${name}`,
        headers: { authorization: who.auth },
      });
      return { status: r.status, etag: r.headers.etag, text: r.text };
    };
    const feed = await net.send({ method: 'GET', path: feedPath });
    return {
      a: (await a.user.get(`/api/v1/contacts/${a.witness}`)).body,
      aCard: await card(a, a.witnessCard),
      aClientCard: await card(a, a.clientCard),
      b: (await b.user.get(`/api/v1/contacts/${b.witness}`)).body,
      bContacts: (await b.user.get('/api/v1/contacts')).body,
      bCard: await card(b, b.witnessCard),
      bClientCard: await card(b, b.clientCard),
      aTrash: (await a.user.get('/api/v1/trash')).body,
      feed: { status: feed.status, etag: feed.headers.etag, text: feed.text },
      settings: [
        (await a.user.get('/api/v1/settings')).body.digestEnabled,
        (await b.user.get('/api/v1/settings')).body.digestEnabled,
      ],
    };
  }

  /** The server's stack for a 5xx answer (it logs `request failed` with the request id). */
  const logOf = (answer: Answer) =>
    server.logs
      .filter((l) => l.includes(answer.requestId) && l.includes('request failed'))
      .map((l) => {
        const j = JSON.parse(l) as { err?: { message?: string; stack?: string } };
        return (j.err?.stack ?? j.err?.message ?? l).split('\n').slice(0, 5).join('\n');
      })
      .join('\n');

  async function run(p: Probe): Promise<Answer> {
    const answer = await net.send(p);
    sent++;
    const problem = problemWith(p, answer);
    if (problem) {
      const log = answer.status >= 500 ? `\n${logOf(answer)}` : '';
      failures.push(`${p.method} ${p.label}: ${problem} → ${answer.text.slice(0, 160)}${log}`);
    }
    return answer;
  }

  beforeAll(async () => {
    net = sender(server.base());
    a = await account('Ada Owner', 'A7Q');
    b = await account('Bob Intruder', 'B9Z');
    // A's calendar feed, with something on it (a promise due today on the witness), and a revoked one.
    await a.user.post('/api/v1/promises', {
      contactId: a.witness,
      direction: 'mine',
      what: 'Send the deck',
      dueOn: '2026-11-25',
    });
    feedPath = new URL((await a.user.post('/api/v1/feeds')).body.url).pathname;
    const revoked = await a.user.post('/api/v1/feeds');
    await a.user.delete(`/api/v1/feeds/${revoked.body.id}`);
    revokedFeedPath = new URL(revoked.body.url).pathname;
    for (const u of [a, b]) await u.user.patch('/api/v1/settings', { digestEnabled: true });
    before = await stored();
    expect((before as { feed: { text: string } }).feed.text).toContain('Send the deck');
  });

  afterAll(() => net?.close());
  beforeEach(() => {
    failures.length = 0;
    clock.set(NOW);
  });

  // --- CardDAV ------------------------------------------------------------------------------------------------

  /** A DAV probe as account `who` (A unless told), which must not read the other account's text. */
  const dav = (p: Probe & { as?: Account | 'nobody'; auth?: string }): Probe => {
    const who = p.as ?? a;
    const other = who === a ? [b] : who === b ? [a] : [a, b];
    const authorization = 'auth' in p ? p.auth : who === 'nobody' ? undefined : who.auth;
    return {
      ...p,
      label: `${p.path} ${p.label}`,
      headers: { authorization, ...p.headers },
      secrets: [...(p.secrets ?? []), ...other.flatMap((o) => o.secrets)],
    };
  };

  it('CardDAV: no login, a wrong one or a borrowed one is a 401 asking for Basic credentials', async () => {
    const paths = () => [
      '/dav/',
      a.book,
      `${a.book}${a.witnessCard}`,
      `/dav/principals/${a.user.accountId}/`,
    ];
    const methods = ['PROPFIND', 'REPORT', 'GET', 'HEAD', 'PUT', 'DELETE', 'PROPPATCH', 'MKCOL', 'OPTIONS'];
    const wrong: [string, string | undefined][] = [
      ['no Authorization', undefined],
      ['an empty Authorization', ''],
      ['Basic with nothing', 'Basic '],
      ['Basic with junk', 'Basic !!!not base64!!!'],
      ['Basic without a colon', `Basic ${Buffer.from('no-colon-here').toString('base64')}`],
      ['the account password', basic(a.user.email, a.user.password)],
      ["another account's e-mail with A's token", basic(b.user.email, a.token)],
      ['a revoked-looking token', basic(a.user.email, `${a.token.slice(0, -1)}x`)],
      ['NUL in the e-mail and token', basic(`${a.user.email}\u0000`, `${a.token}\u0000`)],
      [
        'invalid UTF-8 credentials',
        `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0xed, 0xa0, 0x80]).toString('base64')}`,
      ],
      ['a 6,000-character token', basic(a.user.email, `rpt_${'x'.repeat(6000)}`)],
      ['the token as a bearer', `Bearer ${a.token}`],
      ['Digest', 'Digest username="x", realm="Rapport"'],
    ];
    for (const path of paths())
      for (const method of methods)
        for (const [label, auth] of wrong)
          await run(
            dav({
              label,
              method,
              path,
              as: 'nobody',
              auth,
              statuses: [401],
              headers: { 'content-type': 'application/xml' },
              body:
                method === 'PUT'
                  ? vcard('FN:Nobody')
                  : method === 'GET' || method === 'HEAD'
                    ? undefined
                    : '',
            }),
          );
    // Discovery answers before any login.
    await run(
      dav({
        label: 'discovery',
        method: 'PROPFIND',
        path: '/.well-known/carddav',
        as: 'nobody',
        statuses: [301],
      }),
    );
    await run(
      dav({
        label: 'discovery with junk',
        method: 'PROPFIND',
        path: '/.well-known/carddav',
        as: 'nobody',
        body: '<<<',
        statuses: [301],
      }),
    );
    expect(failures).toEqual([]);
  });

  it('CardDAV: PROPFIND with broken, empty, huge or entity-laden XML, odd properties and Depth values', async () => {
    const bad = (label: string, body: string, statuses = [400]) =>
      run(dav({ label, method: 'PROPFIND', path: a.book, headers: { depth: '1' }, body, statuses }));
    await bad('malformed XML', '<d:propfind xmlns:d="DAV:"><d:prop>');
    await bad('not XML', 'hello');
    await bad('JSON', '{"propfind":true}');
    await bad('an undeclared prefix', '<x:propfind><x:prop/></x:propfind>');
    await bad('another root element', '<d:propertyupdate xmlns:d="DAV:"/>');
    await bad('a root in no namespace', '<propfind><prop><displayname/></prop></propfind>');
    const nul = await bad(
      'NUL in the XML',
      '<d:propfind xmlns:d="DAV:"><d:prop><d:display\u0000name/></d:prop></d:propfind>',
    );
    expect(nul.text).toContain('U+0000 at offset 45');
    await bad(
      'a control character in text',
      '<d:propfind xmlns:d="DAV:"><d:prop>\u0007</d:prop></d:propfind>',
    );
    await bad(
      'invalid UTF-8',
      Buffer.from([
        ...Buffer.from('<d:propfind xmlns:d="DAV:"><d:prop><d:'),
        0xff,
        0xfe,
        ...Buffer.from('/></d:prop></d:propfind>'),
      ]).toString('latin1'),
      [400, 207],
    );
    await bad('two roots', '<d:propfind xmlns:d="DAV:"/><d:propfind xmlns:d="DAV:"/>');
    await bad(
      '100,000 nested elements',
      `<d:propfind xmlns:d="DAV:">${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</d:propfind>`,
      [400, 207],
    );
    // Entities are never expanded (the parser refuses a reference to one a DTD declares): no file read, no billion
    // laughs; an external DTD is not fetched, only ignored.
    const xxe = await bad('an external entity (XXE)', XXE);
    expect(xxe.text).not.toContain('root:');
    const laughs = await bad('a billion laughs', LAUGHS);
    expect(laughs.text).not.toContain('lollol');
    await bad('an external DTD', EXTERNAL_DTD, [207]);
    await bad('a parameter entity', PARAMETER_ENTITY, [400, 207]);
    // A body past the advertised max-resource-size.
    await bad(
      'a 2 MiB body',
      propfind(Array.from({ length: 160_000 }, (_, i) => `<d:p${i}/>`).join('')),
      [413],
    );
    // An empty body asks for everything; unknown namespaces and properties are a 404 inside the 207.
    for (const [label, body] of [
      ['an empty body', ''],
      ['a blank body', '  \r\n '],
      ['allprop', '<d:propfind xmlns:d="DAV:"><d:allprop/></d:propfind>'],
      ['propname', '<d:propfind xmlns:d="DAV:"><d:propname/></d:propfind>'],
      [
        'unknown namespaces',
        propfind('<z:thing xmlns:z="urn:nowhere"/>', '<thing xmlns="urn:default"/>', '<d:no-such-prop/>'),
      ],
      ['a property name 10,000 long', propfind(`<d:${'p'.repeat(10_000)}/>`)],
      ['5,000 properties', propfind(...Array.from({ length: 5000 }, (_, i) => `<z:p${i} xmlns:z="urn:z"/>`))],
      [
        'a DOCTYPE with no entities',
        `<?xml version="1.0"?><!DOCTYPE d:propfind><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>`,
      ],
    ] as const) {
      await run(
        dav({ label, method: 'PROPFIND', path: a.book, headers: { depth: '1' }, body, statuses: [207] }),
      );
    }
    // Depth: 0, 1 and infinity (or none: infinity) are read; anything else is a 400 that says so.
    for (const depth of ['0', '1', 'infinity', 'Infinity']) {
      for (const path of [
        '/dav/',
        `/dav/addressbooks/${a.user.accountId}/`,
        a.book,
        `${a.book}${a.witnessCard}`,
      ])
        await run(
          dav({
            label: `Depth ${depth}`,
            method: 'PROPFIND',
            path,
            headers: { depth },
            body: propfind('<d:getetag/>'),
            statuses: [207],
          }),
        );
    }
    for (const depth of ['abc', '5', '-1', '', '1, 1', '0x1', ' 2']) {
      await run(
        dav({
          label: `Depth "${depth}"`,
          method: 'PROPFIND',
          path: a.book,
          headers: { depth },
          body: propfind('<d:getetag/>'),
          statuses: [400],
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  it("CardDAV: paths and hrefs that name another account's cards, nothing, '..', NUL or encoded slashes read nothing", async () => {
    const bBook = b.book;
    const aHome = `/dav/addressbooks/${a.user.accountId}`;
    const foreignPaths = [
      `/dav/principals/${b.user.accountId}/`,
      `/dav/addressbooks/${b.user.accountId}/`,
      bBook,
      `${bBook}${b.witnessCard}`,
      `${bBook}${b.clientCard}`,
      `${a.book}../../${b.user.accountId}/contacts/${b.witnessCard}`,
      `${a.book}..%2F..%2F${b.user.accountId}%2Fcontacts%2F${b.witnessCard}`,
      `${a.book}%2e%2e/%2e%2e/${b.user.accountId}/contacts/`,
      `/dav/addressbooks/${a.user.accountId}/../${b.user.accountId}/contacts/`,
      `/dav/addressbooks/${b.user.accountId.toUpperCase()}/contacts/`,
      `${aHome}/other-book/`,
      `${aHome}/contacts/x/y.vcf`,
      `/dav/elsewhere/${a.user.accountId}/`,
      `/dav//addressbooks/${b.user.accountId}/contacts/`,
      `/dav/addressbooks/${b.user.accountId}%2Fcontacts/`,
    ];
    const cardPaths = [
      `${a.book}${b.witnessCard}`,
      `${a.book}${b.clientCard}`,
      `${a.book}no-such-card.vcf`,
      `${a.book}01900000-0000-7000-8000-000000000000.vcf`,
      `${a.book}%00`,
      `${a.book}nul%00.vcf`,
      `${a.book}${a.witnessCard}%00`,
      `${a.book}..`,
      `${a.book}%2e%2e`,
      `${a.book}.`,
      `${a.book}..%2F..%2F${b.user.accountId}%2Fcontacts%2F${b.witnessCard}`,
      `${a.book}%FF%FE.vcf`,
      `${a.book}%ED%A0%80.vcf`,
      `${a.book}%zz.vcf`,
      `${a.book}${'n'.repeat(300)}.vcf`,
      `${a.book}${'n'.repeat(5000)}.vcf`,
      `${a.book}${encodeURIComponent('Zoë 🙂.vcf')}`,
    ];
    for (const path of [...foreignPaths, ...cardPaths]) {
      // A path the router cannot read (not percent-encoded UTF-8) is its 400; any other names nothing of A's: 404.
      const unread = /%zz|%FF|%ED/.test(path) ? [400] : [];
      for (const method of ['GET', 'HEAD', 'PROPFIND', 'DELETE']) {
        await run(
          dav({
            label: 'as A',
            method,
            path,
            headers: { depth: '1' },
            statuses: [...unread, 404],
          }),
        );
      }
      await run(
        dav({
          label: 'as A',
          method: 'REPORT',
          path,
          body: multiget(`${a.book}${a.witnessCard}`),
          // A card's name (there or not) is a resource that takes no report: 403 DAV:supported-report.
          statuses: [...unread, 403, 404],
        }),
      );
      await run(
        dav({
          label: 'as A',
          method: 'PROPPATCH',
          path,
          body: '<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>x</d:displayname></d:prop></d:set></d:propertyupdate>',
          // Under A's book every property is protected (207 of 403s), card or not; elsewhere nothing is there.
          statuses: [...unread, 207, 404],
        }),
      );
      // A PUT to a foreign path or a name no card can have is a 404; to a card A has not, If-Match fails it.
      await run(
        dav({
          label: 'as A',
          method: 'PUT',
          path,
          headers: { 'content-type': 'text/vcard', 'if-match': '"x"' },
          body: vcard('FN:Intruder Card'),
          statuses: [...unread, 404, 412],
        }),
      );
    }
    // A's own witness card, asked for by B under B's book and under A's.
    for (const path of [
      `${b.book}${a.witnessCard}`,
      `${b.book}${a.clientCard}`,
      `${a.book}${a.witnessCard}`,
      `${a.book}${a.clientCard}`,
    ]) {
      for (const method of ['GET', 'PROPFIND', 'DELETE'])
        await run(dav({ label: 'as B', method, path, as: b, headers: { depth: '0' }, statuses: [404] }));
      await run(
        dav({
          label: 'as B',
          method: 'PUT',
          path,
          as: b,
          headers: { 'content-type': 'text/vcard', 'if-match': '"x"' },
          body: vcard('FN:Overwritten'),
          statuses: [404, 412],
        }),
      );
    }
    // addressbook-multiget naming B's cards every way, nonexistent ones, '..', NUL, encoded slashes: 404s inside a 207.
    const hrefs = [
      `${bBook}${b.witnessCard}`,
      `${bBook}${b.clientCard}`,
      `${server.base()}${bBook}${b.witnessCard}`,
      `${a.book}${b.witnessCard}`,
      `${a.book}${b.clientCard}`,
      b.witnessCard,
      `${a.book}../../${b.user.accountId}/contacts/${b.witnessCard}`,
      `${a.book}..%2F..%2F${b.user.accountId}%2Fcontacts%2F${b.witnessCard}`,
      `${a.book}${b.witnessCard}%00`,
      `${a.book}%00`,
      // A control character itself makes the XML not well-formed (a 400, tested with PROPFIND): here, encoded.
      `${a.book}nul%01.vcf`,
      `${a.book}..`,
      `${a.book}%FF.vcf`,
      `${a.book}%ED%A0%80.vcf`,
      '',
      '/',
      'x'.repeat(10_000),
      `${a.book}no-such-card.vcf`,
    ];
    const multi = await run(
      dav({
        label: 'multiget of foreign and odd hrefs',
        method: 'REPORT',
        path: a.book,
        headers: { depth: '1' },
        body: multiget(...hrefs),
        statuses: [207],
      }),
    );
    expect(multi.text).not.toContain('<d:propstat>');
    await run(
      dav({
        label: 'multiget of 10,000 hrefs',
        method: 'REPORT',
        path: a.book,
        body: multiget(...Array.from({ length: 10_000 }, (_, i) => `${a.book}${i}.vcf`)),
        statuses: [207],
      }),
    );
    // B's multiget of A's cards: on B's own book, 404s inside a 207; on A's, a 404.
    for (const path of [b.book, a.book]) {
      const theirs = await run(
        dav({
          label: "B's multiget of A's cards",
          method: 'REPORT',
          path,
          as: b,
          body: multiget(
            `${a.book}${a.witnessCard}`,
            `${b.book}${a.witnessCard}`,
            `${b.book}${a.clientCard}`,
          ),
          statuses: path === b.book ? [207] : [404],
        }),
      );
      expect(theirs.text).not.toContain('<d:propstat>');
    }
    // B's sync and query on B's own book never list A's cards (the secrets check).
    await run(
      dav({
        label: "B's sync",
        method: 'REPORT',
        path: b.book,
        as: b,
        body: syncCollection(''),
        statuses: [207],
      }),
    );
    await run(
      dav({
        label: "B's query for everything",
        method: 'REPORT',
        path: b.book,
        as: b,
        body: query(
          '<c:prop-filter name="FN"><c:text-match match-type="contains">Witness</c:text-match></c:prop-filter>',
        ),
        statuses: [207],
      }),
    );
    await run(
      dav({
        label: "B's PROPFIND of its book",
        method: 'PROPFIND',
        path: b.book,
        as: b,
        headers: { depth: 'infinity' },
        body: propfind('<d:getetag/>', '<c:address-data/>'),
        statuses: [207],
      }),
    );
    expect(failures).toEqual([]);
  });

  it('CardDAV: REPORT bodies that are broken, unknown, or carry forged sync tokens and odd filters', async () => {
    const report = (
      label: string,
      body: string | undefined,
      statuses: number[],
      davError?: string,
      path = a.book,
    ) => run(dav({ label, method: 'REPORT', path, headers: { depth: '1' }, body, statuses, davError }));
    await report('no body', undefined, [400]);
    await report('an empty body', '', [400]);
    await report('malformed XML', '<c:addressbook-multiget xmlns:c="urn:ietf:params:xml:ns:carddav">', [400]);
    await report('an external entity (XXE)', XXE.replaceAll('propfind', 'sync-collection'), [400]);
    await report('a billion laughs', LAUGHS.replaceAll('propfind', 'sync-collection'), [400]);
    await report(
      'a 2 MiB body',
      multiget(...Array.from({ length: 40_000 }, (_, i) => `${a.book}card-${i}.vcf`)),
      [413],
    );
    await report('an unknown report', '<d:expand-property xmlns:d="DAV:"/>', [403], '<d:supported-report');
    await report(
      'an unknown namespace',
      '<z:addressbook-multiget xmlns:z="urn:nowhere"/>',
      [403],
      '<d:supported-report',
    );
    await report(
      'a calendar report',
      '<c:calendar-multiget xmlns:c="urn:ietf:params:xml:ns:caldav"/>',
      [403],
      '<d:supported-report',
    );
    for (const path of [
      '/dav/',
      `/dav/addressbooks/${a.user.accountId}/`,
      `/dav/principals/${a.user.accountId}/`,
      `${a.book}${a.witnessCard}`,
    ])
      await report('a report outside the book', syncCollection(''), [403], '<d:supported-report', path);
    // Sync tokens this address book never gave out: 403 DAV:valid-sync-token (the client syncs anew).
    const first = await report('a first sync', syncCollection(''), [207]);
    const given = /<d:sync-token>([^<]+)<\/d:sync-token><\/d:multistatus>/.exec(first.text)?.[1] ?? '';
    expect(given).toMatch(/^urn:rapport:carddav:sync:\d+$/);
    await report('the token it gave', syncCollection(given), [207]);
    const prefix = 'urn:rapport:carddav:sync:';
    for (const forged of [
      prefix,
      `${prefix}-1`,
      `${prefix}1e3`,
      `${prefix}0x1`,
      `${prefix}1.5`,
      `${prefix} 1`,
      `${prefix}+0`,
      `${prefix}00`,
      `${prefix}NaN`,
      `${prefix}Infinity`,
      `${prefix}99999999999999999999`,
      `${prefix}9007199254740993`,
      `${prefix}999`,
      'urn:rapport:carddav:sync',
      'http://elsewhere.example/sync/1',
      'garbage',
      'x'.repeat(10_000),
      `${prefix}1%01`,
      `<![CDATA[${prefix}0]]>x`,
    ]) {
      const body = syncCollection(forged.replaceAll('&', '&amp;'));
      await report(`sync token "${forged.slice(0, 40)}"`, body, [403], '<d:valid-sync-token');
    }
    await report('a sync token holding markup', syncCollection('<x>1</x>'), [403, 207]);
    await report(
      'two sync tokens',
      `<d:sync-collection xmlns:d="DAV:"><d:sync-token>${given}</d:sync-token><d:sync-token>garbage</d:sync-token><d:prop><d:getetag/></d:prop></d:sync-collection>`,
      [207, 403],
    );
    // Filters and limits that are odd but readable.
    for (const [label, filter, limit] of [
      ['no prop-filter', '', ''],
      ['an empty name', '<c:prop-filter name=""/>', ''],
      ['no name', '<c:prop-filter/>', ''],
      [
        'a regex-looking text',
        '<c:prop-filter name="FN"><c:text-match>.*(a+)+$</c:text-match></c:prop-filter>',
        '',
      ],
      [
        'a 100,000-character text',
        `<c:prop-filter name="NOTE"><c:text-match>${'q'.repeat(100_000)}</c:text-match></c:prop-filter>`,
        '',
      ],
      [
        'a param-filter',
        '<c:prop-filter name="EMAIL"><c:param-filter name="TYPE"><c:text-match>work</c:text-match></c:param-filter></c:prop-filter>',
        '',
      ],
      ['a negative limit', '', '<c:limit><c:nresults>-5</c:nresults></c:limit>'],
      ['a huge limit', '', '<c:limit><c:nresults>99999999999999999999999</c:nresults></c:limit>'],
      ['a text limit', '', '<c:limit><c:nresults>many</c:nresults></c:limit>'],
      ['a zero limit', '', '<c:limit><c:nresults>0</c:nresults></c:limit>'],
    ] as const) {
      // Read as far as the query makes sense (RFC 6352 §8.6): odd limits are ignored, parameter filters not
      // evaluated.
      await report(`addressbook-query with ${label}`, query(filter, limit), [207]);
    }
    // A collation we do not offer is refused (RFC 6352 §8.3), wherever its text-match stands.
    for (const [label, filter] of [
      [
        'an unknown collation',
        '<c:prop-filter name="FN"><c:text-match collation="i;klingon">x</c:text-match></c:prop-filter>',
      ],
      [
        'an empty collation',
        '<c:prop-filter name="FN"><c:text-match collation="">x</c:text-match></c:prop-filter>',
      ],
      [
        'a 10,000-character collation',
        `<c:prop-filter name="FN"><c:text-match collation="${'k'.repeat(10_000)}">x</c:text-match></c:prop-filter>`,
      ],
      [
        'an unknown collation in a param-filter',
        '<c:prop-filter name="EMAIL"><c:param-filter name="TYPE"><c:text-match collation="i;klingon">work</c:text-match></c:param-filter></c:prop-filter>',
      ],
    ] as const) {
      await report(`addressbook-query with ${label}`, query(filter), [403], '<card:supported-collation');
    }
    // So is a match-type RFC 6352 does not define (§10.5.4), rather than read as "contains".
    await report(
      'addressbook-query with an unknown match type',
      query('<c:prop-filter name="FN"><c:text-match match-type="regex">x</c:text-match></c:prop-filter>'),
      [403],
      '<card:supported-filter',
    );
    // PROPPATCH: broken bodies are a 400, a change to anything a 207 of 403s.
    await run(
      dav({ label: 'an empty PROPPATCH', method: 'PROPPATCH', path: a.book, body: '', statuses: [400] }),
    );
    await run(
      dav({
        label: 'a malformed PROPPATCH',
        method: 'PROPPATCH',
        path: a.book,
        body: '<d:propertyupdate xmlns:d="DAV:">',
        statuses: [400],
      }),
    );
    await run(
      dav({
        label: 'a PROPPATCH with an external entity',
        method: 'PROPPATCH',
        path: a.book,
        body: XXE.replaceAll('propfind', 'propertyupdate'),
        statuses: [400],
      }),
    );
    const patch = await run(
      dav({
        label: 'a PROPPATCH of the display name',
        method: 'PROPPATCH',
        path: a.book,
        body: '<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>Mine</d:displayname></d:prop></d:set></d:propertyupdate>',
        statuses: [207],
      }),
    );
    expect(patch.text).toContain('HTTP/1.1 403 Forbidden');
    expect(failures).toEqual([]);
  });

  it('CardDAV: PUTs of cards that are empty, not vCards, broken, huge or crowded, and PUTs and DELETEs with failed preconditions', async () => {
    const put = (
      label: string,
      body: string | Buffer,
      statuses: number[],
      opts: { name?: string; headers?: Record<string, string | undefined>; davError?: string } = {},
    ) =>
      run(
        dav({
          label,
          method: 'PUT',
          path: `${a.book}${opts.name ?? `hostile-${sent}.vcf`}`,
          headers: { 'content-type': 'text/vcard; charset=utf-8', ...opts.headers },
          body,
          statuses,
          davError: opts.davError,
        }),
      );
    const refused = '<card:valid-address-data';
    // Not a card at all: 403 CARDDAV:valid-address-data (RFC 6352 §6.3.2.1), nothing stored.
    await put('an empty body', '', [403], { davError: refused });
    await put('a blank body', '\r\n  \r\n', [403], { davError: refused });
    await put('plain text', 'hello, this is not a card', [403], { davError: refused });
    await put('JSON', '{"fn":"Json"}', [403], {
      headers: { 'content-type': 'application/json' },
      davError: refused,
    });
    await put('an iCalendar', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', [403], {
      davError: refused,
    });
    await put('a card without a name', vcard('NOTE:nothing to call them by'), [403], { davError: refused });
    await put('two cards', `${vcard('FN:One')}${vcard('FN:Two')}`, [403], { davError: refused });
    // Unlike an import, a PUT holds one whole card: one cut before END:VCARD is refused (RFC 6352 §5.1).
    await put('an unterminated card', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half', [403], { davError: refused });
    await put(
      'a card cut off, then another',
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half\r\n${vcard('FN:Two')}`,
      [403],
      {
        davError: refused,
      },
    );
    await put('a group card', vcard('FN:Group', 'X-ADDRESSBOOKSERVER-KIND:group'), [403], {
      davError: refused,
    });
    // Odd bytes: NUL characters are taken out (as an import does), invalid UTF-8 is read as U+FFFD; never a 5xx.
    await put(
      'a card with NUL bytes',
      vcard('FN:Nul\u0000Card', 'EMAIL:nul\u0000@example.test', 'NOTE:a\u0000b', 'X-NUL:x\u0000y'),
      [201],
      { name: 'nul-bytes.vcf' },
    );
    const nul = await net.send({
      method: 'GET',
      path: `${a.book}nul-bytes.vcf`,
      headers: { authorization: a.auth },
    });
    expect([nul.status, nul.text.includes('\u0000')]).toEqual([200, false]);
    expect(nul.text).toContain('FN:NulCard');
    expect(nul.text).toContain('X-NUL:xy');
    await put('a card of NULs', '\u0000'.repeat(1000), [403], { davError: refused });
    await put(
      'a card with invalid UTF-8',
      Buffer.from([
        ...Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken '),
        0xff,
        0xfe,
        0xed,
        0xa0,
        0x80,
        ...Buffer.from('\r\nEND:VCARD\r\n'),
      ]),
      [201],
    );
    // Bodies are read as UTF-8, whatever the charset: a UTF-16 card is not one.
    await put('a card in UTF-16', Buffer.from(`\ufeff${vcard('FN:Sixteen')}`, 'utf16le'), [403], {
      davError: refused,
    });
    await put('a card with a lone surrogate escape', vcard('FN:Lone \\ud800 surrogate'), [201]);
    // Too large: past the advertised max-resource-size (413). More values than a contact keeps: refused (403),
    // as stored cut the phone would get them back cut. Unknown properties past the custom-field limit: kept in
    // the card's text, served back below.
    await put('a 10 MB card', vcard('FN:Huge', `NOTE:${'x'.repeat(10 * 1024 * 1024)}`), [413]);
    await put(
      'a card of 10,000 e-mail addresses',
      vcard('FN:Many Mails', ...Array.from({ length: 10_000 }, (_, i) => `EMAIL:m${i}@example.test`)),
      [403],
      { davError: refused },
    );
    await put(
      'a card of 10,000 unknown properties',
      vcard('FN:Many Props', ...Array.from({ length: 10_000 }, (_, i) => `X-P${i}:v${i}`)),
      [201],
    );
    await put(
      'a card of 10,000 phone numbers',
      vcard(
        'FN:Many Phones',
        ...Array.from({ length: 10_000 }, (_, i) => `TEL:+1 555 ${String(i).padStart(4, '0')}`),
      ),
      [403],
      { davError: refused },
    );
    await put(
      'a card of 10,000 categories',
      vcard('FN:Many Tags', `CATEGORIES:${Array.from({ length: 10_000 }, (_, i) => `t${i}`).join(',')}`),
      [403],
      { davError: refused },
    );
    await put('a card of 10,000 nested groups', vcard('FN:Deep', `${'g.'.repeat(10_000)}X-G:v`), [201]);
    await put('a card with a 100,000-character name', vcard(`FN:${'N'.repeat(100_000)}`), [403], {
      davError: refused,
    });
    await put(
      'a card with a photo of junk',
      vcard('FN:Photo', `PHOTO;ENCODING=b;TYPE=JPEG:${'!'.repeat(1000)}`),
      [201],
    );
    // Any Content-Type is read as a card ("whatever the client calls it"): a card is a card, junk is refused.
    await put('junk as text/html', '<html></html>', [403], {
      headers: { 'content-type': 'text/html' },
      davError: refused,
    });
    await put('junk as multipart', '--x\r\n\r\n--x--', [403], {
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      davError: refused,
    });
    await put('a card sent as JSON', vcard('FN:Json Type'), [201], {
      headers: { 'content-type': 'application/json' },
    });
    await put('a card without a Content-Type', vcard('FN:No Type'), [201], {
      headers: { 'content-type': undefined },
    });
    await put('a card with a malformed Content-Type', vcard('FN:Bad Type'), [400], {
      headers: { 'content-type': 'vcard' },
    });
    // Preconditions on the witness card and on names that do not exist: 412, nothing changes.
    const witness = `${a.book}${a.witnessCard}`;
    const etagOf = async (name: string) =>
      (await net.send({ method: 'GET', path: `${a.book}${name}`, headers: { authorization: a.auth } }))
        .headers.etag as string;
    const etag = await etagOf(a.witnessCard);
    expect(etag).toMatch(/^"/);
    const overwrite = vcard('FN:Overwritten Witness', 'NOTE:lost');
    for (const name of [a.witnessCard, a.clientCard]) {
      const own = await etagOf(name);
      for (const [label, headers] of [
        ['If-None-Match: *', { 'if-none-match': '*' }],
        ['If-None-Match: its ETag', { 'if-none-match': own }],
        ['If-None-Match: junk and its ETag', { 'if-none-match': `junk, W/"x", ${own}` }],
        ['If-Match: another ETag', { 'if-match': '"not-the-etag"' }],
        ['If-Match: its weak ETag', { 'if-match': `W/${own}` }],
        ['If-Match: junk', { 'if-match': 'junk' }],
        ['If-Match: empty', { 'if-match': '' }],
        ['If-Match: a lone quote', { 'if-match': '"' }],
        ['If-Match: 8,000 characters', { 'if-match': `"${'e'.repeat(8000)}"` }],
        ['If-Match: its ETag and If-None-Match: *', { 'if-match': own, 'if-none-match': '*' }],
      ] as const) {
        await put(`${name} with ${label}`, overwrite, [412], { name, headers });
      }
    }
    await put('a new name with If-Match', vcard('FN:Nobody'), [412], {
      name: 'never-there.vcf',
      headers: { 'if-match': etag },
    });
    await put('a new name with If-Match: *', vcard('FN:Nobody'), [412], {
      name: 'never-there.vcf',
      headers: { 'if-match': '*' },
    });
    // Bad cards over the witness are refused before anything is written.
    await put('junk over the witness', 'junk', [403], { name: a.witnessCard, davError: refused });
    await put('a nameless card over the witness', vcard('NOTE:x'), [403], {
      name: a.witnessCard,
      davError: refused,
    });
    await put(
      'a 2 MiB card over the witness',
      vcard('FN:Big', `NOTE:${'x'.repeat(2 * 1024 * 1024)}`),
      [413],
      { name: a.witnessCard },
    );
    // Names no card can have ('.', '..', NUL): a good card sent there is not stored under them.
    for (const name of ['..', '.', '%2e%2e', '%2E', '%00.vcf', 'nul%00', '%2e%2e%00'])
      await put(`a good card named ${name}`, vcard(`FN:Named ${name}`), [404], { name });
    // Writing to what is not a card.
    for (const path of [
      '/dav/',
      `/dav/addressbooks/${a.user.accountId}/`,
      a.book,
      `/dav/principals/${a.user.accountId}/`,
    ])
      await run(
        dav({
          label: 'a PUT to a collection',
          method: 'PUT',
          path,
          body: vcard('FN:Collection'),
          statuses: [403, 405, 409],
        }),
      );
    // DELETE: failed preconditions, nonexistent and foreign cards, collections.
    for (const ifMatch of ['"old"', 'junk', `W/${etag}`, '']) {
      await run(
        dav({
          label: `If-Match ${ifMatch}`,
          method: 'DELETE',
          path: witness,
          headers: { 'if-match': ifMatch },
          statuses: [412],
        }),
      );
    }
    for (const path of [
      `${a.book}no-such.vcf`,
      `${a.book}${b.witnessCard}`,
      `${a.book}${b.clientCard}`,
      `${b.book}${b.witnessCard}`,
    ])
      await run(dav({ label: 'a DELETE of nothing of A', method: 'DELETE', path, statuses: [404] }));
    for (const path of [
      '/dav/',
      `/dav/addressbooks/${a.user.accountId}/`,
      a.book,
      `/dav/principals/${a.user.accountId}/`,
    ])
      await run(dav({ label: 'a DELETE of a collection', method: 'DELETE', path, statuses: [403, 405] }));
    // GET with junk If-None-Match still answers the card.
    for (const inm of ['junk', '"', '*, junk', `W/"x", ${'"y", '.repeat(500)}"z"`])
      await run(
        dav({
          label: `If-None-Match ${inm.slice(0, 20)}`,
          method: 'GET',
          path: witness,
          headers: { 'if-none-match': inm },
          statuses: [200, 304],
        }),
      );
    expect(failures).toEqual([]);
  });

  it('CardDAV: methods it does not offer (MKCOL, MOVE, COPY, LOCK, …) are refused with 405 and Allow, never a 5xx', async () => {
    const witness = `${a.book}${a.witnessCard}`;
    for (const method of ['MKCOL', 'MOVE', 'COPY', 'LOCK', 'UNLOCK', 'POST', 'PATCH'])
      for (const path of ['/dav/', a.book, witness, `${a.book}new-thing/`]) {
        const headers = {
          destination: `${server.base()}${b.book}moved.vcf`,
          overwrite: 'T',
          'lock-token': '<urn:uuid:x>',
          'content-type': 'application/xml',
        };
        const body =
          method === 'LOCK'
            ? '<d:lockinfo xmlns:d="DAV:"><d:lockscope><d:exclusive/></d:lockscope></d:lockinfo>'
            : '';
        await run(dav({ label: 'as A', method, path, headers, body, statuses: [405] }));
        await run(
          dav({ label: 'without a login', method, path, as: 'nobody', headers, body, statuses: [401] }),
        );
        // The root is everyone's; below it, A's paths are not there for B.
        await run(
          dav({
            label: 'as B',
            method,
            path,
            as: b,
            headers,
            body,
            statuses: path === '/dav/' ? [405] : [404],
          }),
        );
      }
    const options = await run(dav({ label: 'OPTIONS', method: 'OPTIONS', path: a.book, statuses: [200] }));
    expect(options.headers.allow).not.toMatch(/MOVE|COPY|LOCK|MKCOL/);
    expect(failures).toEqual([]);
  });

  // --- The calendar feed --------------------------------------------------------------------------------------

  it('the calendar feed: garbage, revoked, long and NUL tokens are a bare 404; junk If-None-Match still serves it', async () => {
    const token = feedPath.replace(/^\/feeds\//, '').replace(/\.ics$/, '');
    const secrets = [...a.secrets, ...b.secrets];
    /** A path that is not the live feed's reads nothing of anyone (a path no route takes is the web app's page). */
    const bad = (label: string, path: string, statuses: number[], method = 'GET') =>
      run({ label: `${label} (${path.slice(0, 60)})`, method, path, statuses, secrets, webApp: true });
    /** The live feed with odd headers: it answers as ever (it is A's agenda: the token is the credential). */
    const live = (
      label: string,
      headers: Record<string, string>,
      statuses: number[],
      method = 'GET',
      path = feedPath,
    ) => run({ label, method, path, headers, statuses });
    for (const [label, t] of [
      ['a short token', 'x'],
      ['a token of the right shape', 'A'.repeat(43)],
      ['a forged token', forgeToken(token)],
      ['the token in upper case', token.toUpperCase()],
      ['the token with one more character', `${token}A`],
      ['the token cut short', token.slice(0, 42)],
      ['NUL', '%00'],
      ['NUL inside the token', `${token.slice(0, 20)}%00${token.slice(21)}`],
      ['NUL after the token', `${token}%00`],
      ['invalid UTF-8', '%FF%FE'],
      ['an encoded lone surrogate', '%ED%A0%80'],
      ['..', '..'],
      ['encoded ..', '%2e%2e'],
      ['an encoded slash', '..%2F..%2Fetc%2Fpasswd'],
      ['SQL', encodeURIComponent("x' OR '1'='1")],
      ['emoji', encodeURIComponent('🙂')],
      ['a 100-character token', 'a'.repeat(100)],
      // Past the router's longest parameter the feed route does not take it: the web app's page, or its 404.
      ['a 101-character token', 'a'.repeat(101)],
      ['a 5,000-character token', 'a'.repeat(5000)],
    ] as const) {
      await bad(label, `/feeds/${t}.ics`, [200, 400, 404]);
      await bad(label, `/feeds/${t}.ics`, [200, 400, 404], 'HEAD');
    }
    await bad('a bad escape', '/feeds/%zz.ics', [400]);
    await bad('the revoked feed', revokedFeedPath, [404]);
    await bad('no token', '/feeds/.ics', [200, 404]);
    await bad('the token twice', `/feeds/${token}.ics.ics`, [404]);
    await bad('no .ics', `/feeds/${token}`, [200, 404]);
    await bad('the wrong extension', `/feeds/${token}.ICS`, [200, 404]);
    await bad('another segment below', `/feeds/${token}.ics/x`, [200, 404]);
    await bad('an empty segment', `/feeds//${token}.ics`, [200, 404]);
    await bad('a dot segment', `/feeds/./${token}.ics`, [200, 404]);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND'])
      await bad(`${method} on the feed`, feedPath, [404, 405], method);
    await live('a query string', {}, [200], 'GET', `${feedPath}?token=${'A'.repeat(43)}&x=%00&y=%zz`);
    for (const inm of ['junk', '"', 'W/', '*', '"a", , ,W/""', `${'"x", '.repeat(2000)}"y"`])
      await live(`If-None-Match ${inm.slice(0, 12)}`, { 'if-none-match': inm }, [200, 304]);
    await live('If-Modified-Since junk', { 'if-modified-since': 'yesterday-ish' }, [200]);
    await live('a Range past the end', { range: 'bytes=999999-' }, [200, 206, 416]);
    await live('HEAD', {}, [200], 'HEAD');
    expect(failures).toEqual([]);
    expect((await stored()).feed).toEqual((before as { feed: unknown }).feed);
  });

  // --- The digest's unsubscribe link --------------------------------------------------------------------------

  it('the digest unsubscribe link: garbage, foreign and forged links change nothing; bad form bodies are refused', async () => {
    const keyOf = async (id: string) => (await unsubscribeKeyOf(server.handle().db, id)) as string;
    const aPath = new URL(unsubscribeUrl('http://x.test', a.user.accountId, await keyOf(a.user.accountId)))
      .pathname;
    const bPath = new URL(unsubscribeUrl('http://x.test', b.user.accountId, await keyOf(b.user.accountId)))
      .pathname;
    const aToken = aPath.split('/').pop() as string;
    const bToken = bPath.split('/').pop() as string;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const link = (
      label: string,
      path: string,
      statuses: number[],
      body?: string | Buffer,
      headers: Record<string, string> = form,
    ) =>
      run({
        label: `${label} (${path.slice(0, 70)})`,
        method: body === undefined ? 'GET' : 'POST',
        path,
        headers: body === undefined ? {} : headers,
        body,
        statuses,
        secrets: [...a.secrets, ...b.secrets],
      });
    const oneClick = 'List-Unsubscribe=One-Click';
    const paths: [string, string][] = [
      ["A's account with B's token", `/digest/unsubscribe/${a.user.accountId}/${bToken}`],
      ["B's account with A's token", `/digest/unsubscribe/${b.user.accountId}/${aToken}`],
      ['a forged token', `/digest/unsubscribe/${a.user.accountId}/${forgeToken(aToken)}`],
      ['the account in upper case', `/digest/unsubscribe/${a.user.accountId.toUpperCase()}/${aToken}`],
      ['a missing account', `/digest/unsubscribe/01900000-0000-7000-8000-000000000000/${aToken}`],
      ['not an id', `/digest/unsubscribe/not-an-id/${aToken}`],
      ['an empty token', `/digest/unsubscribe/${a.user.accountId}/`],
      ['a 100-character token', `/digest/unsubscribe/${a.user.accountId}/${'t'.repeat(100)}`],
      ['a 5,000-character token', `/digest/unsubscribe/${a.user.accountId}/${'t'.repeat(5000)}`],
      ['NUL', `/digest/unsubscribe/${a.user.accountId}/%00`],
      ['NUL after the token', `/digest/unsubscribe/${a.user.accountId}/${aToken}%00`],
      ['NUL in the account', `/digest/unsubscribe/${a.user.accountId}%00/${aToken}`],
      ['invalid UTF-8', `/digest/unsubscribe/${a.user.accountId}/%FF%FE`],
      ['an encoded lone surrogate', `/digest/unsubscribe/${a.user.accountId}/%ED%A0%80`],
      ['a bad escape', `/digest/unsubscribe/${a.user.accountId}/%zz`],
      ['..', `/digest/unsubscribe/${a.user.accountId}/..`],
      ['an encoded slash', `/digest/unsubscribe/${a.user.accountId}%2F${aToken}/x`],
      ['a token with a slash', `/digest/unsubscribe/${a.user.accountId}/${aToken}/x`],
    ];
    for (const [label, path] of paths) {
      await link(label, path, [200, 400, 404]);
      await link(label, path, [400, 404], oneClick);
    }
    // The good link with bodies that are not the one-click form: the button's form, or junk of every kind.
    for (const [label, body, headers, statuses] of [
      ['a 2,000-byte form', `${oneClick}&x=${'y'.repeat(2000)}`, form, [413]],
      ['JSON', '{"List-Unsubscribe":"One-Click"', { 'content-type': 'application/json' }, [400]],
      ['XML', '<x/>', { 'content-type': 'application/xml' }, [400, 415]],
      [
        'multipart',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
        { 'content-type': 'multipart/form-data; boundary=y' },
        [400, 415],
      ],
      [
        'a bad charset',
        oneClick,
        { 'content-type': 'application/x-www-form-urlencoded; charset=utf-7' },
        [400, 415],
      ],
    ] as const) {
      for (const path of [
        `/digest/unsubscribe/${a.user.accountId}/${bToken}`,
        `/digest/unsubscribe/not-an-id/${aToken}`,
      ])
        await link(label, path, [...statuses, 404], body, headers);
    }
    for (const method of ['PUT', 'DELETE', 'PATCH'])
      await run({
        label: `${method} on the link`,
        method,
        path: aPath,
        body: oneClick,
        headers: form,
        statuses: [404, 405],
      });
    expect(failures).toEqual([]);
    expect((await stored()).settings).toEqual([true, true]);
    // A third account's good link: GET only asks; a POST turns the digest off, and its replay keeps it off.
    const c = await server.user('Cleo Subscriber');
    await c.patch('/api/v1/settings', { digestEnabled: true });
    const cPath = new URL(unsubscribeUrl('http://x.test', c.accountId, await keyOf(c.accountId))).pathname;
    await link('the good link', cPath, [200]);
    expect((await c.get('/api/v1/settings')).body.digestEnabled).toBe(true);
    await link('the good link', cPath, [200], oneClick);
    await link('the good link, replayed', cPath, [200], oneClick);
    await link('the good link, replayed with JSON', cPath, [200], '{}', {
      'content-type': 'application/json',
    });
    expect(failures).toEqual([]);
    expect((await c.get('/api/v1/settings')).body.digestEnabled).toBe(false);
    expect((await stored()).settings).toEqual([true, true]);
  });

  // --- The introduction link pages ----------------------------------------------------------------------------

  it('introduction links: garbage, forged, expired and spent links are the same 404; bad forms never decide', async () => {
    const db = server.handle().db;
    const [requester, broker] = await connectedUsers(server, 'Rita Requester', 'Bruno Broker');
    /** An introduction waiting on its person, and the secret of the link the person was mailed. */
    const waiting = async (n: number) => {
      const email = `tara.${n}.${engine}@target.example`;
      const target = await broker.post('/api/v1/contacts', {
        displayName: `Tara Target ${n}`,
        emails: [{ value: email }],
        notes: `TARGET-SECRET-${n}`,
      });
      await db.updateTable('contacts').set({ share: 'findable' }).where('id', '=', target.body.id).execute();
      const created = await requester.post('/api/v1/introductions', {
        brokerId: broker.accountId,
        contactId: target.body.id,
        why: 'A reason that is long enough to be read',
      });
      expect(created.status).toBe(201);
      const accepted = await broker.post(`/api/v1/introductions/${created.body.id}/broker-decision`, {
        decision: 'accept',
      });
      expect(accepted.body.state).toBe('awaiting-target');
      const mail = mails.filter((m) => m.to.address === email).pop();
      const token = /\/intro\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
      if (!token) throw new Error('no introduction link in the mail');
      return { id: created.body.id as string, token };
    };
    const stateOf = async (id: string) => (await broker.get(`/api/v1/introductions/${id}`)).body.state;
    const secrets = [...a.secrets, ...b.secrets, 'TARGET-SECRET'];
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const page = (
      label: string,
      method: string,
      path: string,
      statuses: number[],
      body?: string | Buffer,
      headers: Record<string, string> = form,
    ) =>
      run({
        label: `${label} (${path.slice(0, 60)})`,
        method,
        path,
        headers: body === undefined ? {} : headers,
        body,
        statuses,
        secrets,
      });

    const open = await waiting(1);
    const good = `/intro/${open.token}`;
    const gone = await net.send({ method: 'GET', path: `/intro/${'A'.repeat(43)}` });
    expect(gone.status).toBe(404);
    // Links that were never good: one 404 page for GET and POST alike (or a 400 where the router cannot read it).
    for (const [label, t] of [
      ['a short token', 'x'],
      ['a token of the right shape', 'A'.repeat(43)],
      ['a forged token', forgeToken(open.token)],
      ['the token in upper case', open.token.toUpperCase()],
      ['the token with one more character', `${open.token}A`],
      ['the token cut short', open.token.slice(0, 31)],
      ['a 64-character token', 'A'.repeat(64)],
      ['a 100-character token', 'a'.repeat(100)],
      ['a 5,000-character token', 'a'.repeat(5000)],
      ['NUL', '%00'],
      ['NUL after the token', `${open.token}%00`],
      ['invalid UTF-8', '%FF%FE'],
      ['an encoded lone surrogate', '%ED%A0%80'],
      ['a bad escape', '%zz'],
      ['..', '..'],
      ['encoded ..', '%2e%2e'],
      ['an encoded slash', `..%2F..%2F${open.token}`],
      ['the token below another segment', `${open.token}/x`],
      ['SQL', encodeURIComponent("x' OR '1'='1")],
    ] as const) {
      const get = await page(label, 'GET', `/intro/${t}`, [200, 400, 404]);
      // Within the router's longest parameter, the link page's own 404 (past it, the web app's).
      if (get.status === 404 && !t.includes('/') && t.length <= 100)
        expect([label, get.text]).toEqual([label, gone.text]);
      await page(label, 'POST', `/intro/${t}`, [400, 404], 'decision=accept&share=email');
    }
    // The good link with forms that decide nothing: a 400 that asks again, or the request refused before it.
    for (const [label, body, headers, statuses] of [
      ['an empty form', '', form, [400]],
      ['no decision', 'share=email', form, [400]],
      ['an unknown decision', 'decision=maybe', form, [400]],
      ['a NUL decision', 'decision=%00accept', form, [400]],
      ['a decision in upper case', 'decision=ACCEPT', form, [400]],
      ['a decision with spaces', 'decision=+accept+', form, [400]],
      ['a broken escape', 'decision=%zz&share=%', form, [400]],
      ['invalid UTF-8', Buffer.from([...Buffer.from('decision='), 0xff, 0xfe]), form, [400]],
      ['a 3,000-byte form', `decision=accept&x=${'y'.repeat(3000)}`, form, [413]],
      [
        'JSON that would decide',
        '{"decision":"accept","share":["email"]}',
        { 'content-type': 'application/json' },
        [400],
      ],
      ['malformed JSON', '{"decision":', { 'content-type': 'application/json' }, [400]],
      ['text that would decide', 'decision=accept', { 'content-type': 'text/plain' }, [400, 415]],
      ['XML', '<decision>accept</decision>', { 'content-type': 'application/xml' }, [400, 415]],
      [
        'multipart that would decide',
        '--x\r\nContent-Disposition: form-data; name="decision"\r\n\r\naccept\r\n--x--\r\n',
        { 'content-type': 'multipart/form-data; boundary=x' },
        [400, 415],
      ],
      ['no Content-Type', 'decision=accept', {}, [400, 415]],
      [
        'a bad charset',
        'decision=maybe',
        { 'content-type': 'application/x-www-form-urlencoded; charset=utf-7' },
        [400, 415],
      ],
    ] as const) {
      await page(label, 'POST', good, statuses as unknown as number[], body, headers);
    }
    await page('a GET with a deciding body', 'GET', good, [200], 'decision=accept');
    for (const method of ['PUT', 'DELETE', 'PATCH'])
      await page(`${method} with a deciding form`, method, good, [404, 405], 'decision=accept');
    expect(await stateOf(open.id)).toBe('awaiting-target');
    const view = await page('the good link', 'GET', good, [200]);
    expect(view.text).toContain('<form method="post">');

    // Decided once: replays, either way, are the 404 page and change nothing.
    await page('the decision', 'POST', good, [200], 'decision=decline');
    expect(await stateOf(open.id)).toBe('target-declined');
    for (const body of ['decision=accept&share=email', 'decision=decline', 'decision=maybe'])
      expect([body, (await page('a replay', 'POST', good, [404], body)).text]).toEqual([body, gone.text]);
    expect((await page('the spent link', 'GET', good, [404])).text).toBe(gone.text);
    expect(await stateOf(open.id)).toBe('target-declined');

    // Expired: a link past its time is the same 404, and nothing is shared.
    const late = await waiting(2);
    clock.set('2027-12-31T09:00:00.000Z');
    expect((await page('an expired link', 'GET', `/intro/${late.token}`, [404])).text).toBe(gone.text);
    expect(
      (await page('an expired link', 'POST', `/intro/${late.token}`, [404], 'decision=accept&share=email'))
        .text,
    ).toBe(gone.text);
    clock.set(NOW);
    expect(await stateOf(late.id)).toBe('expired');
    expect(failures).toEqual([]);
  });

  it('afterwards the server is up and nothing stored changed: witnesses, cards, feed, settings', async () => {
    expect(sent).toBeGreaterThan(1000);
    expect((await a.user.get('/api/v1/health')).status).toBe(200);
    // What the barrage stored (crowded and odd cards) is served: the whole book, a sync, the contacts.
    await run(
      dav({
        label: 'the whole book with its cards',
        method: 'PROPFIND',
        path: a.book,
        headers: { depth: '1' },
        body: propfind('<d:getetag/>', '<c:address-data/>'),
        statuses: [207],
      }),
    );
    await run(
      dav({
        label: 'a sync from nothing',
        method: 'REPORT',
        path: a.book,
        body: syncCollection(''),
        statuses: [207],
      }),
    );
    expect((await a.user.get('/api/v1/contacts?limit=100')).status).toBe(200);
    expect(failures).toEqual([]);
    expect(await stored()).toEqual(before);
  });
});
