import { DOMParser, type Element } from '@xmldom/xmldom';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { CardFilter, PropFilter, TextMatch } from '../../formats/vcard/match-card-filter';

export const DAV = 'DAV:';
export const CARD = 'urn:ietf:params:xml:ns:carddav';
export const CS = 'http://calendarserver.org/ns/';
/** Rapport's own elements: the reason beside a DAV:error's precondition. */
export const RAPPORT = 'urn:rapport:dav';

/** A property or element name: clients pick any prefix (`D:`, `d:`, `x0:`, none), so names are compared by namespace. */
export interface XmlName {
  ns: string;
  local: string;
}
export const keyOf = (n: XmlName) => `${n.ns}|${n.local}`;

/** Writes a property's value into its element. */
export type PropValue = (into: XMLBuilder) => void;

export class DavXmlError extends Error {}

/** A request that breaks a WebDAV precondition: answered with `status` and the precondition in a DAV:error. */
export class DavPreconditionError extends Error {
  constructor(
    readonly status: number,
    readonly precondition: XmlName,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The collations a text-match may name (RFC 6352 §8.3), and whether each ignores case. `i;octet` compares the
 * exact characters; the other two ignore case, as an absent collation does.
 */
const COLLATIONS = new Map([
  ['i;ascii-casemap', true],
  ['i;unicode-casemap', true],
  ['i;octet', false],
]);

// What XML 1.0 cannot hold (control characters, lone surrogates, §2.2): a body holding one is refused (xmldom
// would read it as text), and a reason quoting a client's bytes has it replaced.
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function parse(body: string): Element | null {
  if (!body.trim()) return null;
  const at = body.search(NOT_XML);
  if (at >= 0) {
    const code = (body.codePointAt(at) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    throw new DavXmlError(`character U+${code} at offset ${at} is not allowed in XML`);
  }
  let root: Element | null = null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new DavXmlError(message);
      },
    }).parseFromString(body, 'application/xml');
    root = doc.documentElement;
  } catch (e) {
    throw e instanceof DavXmlError ? e : new DavXmlError(String(e));
  }
  if (!root) throw new DavXmlError('no root element');
  return root;
}

const children = (el: Element): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as unknown as Element);
  return out;
};
const nameOf = (el: Element): XmlName => ({ ns: el.namespaceURI ?? '', local: el.localName ?? el.nodeName });
const is = (el: Element, ns: string, local: string) => el.namespaceURI === ns && el.localName === local;

/** What a PROPFIND asks for: every property (an empty body or `allprop`), or the ones named. */
export function readPropfind(body: string): { all: boolean; props: XmlName[] } {
  const root = parse(body);
  if (!root) return { all: true, props: [] };
  if (!is(root, DAV, 'propfind')) throw new DavXmlError('expected a DAV:propfind body');
  const prop = children(root).find((c) => is(c, DAV, 'prop'));
  if (!prop) return { all: true, props: [] };
  return { all: false, props: children(prop).map(nameOf) };
}

/** The properties a PROPPATCH would set or remove. */
export function readPropertyUpdate(body: string): XmlName[] {
  const root = parse(body);
  if (!root || !is(root, DAV, 'propertyupdate')) throw new DavXmlError('expected a DAV:propertyupdate body');
  return children(root)
    .filter((c) => is(c, DAV, 'set') || is(c, DAV, 'remove'))
    .flatMap((c) => children(c).filter((p) => is(p, DAV, 'prop')))
    .flatMap((p) => children(p).map(nameOf));
}

/**
 * A REPORT body: which report, the properties asked for, the hrefs (addressbook-multiget) and the sync token
 * (sync-collection; empty on a first sync).
 */
export function readReport(body: string): {
  report: XmlName;
  props: XmlName[];
  hrefs: string[];
  syncToken: string;
  /** sync-collection's `<d:limit><d:nresults>` (RFC 6578 §3.7): at most this many members in the answer. */
  limit?: number;
} {
  const root = parse(body);
  if (!root) throw new DavXmlError('a REPORT needs a body');
  const limitEl = children(root).find((c) => is(c, DAV, 'limit'));
  const nresults = limitEl ? children(limitEl).find((c) => is(c, DAV, 'nresults')) : undefined;
  const limitText = nresults ? (nresults.textContent ?? '').trim() : undefined;
  if (limitText !== undefined && !/^[1-9][0-9]{0,8}$/.test(limitText))
    throw new DavXmlError(
      `the limit's nresults must be a whole number from 1, not "${limitText.slice(0, 20)}"`,
    );
  const prop = children(root).find((c) => is(c, DAV, 'prop'));
  const hrefs = children(root)
    .filter((c) => is(c, DAV, 'href'))
    .map((h) => (h.textContent ?? '').trim());
  const token = children(root).find((c) => is(c, DAV, 'sync-token'));
  return {
    report: nameOf(root),
    props: prop ? children(prop).map(nameOf) : [],
    hrefs,
    syncToken: (token?.textContent ?? '').trim(),
    ...(limitText === undefined ? {} : { limit: Number(limitText) }),
  };
}

/** Whether a text-match ignores case; a collation we do not offer is a 403 with the
 * supported-collation precondition (RFC 6352 §8.3; preconditions are 403 unless said otherwise, RFC 4791 §1.3). */
function caselessOf(tm: Element): boolean {
  if (!tm.hasAttribute('collation')) return true;
  const collation = tm.getAttribute('collation') ?? '';
  const caseless = COLLATIONS.get(collation);
  if (caseless !== undefined) return caseless;
  throw new DavPreconditionError(
    403,
    { ns: CARD, local: 'supported-collation' },
    `collation "${collation.slice(0, 60)}" is not supported; use ${[...COLLATIONS.keys()].join(', ')}`,
  );
}

const MATCH_TYPES = ['equals', 'contains', 'starts-with', 'ends-with'] as const;

/** A text-match's match-type, `contains` when absent (RFC 6352 §10.5.4); any other is a 403 supported-filter. */
function matchTypeOf(tm: Element): TextMatch['matchType'] {
  if (!tm.hasAttribute('match-type')) return 'contains';
  const given = tm.getAttribute('match-type') ?? '';
  const known = MATCH_TYPES.find((t) => t === given);
  if (known) return known;
  throw new DavPreconditionError(
    403,
    { ns: CARD, local: 'supported-filter' },
    `match-type "${given.slice(0, 60)}" is not supported; use ${MATCH_TYPES.join(', ')}`,
  );
}

/**
 * An addressbook-query body: its filter and the most results wanted (RFC 6352 §8.6). Parameter filters are not
 * evaluated, but a collation they name must still be one we offer.
 */
export function readQuery(body: string): { filter: CardFilter; limit?: number } {
  const root = parse(body);
  const filterEl = root ? children(root).find((c) => is(c, CARD, 'filter')) : undefined;
  // A walk with a stack of its own: a hostile body may nest elements deeper than the call stack goes.
  for (const stack = filterEl ? [filterEl] : []; stack.length > 0; ) {
    const el = stack.pop() as Element;
    if (is(el, CARD, 'text-match')) caselessOf(el);
    else for (const c of children(el)) stack.push(c);
  }
  const testOf = (el: Element) => (el.getAttribute('test') === 'allof' ? 'allof' : 'anyof');
  const propFilters: PropFilter[] = (filterEl ? children(filterEl) : [])
    .filter((c) => is(c, CARD, 'prop-filter'))
    .map((pf) => ({
      name: pf.getAttribute('name') ?? '',
      test: testOf(pf),
      isNotDefined: children(pf).some((c) => is(c, CARD, 'is-not-defined')),
      textMatches: children(pf)
        .filter((c) => is(c, CARD, 'text-match'))
        .map(
          (tm): TextMatch => ({
            text: tm.textContent ?? '',
            matchType: matchTypeOf(tm),
            negate: tm.getAttribute('negate-condition') === 'yes',
            caseless: caselessOf(tm),
          }),
        ),
    }));
  const limitEl = root ? children(root).find((c) => is(c, CARD, 'limit')) : undefined;
  const nresults = limitEl ? children(limitEl).find((c) => is(c, CARD, 'nresults')) : undefined;
  const limit = nresults ? Number((nresults.textContent ?? '').trim()) : undefined;
  return {
    filter: { test: filterEl ? testOf(filterEl) : 'anyof', propFilters },
    limit: limit !== undefined && Number.isInteger(limit) && limit > 0 ? limit : undefined,
  };
}

/** One resource in a multistatus: its properties (known ones) and what was asked, or a bare status. */
export interface DavResponse {
  href: string;
  props?: Map<string, { name: XmlName; value: PropValue }>;
  /** The properties asked for; `all` returns every known one. */
  asked?: { all: boolean; props: XmlName[] };
  status?: string;
  /** The precondition beside a `status` (RFC 4918 §14.5), e.g. number-of-matches-within-limits with a 507. */
  error?: XmlName;
  /** The status of properties asked for that it does not have (404, or 403 for a PROPPATCH on protected ones). */
  missingStatus?: string;
}

const PREFIX: Record<string, string> = { [DAV]: 'd', [CARD]: 'card', [CS]: 'cs', [RAPPORT]: 'r' };

function element(parent: XMLBuilder, name: XmlName): XMLBuilder {
  const prefix = PREFIX[name.ns];
  return prefix ? parent.ele(name.ns, `${prefix}:${name.local}`) : parent.ele(name.ns, name.local);
}

/**
 * A 207 body: per resource, the found properties under 200 and every unknown one asked for under 404 (clients
 * ask for properties we do not have, and the request must not fail for it).
 */
export function multistatus(responses: DavResponse[], syncToken?: string): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' }).ele(DAV, 'd:multistatus');
  doc
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:card', CARD)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:cs', CS);
  for (const r of responses) {
    const res = doc.ele(DAV, 'd:response');
    res.ele(DAV, 'd:href').txt(r.href);
    if (r.status) {
      res.ele(DAV, 'd:status').txt(r.status);
      if (r.error) element(res.ele(DAV, 'd:error'), r.error);
      continue;
    }
    const props = r.props ?? new Map();
    const asked = r.asked ?? { all: true, props: [] };
    const found = asked.all ? [...props.values()] : asked.props.flatMap((n) => props.get(keyOf(n)) ?? []);
    const missing = asked.all ? [] : asked.props.filter((n) => !props.has(keyOf(n)));
    if (found.length > 0 || missing.length === 0) {
      const ok = res.ele(DAV, 'd:propstat');
      const prop = ok.ele(DAV, 'd:prop');
      for (const f of found) f.value(element(prop, f.name));
      ok.ele(DAV, 'd:status').txt('HTTP/1.1 200 OK');
    }
    if (missing.length > 0) {
      const no = res.ele(DAV, 'd:propstat');
      const prop = no.ele(DAV, 'd:prop');
      for (const m of missing) element(prop, m);
      no.ele(DAV, 'd:status').txt(r.missingStatus ?? 'HTTP/1.1 404 Not Found');
    }
  }
  if (syncToken !== undefined) doc.ele(DAV, 'd:sync-token').txt(syncToken);
  return doc.end({ prettyPrint: false });
}

/**
 * A DAV error body (`<d:error><card:valid-address-data/></d:error>` and the like), with a one-line reason for
 * people reading logs beside the precondition (RFC 4918 §16 lets DAV:error hold other elements).
 */
export function davError(name: XmlName, reason?: string, href?: string): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' }).ele(DAV, 'd:error');
  const precondition = element(doc, name);
  // The resource the precondition is about (no-uid-conflict names the card that has the UID).
  if (href) precondition.ele(DAV, 'd:href').txt(href);
  if (reason) {
    const line = reason.replace(/\s+/g, ' ').trim().slice(0, 300).replace(NOT_XML, '\uFFFD');
    doc.ele(RAPPORT, 'r:reason').txt(line);
  }
  return doc.end({ prettyPrint: false });
}
