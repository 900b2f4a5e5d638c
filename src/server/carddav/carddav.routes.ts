import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiTokenScope } from '../../contracts/auth';
import { tokenMayUse } from '../../core/accounts/api-token-scope';
import { authenticateAppPassword } from '../../core/accounts/authenticate';
import { deleteCard } from '../../core/carddav/delete-card';
import { putCard } from '../../core/carddav/put-card';
import { queryAddressBook } from '../../core/carddav/query-address-book';
import { readCards } from '../../core/carddav/read-cards';
import { syncAddressBook } from '../../core/carddav/sync-address-book';
import { trackAddressBook } from '../../core/carddav/track-address-book';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { etagListed } from '../../core/etag';
import {
  CARD,
  CS,
  DAV,
  DavPreconditionError,
  type DavResponse,
  DavXmlError,
  davError,
  keyOf,
  multistatus,
  type PropValue,
  readPropertyUpdate,
  readPropfind,
  readQuery,
  readReport,
  type XmlName,
} from './dav-xml';

export interface CarddavOptions {
  /** A context without an actor: the Basic credentials say whose address book it is. */
  baseCtx: (req: FastifyRequest) => Ctx;
}

const METHODS = ['PROPFIND', 'REPORT', 'PROPPATCH', 'MKCOL'];
// Methods a client may try that the address book does not offer: 405 with Allow, like MKCOL (never the app's 404).
const REFUSED = ['POST', 'PATCH', 'MOVE', 'COPY', 'LOCK', 'UNLOCK'];
const ALLOW = 'OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT';
// What a client may PUT at most (advertised as max-resource-size): a card with a photo.
export const MAX_CARD_BYTES = 1024 * 1024;
const BOOK = 'contacts';
const XML = 'application/xml; charset=utf-8';
// Sync tokens are URIs (RFC 6578) holding the number of the address book's last change.
const SYNC_TOKEN = 'urn:rapport:carddav:sync:';
const syncTokenOf = (seq: number) => `${SYNC_TOKEN}${seq}`;
const READ_ONLY =
  'This token is read-only: the address book can be read with it but not changed (make a full-access token in Settings → API tokens)';
const PRECONDITION_FAILED =
  'Precondition failed: the card is not at the version If-Match names, or If-None-Match matched it';

type Props = Map<string, { name: XmlName; value: PropValue }>;
function props(entries: [string, string, PropValue][]): Props {
  return new Map(entries.map(([ns, local, value]) => [keyOf({ ns, local }), { name: { ns, local }, value }]));
}
const text =
  (s: string): PropValue =>
  (el) =>
    void el.txt(s);
const href =
  (h: string): PropValue =>
  (el) =>
    void el.ele(DAV, 'd:href').txt(h);
const nothing: PropValue = () => {};

/** Where a request points, once the path is read. */
type Target =
  | { kind: 'root' }
  | { kind: 'principal' }
  | { kind: 'home' }
  | { kind: 'book' }
  | { kind: 'card'; name: string };

/**
 * The card name a path segment (or a multiget href's last segment) stands for, percent-decoded (`asIs`: taken as
 * written when it does not decode); null when no card can have it: empty, `.` or `..` (a client resolving the href
 * would leave the address book), NUL (no text can hold it), or past 255 characters.
 */
function cardNameOf(segment: string, opts: { asIs?: boolean } = {}): string | null {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    if (!opts.asIs) return null;
    name = segment;
  }
  if (!name || name === '.' || name === '..' || name.includes('\u0000') || name.length > 255) return null;
  return name;
}

function targetOf(path: string, accountId: string): Target | null {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'dav') return null;
  const [, area, account, book, card, ...rest] = parts;
  if (area === undefined) return { kind: 'root' };
  if (account !== accountId || rest.length > 0) return null; // another account's address book is simply not there
  if (area === 'principals' && book === undefined) return { kind: 'principal' };
  if (area !== 'addressbooks') return null;
  if (book === undefined) return { kind: 'home' };
  if (book !== BOOK) return null;
  if (card === undefined) return { kind: 'book' };
  const name = cardNameOf(card);
  return name === null ? null : { kind: 'card', name };
}

/**
 * CardDAV (RFC 6352) for phones and desktop address books, one address book per account at
 * /dav/addressbooks/<account>/contacts/, discovered from /.well-known/carddav. Login: the account's e-mail and an
 * API token as app password (HTTP Basic). Cards are the contacts, generated as vCard 3.0; a card a client writes
 * keeps its name, UID and unknown properties. docs/adr/0018-carddav.md says what is left out and why.
 */
export async function registerCarddav(app: FastifyInstance, opts: CarddavOptions): Promise<void> {
  for (const m of [...METHODS, ...REFUSED])
    if (!app.supportedMethods.includes(m)) app.addHttpMethod(m, { hasBody: true });

  const scope: FastifyPluginAsync = async (dav) => {
    // Bodies are read as text: XML for PROPFIND and REPORT, vCard for PUT, whatever the client calls it.
    dav.removeAllContentTypeParsers();
    dav.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_CARD_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    // A card past max-resource-size is refused naming that precondition (RFC 6352 §6.3.2.1), as DAV clients read
    // it, not with the API's JSON error; every other error goes on to the app's handler.
    dav.setErrorHandler((error, req, reply) => {
      const code = (error as { code?: string }).code;
      // A Content-Type that is no media type at all (`vcard`): say so in DAV's plain text, not the API's JSON advice.
      if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        const named = String(req.headers['content-type'] ?? '').slice(0, 100);
        return refuse(
          reply,
          400,
          `The Content-Type "${named}" is not a media type: send cards as text/vcard`,
        );
      }
      if (code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      const why = `The request is over ${MAX_CARD_BYTES} bytes (1 MiB), the most this address book takes`;
      if (req.method === 'PUT') return refuseDav(reply, 413, { ns: CARD, local: 'max-resource-size' }, why);
      return refuse(reply, 413, why);
    });
    // Discovery (RFC 6764), before any login.
    dav.route({
      method: ['GET', 'PROPFIND'],
      url: '/.well-known/carddav',
      schema: { hide: true },
      handler: (_req, reply) => reply.redirect('/dav/', 301),
    });
    // The README tells people to enter the server's address; a client that asks the address as typed before
    // trying the well-known path (RFC 6764 §6 allows either) is sent on the same way. GET / stays the web app.
    dav.route({
      method: 'PROPFIND',
      url: '/',
      schema: { hide: true },
      handler: (_req, reply) => reply.redirect('/dav/', 301),
    });
    const handler = async (req: FastifyRequest, reply: FastifyReply) => serve(req, reply, opts);
    dav.route({
      method: ['OPTIONS', 'GET', 'PUT', 'DELETE', ...METHODS, ...REFUSED],
      url: '/dav',
      schema: { hide: true },
      handler,
    });
    dav.route({
      method: ['OPTIONS', 'GET', 'PUT', 'DELETE', ...METHODS, ...REFUSED],
      url: '/dav/*',
      schema: { hide: true },
      handler,
    });
  };
  await app.register(scope);
}

function unauthorised(reply: FastifyReply) {
  return reply
    .code(401)
    .header('www-authenticate', 'Basic realm="Rapport", charset="UTF-8"')
    .type('text/plain; charset=utf-8')
    .send('Sign in with your e-mail address and an API token (Settings → API tokens) as the password.\n');
}

async function login(
  req: FastifyRequest,
  base: Ctx,
): Promise<{ ctx: Ctx; name: string; scope: ApiTokenScope } | null> {
  const header = req.headers.authorization ?? '';
  const [scheme, value] = header.split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !value) return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const who = await authenticateAppPassword(base, decoded.slice(0, colon), decoded.slice(colon + 1));
  return who
    ? { ctx: { ...base, actor: { accountId: who.accountId } }, name: who.name, scope: who.scope }
    : null;
}

async function serve(req: FastifyRequest, reply: FastifyReply, opts: CarddavOptions) {
  void reply.header('dav', '1, 3, addressbook');
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) return reply.code(204).send();
  const who = await login(req, opts.baseCtx(req));
  if (!who) return unauthorised(reply);
  // A read-only token syncs the address book one way: reads (GET, PROPFIND, REPORT) only, every write refused.
  if (!tokenMayUse(who.scope, req.method)) return refuse(reply, 403, READ_ONLY);
  const accountId = who.ctx.actor?.accountId as string;
  const path = req.url.split('?')[0] as string;
  const target = targetOf(path, accountId);
  if (!target) return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
  const urls = {
    root: '/dav/',
    principal: `/dav/principals/${accountId}/`,
    home: `/dav/addressbooks/${accountId}/`,
    book: `/dav/addressbooks/${accountId}/${BOOK}/`,
    card: (name: string) => `/dav/addressbooks/${accountId}/${BOOK}/${encodeURIComponent(name)}`,
  };
  try {
    switch (req.method) {
      case 'OPTIONS':
        return reply.header('allow', ALLOW).code(200).send();
      case 'PROPFIND':
        return await propfind(req, reply, who, target, urls);
      case 'REPORT':
        return await report(req, reply, who.ctx, target, urls);
      case 'GET':
      case 'HEAD': {
        if (target.kind !== 'card') {
          return reply.type('text/plain; charset=utf-8').send('Rapport address book (CardDAV)\n');
        }
        const card = (await readCards(who.ctx, [target.name])).get(target.name);
        if (!card) return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
        void reply.header('etag', card.etag);
        const inm = header(req, 'if-none-match');
        if (inm !== undefined && etagListed(inm, card.etag, { weak: true })) return reply.code(304).send();
        return reply.type('text/vcard; charset=utf-8').send(card.text);
      }
      case 'PUT': {
        if (target.kind !== 'card') return refuse(reply, 405, 'Only cards can be written, not collections');
        const outcome = await putCard(who.ctx, target.name, typeof req.body === 'string' ? req.body : '', {
          ifMatch: header(req, 'if-match'),
          ifNoneMatch: header(req, 'if-none-match'),
        });
        if (outcome.status === 'precondition-failed') return refuse(reply, 412, PRECONDITION_FAILED);
        if (outcome.status === 'uid-conflict') {
          const why = `Another card of this address book has this UID: ${outcome.card}`;
          return refuseDav(reply, 409, { ns: CARD, local: 'no-uid-conflict' }, why, urls.card(outcome.card));
        }
        if (outcome.status === 'merged') {
          return refuse(
            reply,
            409,
            'This card was merged into another contact; sync again to get the card it is part of now',
          );
        }
        // No ETag: what the client GETs back is generated, not the bytes it sent (RFC 7231 §4.3.4).
        return reply.code(outcome.status === 'created' ? 201 : 204).send();
      }
      case 'DELETE': {
        if (target.kind !== 'card') return refuse(reply, 403, 'Only cards can be deleted, not collections');
        const outcome = await deleteCard(who.ctx, target.name, header(req, 'if-match'));
        if (outcome === 'not-found') return refuse(reply, 404, 'Not found');
        if (outcome === 'precondition-failed') return refuse(reply, 412, PRECONDITION_FAILED);
        return reply.code(204).send();
      }
      case 'PROPPATCH': {
        // A card that is not there (or not the actor's) has no properties to protect: 404, as GET answers.
        if (target.kind === 'card' && !(await readCards(who.ctx, [target.name])).has(target.name))
          return refuse(reply, 404, 'Not found');
        // Nothing here is writable: every property asked to change is protected.
        const names = readPropertyUpdate(typeof req.body === 'string' ? req.body : '');
        const denied: DavResponse = {
          href: path,
          props: new Map(),
          asked: { all: false, props: names },
          missingStatus: 'HTTP/1.1 403 Forbidden',
        };
        return reply
          .code(207)
          .type(XML)
          .send(multistatus([denied]));
      }
      default:
        return refuse(reply, 405, `${req.method} is not offered here`);
    }
  } catch (e) {
    if (e instanceof DavXmlError)
      return reply.code(400).type('text/plain; charset=utf-8').send(`${e.message}\n`);
    if (e instanceof DavPreconditionError) return refuseDav(reply, e.status, e.precondition, e.message);
    if (e instanceof AppError && e.code === 'validation') {
      // RFC 6352 §6.3.2.1: not exactly one complete vCard the address book can keep; nothing was stored.
      // The card's own issue without its name (the client knows it); a field's, with the field.
      const issue = e.details.issues?.[0];
      const why = issue?.path === 'card' ? issue.message : e.message;
      const reason = `Not a card this address book can keep: ${why}`;
      return refuseDav(reply, 403, { ns: CARD, local: 'valid-address-data' }, reason);
    }
    throw e;
  }
}

/** A refusal with a short reason (WebDAV clients show the status; people reading logs, the reason). */
function refuse(reply: FastifyReply, status: number, reason: string) {
  if (status === 405) void reply.header('allow', ALLOW);
  return reply.code(status).type('text/plain; charset=utf-8').send(`${reason}\n`);
}

/** A refusal naming the precondition that failed (RFC 4918 §16), with a reason and the resource it is about. */
function refuseDav(
  reply: FastifyReply,
  status: number,
  precondition: XmlName,
  reason?: string,
  href?: string,
) {
  return reply
    .code(status)
    .type(XML)
    .send(davError(precondition, reason, href));
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** A card's properties in a multistatus (its text only where asked for). */
const cardProps = (etag: string, cardText?: string): Props =>
  props([
    [DAV, 'getetag', text(etag)],
    [DAV, 'getcontenttype', text('text/vcard; charset=utf-8')],
    [DAV, 'resourcetype', nothing],
    ...(cardText === undefined
      ? []
      : ([[CARD, 'address-data', text(cardText)]] as [string, string, PropValue][])),
  ]);

type Urls = {
  root: string;
  principal: string;
  home: string;
  book: string;
  card: (name: string) => string;
};

async function propfind(
  req: FastifyRequest,
  reply: FastifyReply,
  who: { ctx: Ctx; name: string; scope: ApiTokenScope },
  target: Target,
  urls: Urls,
) {
  const depth = (header(req, 'depth') ?? 'infinity').toLowerCase();
  if (depth !== '0' && depth !== '1' && depth !== 'infinity')
    return refuse(reply, 400, 'Depth: must be 0, 1 or infinity');
  const asked = readPropfind(typeof req.body === 'string' ? req.body : '');
  const deep = depth !== '0';
  const common: [string, string, PropValue][] = [
    [DAV, 'current-user-principal', href(urls.principal)],
    [DAV, 'principal-URL', href(urls.principal)],
    [CARD, 'addressbook-home-set', href(urls.home)],
    [DAV, 'owner', href(urls.principal)],
  ];
  const collection: PropValue = (el) => void el.ele(DAV, 'd:collection');
  // What this login may do (RFC 3744): DAVx5 makes an address book without write privileges read-only on the
  // phone; advertised to a read-only token, every edit made there would fail to upload, sync after sync.
  const allowed = tokenMayUse(who.scope, 'PUT')
    ? ['read', 'write', 'write-content', 'bind', 'unbind']
    : ['read'];
  const privileges: PropValue = (el) => {
    for (const p of allowed) el.ele(DAV, 'd:privilege').ele(DAV, `d:${p}`);
  };
  const responses: DavResponse[] = [];
  // The book's tag, token and cards: only where the answer holds the book.
  const tracked =
    target.kind === 'book' || (target.kind === 'home' && deep) ? await trackAddressBook(who.ctx) : null;
  const book = (): DavResponse => ({
    href: urls.book,
    asked,
    props: props([
      ...common,
      [
        DAV,
        'resourcetype',
        (el) => {
          el.ele(DAV, 'd:collection');
          el.ele(CARD, 'card:addressbook');
        },
      ],
      [DAV, 'displayname', text('Rapport')],
      [CARD, 'addressbook-description', text(`${who.name}'s contacts in Rapport`)],
      [CS, 'getctag', text(tracked?.ctag ?? '')],
      [DAV, 'sync-token', text(syncTokenOf(tracked?.seq ?? 0))],
      [
        CARD,
        'supported-address-data',
        (el) =>
          void el.ele(CARD, 'card:address-data-type').att('content-type', 'text/vcard').att('version', '3.0'),
      ],
      [CARD, 'max-resource-size', text(String(MAX_CARD_BYTES))],
      [
        DAV,
        'supported-report-set',
        (el) => {
          el.ele(DAV, 'd:supported-report').ele(DAV, 'd:report').ele(CARD, 'card:addressbook-multiget');
          el.ele(DAV, 'd:supported-report').ele(DAV, 'd:report').ele(CARD, 'card:addressbook-query');
          el.ele(DAV, 'd:supported-report').ele(DAV, 'd:report').ele(DAV, 'd:sync-collection');
        },
      ],
      [DAV, 'current-user-privilege-set', privileges],
    ]),
  });
  switch (target.kind) {
    case 'root':
      responses.push({
        href: urls.root,
        asked,
        props: props([...common, [DAV, 'resourcetype', collection], [DAV, 'displayname', text('Rapport')]]),
      });
      break;
    case 'principal':
      responses.push({
        href: urls.principal,
        asked,
        props: props([
          ...common,
          [DAV, 'resourcetype', (el) => void el.ele(DAV, 'd:principal')],
          [DAV, 'displayname', text(who.name)],
        ]),
      });
      break;
    case 'home':
      responses.push({
        href: urls.home,
        asked,
        props: props([
          ...common,
          [DAV, 'resourcetype', collection],
          [DAV, 'displayname', text(who.name)],
          [DAV, 'current-user-privilege-set', (el) => void el.ele(DAV, 'd:privilege').ele(DAV, 'd:read')],
        ]),
      });
      if (deep) responses.push(book());
      break;
    case 'book': {
      responses.push(book());
      if (!deep) break;
      const wantsData = asked.props.some((p) => p.ns === CARD && p.local === 'address-data');
      const texts = wantsData
        ? await readCards(
            who.ctx,
            (tracked?.cards ?? []).map((c) => c.name),
          )
        : null;
      for (const c of tracked?.cards ?? []) {
        responses.push({
          href: urls.card(c.name),
          asked,
          props: cardProps(c.etag, texts?.get(c.name)?.text),
        });
      }
      break;
    }
    case 'card': {
      const card = (await readCards(who.ctx, [target.name])).get(target.name);
      if (!card) return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
      responses.push({ href: urls.card(card.name), asked, props: cardProps(card.etag, card.text) });
      break;
    }
  }
  return reply.code(207).type(XML).send(multistatus(responses));
}

async function report(req: FastifyRequest, reply: FastifyReply, ctx: Ctx, target: Target, urls: Urls) {
  const body = readReport(typeof req.body === 'string' ? req.body : '');
  const is = (ns: string, local: string) => body.report.ns === ns && body.report.local === local;
  if (
    target.kind !== 'book' ||
    !(is(CARD, 'addressbook-multiget') || is(CARD, 'addressbook-query') || is(DAV, 'sync-collection'))
  ) {
    return refuseDav(reply, 403, { ns: DAV, local: 'supported-report' });
  }
  if (is(DAV, 'sync-collection')) return sync(reply, ctx, body, urls);
  if (is(CARD, 'addressbook-query')) {
    const { filter, limit } = readQuery(typeof req.body === 'string' ? req.body : '');
    const asked = { all: false, props: body.props };
    const found = await queryAddressBook(ctx, filter, limit);
    const responses = found.map((c) => ({
      href: urls.card(c.name),
      asked,
      props: cardProps(c.etag, c.text),
    }));
    return reply.code(207).type(XML).send(multistatus(responses));
  }
  // Hrefs come absolute or as paths, encoded or not: the card name is the last segment (none if no card has it).
  const names = body.hrefs.map((h) =>
    cardNameOf(h.replace(/\/+$/, '').split('/').pop() ?? '', { asIs: true }),
  );
  const cards = await readCards(
    ctx,
    names.filter((n): n is string => n !== null),
  );
  const asked = { all: false, props: body.props };
  const responses: DavResponse[] = body.hrefs.map((h, i) => {
    const name = names[i];
    const card = name == null ? undefined : cards.get(name);
    if (!card) return { href: h, status: 'HTTP/1.1 404 Not Found' };
    return { href: urls.card(card.name), asked, props: cardProps(card.etag, card.text) };
  });
  return reply.code(207).type(XML).send(multistatus(responses));
}

/** RFC 6578: what changed since the client's token (everything on a first sync), and the next token. */
async function sync(reply: FastifyReply, ctx: Ctx, body: ReturnType<typeof readReport>, urls: Urls) {
  const token = body.syncToken;
  const since = token === '' ? null : (positionOf(token) ?? Number.NaN);
  const result = await syncAddressBook(ctx, since, body.limit);
  if (!result.ok) {
    return refuseDav(reply, 403, { ns: DAV, local: 'valid-sync-token' });
  }
  const asked = { all: false, props: body.props };
  const wantsData = body.props.some((p) => p.ns === CARD && p.local === 'address-data');
  const texts = wantsData
    ? await readCards(
        ctx,
        result.changed.map((c) => c.name),
      )
    : null;
  const responses: DavResponse[] = [
    ...result.changed.map((c) => ({
      href: urls.card(c.name),
      asked,
      props: cardProps(c.etag, texts?.get(c.name)?.text),
    })),
    ...result.removed.map((name) => ({ href: urls.card(name), status: 'HTTP/1.1 404 Not Found' })),
  ];
  // Cut at the client's limit (RFC 6578 §3.6): a 507 for the collection, and a token for the rest.
  if (result.next)
    responses.push({
      href: urls.book,
      status: 'HTTP/1.1 507 Insufficient Storage',
      error: { ns: DAV, local: 'number-of-matches-within-limits' },
    });
  const given = result.next
    ? `${syncTokenOf(result.next.seq)}.${Buffer.from(result.next.after ?? '').toString('base64url')}`
    : syncTokenOf(result.seq);
  return reply.code(207).type(XML).send(multistatus(responses, given));
}

/**
 * The position a sync token stands for: a change number as written (`…:0x1`, `…: 1` or `…:` is forged), then,
 * for an answer cut at a limit, `.` and the last card's name in base64url (written exactly as given out).
 */
function positionOf(token: string): { seq: number; after?: string } | null {
  const m = token.startsWith(SYNC_TOKEN)
    ? /^(0|[1-9][0-9]{0,15})(?:\.([A-Za-z0-9_-]{1,1400}))?$/.exec(token.slice(SYNC_TOKEN.length))
    : null;
  if (!m) return null;
  if (m[2] === undefined) return { seq: Number(m[1]) };
  const after = Buffer.from(m[2], 'base64url').toString('utf8');
  if (!after || Buffer.from(after).toString('base64url') !== m[2]) return null;
  return { seq: Number(m[1]), after };
}
