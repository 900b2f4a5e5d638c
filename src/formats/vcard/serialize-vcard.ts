/**
 * `ImportedPerson` → vCard 3.0 (default: what phones and CardDAV speak) or 4.0, generated with ical.js: CRLF,
 * folded at 75 octets. When the person carries `raw` (the card it was imported from), every property of that card
 * we do not model (unknown `X-` lines, `itemN.` groups with their labels, IMPP, …) is written back, and modelled
 * properties whose value did not change are written back with their original parameters, so a round trip loses
 * nothing; changed values come from the person.
 */
import ICAL from 'ical.js';
import { normaliseLinkedinProfileUrl } from '../linkedin/normalise-linkedin-profile-url';
import type { ImportedPerson, LabelledValue, PostalAddress } from '../model';
import {
  CONNECTED_ON_KEY,
  DERIVED_PARAM,
  type JProp,
  type MappedCard,
  type MappedFields,
  mapCard,
  type ReadCard,
  type Role,
  readCard,
} from './read-vcard';
import {
  appleLabel,
  decodeBase64,
  encodeBase64,
  escapeText,
  type LabelKind,
  photoEquals,
  splitEscaped,
  typeFromMime,
  typesForLabel,
  typesHintedBy,
  unescapeText,
  unescapeUri,
} from './vcard-values';

export type VCardVersion = '3.0' | '4.0';

export interface VCardSerializeOptions {
  /** `3.0` (default) or `4.0`. */
  version?: VCardVersion;
  /** PRODID to write; `null` writes none. */
  prodId?: string | null;
  /**
   * What the caller made of the raw card's `extra` entries (Rapport: its custom fields, within their limits;
   * default: all of them as read). A raw property behind one of these is written back only while the person still
   * holds it unchanged; one the caller never took is written back as it is.
   */
  shownExtra?: (extra: Record<string, string>) => Record<string, string>;
}

export const DEFAULT_PRODID = '-//Rapport//Rapport vCard export//EN';

// ---------------------------------------------------------------------------------------------------------------
// ical.js design sets for writing
// ---------------------------------------------------------------------------------------------------------------

type DesignSet = ReturnType<typeof ICAL.design.getDesignSet>;
type ValueType = { toICAL?: (value: string, structuredEscape?: string) => string; [k: string]: unknown };

/**
 * Text escaping that also turns CR and CRLF into `\n` (ical.js would write a raw CR) and, for 3.0, escapes `;`
 * everywhere (RFC 2426 text forbids a bare `;`; ical.js only escapes it in structured values).
 */
function textType(base: ValueType, alwaysSemicolon: boolean): ValueType {
  return {
    ...base,
    toICAL(value: string, structuredEscape?: string): string {
      const semicolon = alwaysSemicolon || structuredEscape === ';';
      return String(value).replace(/\\|;|,|\r\n|\r|\n/g, (c) => {
        if (c === '\\') return '\\\\';
        if (c === ',') return '\\,';
        if (c === ';') return semicolon ? '\\;' : ';';
        return '\\n';
      });
    },
  };
}

const passThrough = (base: ValueType | undefined): ValueType => ({
  ...base,
  toICAL: (v: string) => String(v),
});

function designFor(version: VCardVersion): DesignSet {
  if (version === '3.0') {
    const base = ICAL.design.vcard3;
    const values = base.value as Record<string, ValueType>;
    return {
      ...base,
      value: {
        ...values,
        text: textType(values.text as ValueType, true),
        // Dates as Apple, Google and RFC 2426's examples write them: `1996-04-15`, not `19960415`.
        date: passThrough(values.date),
        'date-time': passThrough(values['date-time']),
      },
    };
  }
  const base = ICAL.design.vcard;
  const values = base.value as Record<string, ValueType>;
  return {
    ...base,
    value: {
      ...values,
      text: textType(values.text as ValueType, false),
      // ical.js escapes commas in URIs, which breaks `data:image/jpeg;base64,…`; write URIs as they are.
      uri: { ...values.uri, toICAL: (v: string) => String(v).replace(/\r\n|\r|\n/g, '') },
    },
  };
}

const DESIGNS: Record<VCardVersion, DesignSet> = { '3.0': designFor('3.0'), '4.0': designFor('4.0') };

// ---------------------------------------------------------------------------------------------------------------
// Building one card
// ---------------------------------------------------------------------------------------------------------------

const LINKEDIN_RE = /^https?:\/\/([a-z0-9-]+\.)*linkedin\.com\//i;
/** X- names the parser reads as something else than an `extra` entry: such extras go through X-RAPPORT-EXTRA. */
const SPECIAL_X = new Set([
  'X-ABLABEL',
  'X-ABDATE',
  'X-ABADR',
  'X-ABUID',
  'X-ABSHOWAS',
  'X-ADDRESSBOOKSERVER-KIND',
  'X-ADDRESSBOOKSERVER-MEMBER',
  'X-SOCIALPROFILE',
  'X-RAPPORT-EXTRA',
  'X-MS-OL-DESIGN',
  'X-MS-OL-DEFAULT-POSTAL-ADDRESS',
  'X-ANNIVERSARY',
  'X-MS-ANNIVERSARY',
  'X-EVOLUTION-ANNIVERSARY',
]);

interface RawSource {
  card: ReadCard;
  mapped: MappedCard;
  /** Modelled values may be reused only when the raw card is in the version being written. */
  sameVersion: boolean;
}

function readRaw(raw: string | undefined, version: VCardVersion): RawSource | undefined {
  if (!raw) return undefined;
  try {
    const read = readCard(raw);
    if (!read.ok) return undefined;
    return { card: read.card, mapped: mapCard(read.card), sameVersion: read.card.version === version };
  } catch {
    return undefined;
  }
}

/** Whether a raw property marks its value as preferred: 3.0 `TYPE=pref`, 4.0 `PREF=1`…`100`. */
function isPreferred(p: JProp): boolean {
  const params = p[1];
  if (params.pref !== undefined) return true;
  const types = Array.isArray(params.type) ? params.type : [params.type];
  return types.some((t) => typeof t === 'string' && t.toLowerCase() === 'pref');
}

/**
 * The values of one kind (`email`, `phone`, …) the raw card marks as preferred, in any version: a value written
 * from the person rather than reused (another version, a changed label) keeps the marker.
 */
function preferredValues(raw: RawSource | undefined, kind: string, values: LabelledValue[]): Set<string> {
  const out = new Set<string>();
  raw?.mapped.roles.forEach((r, i) => {
    if (r.kind !== 'field' || !r.key.startsWith(`${kind}:`)) return;
    const item = values[Number(r.key.slice(kind.length + 1))];
    if (item && isPreferred(raw.card.props[i] as JProp)) out.add(item.value);
  });
  return out;
}

function groupOf(p: JProp): string | undefined {
  return typeof p[1].group === 'string' ? p[1].group.toLowerCase() : undefined;
}

class CardBuilder {
  readonly props: JProp[] = [];
  private readonly usedGroups = new Set<string>();
  private nextGroup = 1;
  /** Indices of the raw properties already written back. */
  readonly emittedRaw = new Set<number>();
  private readonly rawKeys = new Map<string, number[]>();

  constructor(
    readonly version: VCardVersion,
    readonly raw: RawSource | undefined,
    /** Extra keys of the raw card the person no longer holds as read: their raw lines are not written back. */
    readonly staleExtra: Set<string>,
  ) {
    if (raw) {
      raw.card.props.forEach((p, i) => {
        const g = groupOf(p);
        if (g) this.usedGroups.add(g);
        const role = raw.mapped.roles[i] as Role;
        if (role.kind === 'field') {
          const list = this.rawKeys.get(role.key) ?? [];
          list.push(i);
          this.rawKeys.set(role.key, list);
        }
      });
    }
  }

  group(): string {
    while (this.usedGroups.has(`item${this.nextGroup}`)) this.nextGroup++;
    const g = `item${this.nextGroup}`;
    this.usedGroups.add(g);
    return g;
  }

  /** Writes back the raw properties behind a modelled field (and their group's label and other lines). */
  reuse(key: string): boolean {
    if (!this.raw?.sameVersion) return false;
    const indices = this.rawKeys.get(key);
    if (!indices || indices.length === 0) return false;
    const { props } = this.raw.card;
    const roles = this.raw.mapped.roles;
    const groups = new Set<string>();
    for (const i of indices) {
      if (this.emittedRaw.has(i)) continue;
      this.emittedRaw.add(i);
      this.props.push(this.rawProp(i));
      const g = groupOf(props[i] as JProp);
      if (g) groups.add(g);
    }
    props.forEach((q, j) => {
      const g = groupOf(q);
      const role = roles[j] as Role;
      if (role.kind === 'keep' && role.extraKey !== undefined && this.staleExtra.has(role.extraKey)) return;
      if (g && groups.has(g) && (role.kind === 'label' || role.kind === 'keep') && !this.emittedRaw.has(j)) {
        this.emittedRaw.add(j);
        this.props.push(this.rawProp(j));
      }
    });
    return true;
  }

  /** A raw property as we write it back: its value decoded by us (not by ical.js, see unescapeText). */
  rawProp(i: number): JProp {
    const card = (this.raw as RawSource).card;
    return faithful(card.props[i] as JProp, (card.lines[i] as { value: string }).value, card.version);
  }

  /**
   * A labelled value: TYPE when the label is made of TYPE words, else an `itemN.` group with `X-ABLabel`; a
   * preferred one with 3.0 `TYPE=pref` or 4.0 `PREF=1`.
   */
  labelled(
    kind: LabelKind,
    name: string,
    type: string,
    value: unknown,
    label: string | undefined,
    base: string[] = [],
    preferred = false,
  ) {
    const params: Record<string, unknown> = {};
    const extra: JProp[] = [];
    let types = label === undefined ? [] : typesForLabel(label, kind);
    if (label !== undefined && types === undefined) {
      const g = this.group();
      params.group = g;
      extra.push(['x-ablabel', { group: g }, 'unknown', escapeText(appleLabel(label))]);
      // The label read back is the group's; TYPE is for clients that read nothing else.
      types = typesHintedBy(label, kind);
    }
    const all = [...base, ...(types ?? [])];
    if (preferred && this.version === '3.0') all.push('pref');
    if (all.length > 0) params.type = all.length === 1 ? all[0] : all;
    if (preferred && this.version === '4.0') params.pref = '1';
    this.props.push([name, params, type, value], ...extra);
    return params;
  }
}

function sameName(a: MappedFields, b: ImportedPerson): boolean {
  return (
    a.familyName === b.familyName &&
    a.givenName === b.givenName &&
    a.additionalNames === b.additionalNames &&
    a.prefix === b.prefix &&
    a.suffix === b.suffix
  );
}

function sameAddress(a: PostalAddress, b: PostalAddress): boolean {
  const keys: (keyof PostalAddress)[] = [
    'label',
    'poBox',
    'extended',
    'street',
    'locality',
    'region',
    'postalCode',
    'country',
    'formatted',
  ];
  return keys.every((k) => a[k] === b[k]);
}

function sameLabelled(a: LabelledValue, b: LabelledValue): boolean {
  return a.value === b.value && a.label === b.label;
}

/** A URL as a contact keeps it: a LinkedIn profile by its canonical address, another with a scheme. */
function urlKey(value: string): string {
  return (
    normaliseLinkedinProfileUrl(value) ?? (/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`)
  );
}

/**
 * The same URL as the card's, though the contact keeps it canonical: iOS writes a LinkedIn profile as
 * `X-SOCIALPROFILE:http://www.linkedin.com/in/…`, and generated anew it came back as a plain URL, moved out of the
 * phone's social profiles.
 */
function sameUrl(a: LabelledValue, b: LabelledValue): boolean {
  return a.label === b.label && (a.value === b.value || urlKey(a.value) === urlKey(b.value));
}

function oneLine(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ');
}

function deriveName(p: ImportedPerson): string {
  const parts = [p.prefix, p.givenName, p.additionalNames, p.familyName, p.suffix].filter(
    (x) => x && x.trim() !== '',
  );
  if (parts.length > 0) return parts.join(' ');
  return p.organisation ?? p.emails[0]?.value ?? p.phones[0]?.value ?? '';
}

/**
 * N for a person known only by a display name. iOS builds a contact's name from N alone and ignores FN, so an
 * empty `N:;;;;` shows as "No Name" or as the company. Split at the last space, "given family" reads back as the
 * display name; with a comma (`Lovelace, Ada` or `Ada Lovelace, PhD`) the order is unknown and it all goes in
 * the given name. The parameter tells our reader to ignore this N, so a round trip adds no name parts. Not for a
 * company card (display name = organisation): iOS shows the company when N is empty, as it should.
 */
function nameFromDisplayName(p: Pick<ImportedPerson, 'displayName' | 'organisation'>): string[] | undefined {
  const shown = p.displayName?.replace(/\s+/g, ' ').trim();
  if (!shown) return undefined;
  if (p.organisation && shown.toLowerCase() === p.organisation.trim().toLowerCase()) return undefined;
  const space = shown.lastIndexOf(' ');
  if (space < 0 || shown.includes(',')) return ['', shown, '', '', ''];
  return [shown.slice(space + 1), shown.slice(0, space), '', '', ''];
}

/**
 * The person without the name parts a client sent back when they are exactly the N we made up from the display
 * name: a phone that drops our parameter (iOS rewrites every card it saves) must not turn it into a real name.
 */
export function withoutMadeUpName<P extends ImportedPerson>(p: P): P {
  const made = nameFromDisplayName(p);
  const parts = [p.familyName, p.givenName, p.additionalNames, p.prefix, p.suffix];
  if (!made || parts.some((x, i) => (x ?? '') !== made[i])) return p;
  const { familyName: _f, givenName: _g, additionalNames: _a, prefix: _p, suffix: _s, ...rest } = p;
  return rest as P;
}

/** Matches each item with an unused, equal raw item; returns the raw index or -1. */
function matcher<T>(rawItems: T[] | undefined, equal: (a: T, b: T) => boolean) {
  const used = new Set<number>();
  return (item: T): number => {
    if (!rawItems) return -1;
    for (let k = 0; k < rawItems.length; k++) {
      if (!used.has(k) && equal(item, rawItems[k] as T)) {
        used.add(k);
        return k;
      }
    }
    return -1;
  };
}

function datePropValue(
  date: string,
  version: VCardVersion,
): { params: Record<string, unknown>; value: string } {
  if (date.startsWith('--') && version === '3.0') {
    // Apple's way of writing a date without a year in 3.0 (iOS, DAVx⁵ and Google read it).
    return { params: { 'x-apple-omit-year': '1604' }, value: `1604-${date.slice(2)}` };
  }
  return { params: {}, value: date };
}

/**
 * The raw card's extra keys whose value the person no longer holds (deleted or changed since): the raw lines
 * behind them would otherwise serve the old value, and a phone writing the card back would restore it.
 */
function staleExtraOf(
  person: ImportedPerson,
  raw: RawSource | undefined,
  shownExtra: VCardSerializeOptions['shownExtra'],
): Set<string> {
  const stale = new Set<string>();
  if (!raw) return stale;
  const read = raw.mapped.fields.extra;
  for (const [key, value] of Object.entries(shownExtra ? shownExtra(read) : read)) {
    if (key in read && person.extra[key] !== value) stale.add(key);
  }
  return stale;
}

function buildCard(
  person: ImportedPerson,
  version: VCardVersion,
  prodId: string | null,
  shownExtra: VCardSerializeOptions['shownExtra'],
): JProp[] {
  const raw = readRaw(person.raw, version);
  const b = new CardBuilder(version, raw, staleExtraOf(person, raw, shownExtra));
  const m = raw?.sameVersion ? raw.mapped.fields : undefined;
  const v3 = version === '3.0';

  b.props.push(['version', {}, 'text', version]);
  // PRODID is not in ical.js's 4.0 design: as 'text' it would get a VALUE=TEXT parameter.
  if (prodId)
    b.props.push(v3 ? ['prodid', {}, 'text', prodId] : ['prodid', {}, 'unknown', escapeText(prodId)]);

  if (person.sourceKey) {
    if (!(m?.sourceKey === person.sourceKey && b.reuse('sourceKey')))
      b.props.push(['uid', {}, 'text', oneLine(person.sourceKey)]);
  }
  if (
    !(person.displayName !== undefined && m?.displayName === person.displayName && b.reuse('displayName'))
  ) {
    b.props.push(['fn', {}, 'text', person.displayName ?? deriveName(person)]);
  }
  const nameParts = [
    person.familyName,
    person.givenName,
    person.additionalNames,
    person.prefix,
    person.suffix,
  ];
  if (v3 || nameParts.some((x) => x)) {
    if (!(m && sameName(m, person) && b.reuse('name'))) {
      const derived = v3 && !nameParts.some((x) => x) ? nameFromDisplayName(person) : undefined;
      if (derived) b.props.push(['n', { [DERIVED_PARAM]: 'TRUE' }, 'text', derived]);
      else b.props.push(['n', {}, 'text', nameParts.map((x) => x ?? '')]);
    }
  }
  if (person.nickname && !(m?.nickname === person.nickname && b.reuse('nickname'))) {
    b.props.push(['nickname', {}, 'text', person.nickname]);
  }
  if (person.organisation || person.department) {
    if (
      !(m && m.organisation === person.organisation && m.department === person.department && b.reuse('org'))
    ) {
      const units = [person.organisation ?? ''];
      if (person.department) units.push(person.department);
      // Always an array: ical.js escapes `;` in a structured value only when it is one.
      b.props.push(['org', {}, 'text', units]);
    }
  }
  if (person.title && !(m?.title === person.title && b.reuse('title'))) {
    b.props.push(['title', {}, 'text', person.title]);
  }

  const emailMatch = matcher(m?.emails, sameLabelled);
  const preferredEmails = preferredValues(raw, 'email', raw?.mapped.fields.emails ?? []);
  for (const e of person.emails) {
    const k = emailMatch(e);
    if (k >= 0 && b.reuse(`email:${k}`)) continue;
    const base = v3 ? ['internet'] : [];
    b.labelled('email', 'email', 'text', oneLine(e.value), e.label, base, preferredEmails.has(e.value));
  }
  const phoneMatch = matcher(m?.phones, sameLabelled);
  const preferredPhones = preferredValues(raw, 'phone', raw?.mapped.fields.phones ?? []);
  for (const p of person.phones) {
    const k = phoneMatch(p);
    if (k >= 0 && b.reuse(`phone:${k}`)) continue;
    const type = v3 ? 'phone-number' : 'text';
    b.labelled('tel', 'tel', type, oneLine(p.value), p.label, [], preferredPhones.has(p.value));
  }
  const addressMatch = matcher(m?.addresses, sameAddress);
  for (const a of person.addresses) {
    const k = addressMatch(a);
    if (k >= 0 && b.reuse(`address:${k}`)) continue;
    const value = [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country].map(
      (x) => x ?? '',
    );
    if (!v3 && a.formatted !== undefined) {
      const params = b.labelled('adr', 'adr', 'text', value, a.label);
      // RFC 6350 ADR;LABEL=: ical.js writes line breaks and quotes as RFC 6868 ^n and ^'; backslashes we escape.
      params.label = a.formatted.replace(/\\/g, '\\\\').replace(/\r\n|\r/g, '\n');
    } else if (v3 && a.formatted !== undefined) {
      // 3.0 LABEL is a separate property: tie it to its ADR with a group so it cannot pair with another address.
      const types = a.label === undefined ? [] : typesForLabel(a.label, 'adr');
      const g = b.group();
      const params: Record<string, unknown> = { group: g };
      if (types && types.length > 0) params.type = types.length === 1 ? types[0] : types;
      b.props.push(['adr', { ...params }, 'text', value], ['label', { ...params }, 'text', a.formatted]);
      if (a.label !== undefined && types === undefined) {
        b.props.push(['x-ablabel', { group: g }, 'unknown', escapeText(appleLabel(a.label))]);
      }
    } else {
      b.labelled('adr', 'adr', 'text', value, a.label);
    }
  }
  const urlMatch = matcher(m?.urls, sameUrl);
  const preferredUrls = preferredValues(raw, 'url', raw?.mapped.fields.urls ?? []);
  for (const u of person.urls) {
    const k = urlMatch(u);
    if (k >= 0 && b.reuse(`url:${k}`)) continue;
    b.labelled('url', 'url', 'uri', oneLine(u.value), u.label, [], preferredUrls.has(u.value));
  }

  if (person.birthday && !(m?.birthday === person.birthday && b.reuse('birthday'))) {
    if (v3) {
      const { params, value } = datePropValue(person.birthday, version);
      b.props.push(['bday', params, 'date-time', value]);
    } else {
      b.props.push(['bday', {}, 'date-and-or-time', person.birthday]);
    }
  }
  const dateMatch = matcher(m?.dates, sameLabelled);
  let anniversaryWritten = false;
  // The same date under the same label is one date, as the reader takes it: a contact holding copies (read before
  // the reader knew) gets its card's lines once, not fresh ones for each copy.
  const datesWritten = new Set<string>();
  for (const d of person.dates ?? []) {
    const same = `${d.value} ${d.label?.toLowerCase() ?? ''}`;
    if (datesWritten.has(same)) continue;
    datesWritten.add(same);
    const k = dateMatch(d);
    if (k >= 0 && b.reuse(`date:${k}`)) continue;
    if (!v3 && d.label === 'Anniversary' && !anniversaryWritten) {
      anniversaryWritten = true;
      b.props.push(['anniversary', {}, 'date-and-or-time', d.value]);
      continue;
    }
    const { params, value } = datePropValue(d.value, '3.0');
    if (d.label !== undefined) {
      const g = b.group();
      b.props.push(
        ['x-abdate', { ...params, group: g }, 'unknown', value],
        ['x-ablabel', { group: g }, 'unknown', escapeText(appleLabel(d.label))],
      );
    } else {
      b.props.push(['x-abdate', params, 'unknown', value]);
    }
  }
  if (person.notes && !(m?.notes === person.notes && b.reuse('notes'))) {
    b.props.push(['note', {}, 'text', person.notes]);
  }
  if (person.tags.length > 0) {
    const same =
      m !== undefined && m.tags.length === person.tags.length && m.tags.every((t, i) => t === person.tags[i]);
    if (!(same && b.reuse('tags'))) b.props.push(['categories', {}, 'text', ...person.tags]);
  }

  // No vCard property holds the date connected: without this line a trip through vCard lost LinkedIn's date.
  if (person.connectedOn && person.extra[CONNECTED_ON_KEY] === undefined)
    b.props.push(['x-rapport-extra', { 'x-key': CONNECTED_ON_KEY }, 'unknown', person.connectedOn]);

  // Groups of the raw card not written back: one holding a value that changed, or a stale extra. An extra in
  // such a group is stale too (written from the person), and may in turn take its other groups with it.
  const deadGroups = new Set<string>();
  if (raw) {
    const { props } = raw.card;
    const roles = raw.mapped.roles;
    props.forEach((p, i) => {
      const g = groupOf(p);
      if (g && (roles[i] as Role).kind === 'field' && !b.emittedRaw.has(i)) deadGroups.add(g);
    });
    for (let grown = true; grown; ) {
      grown = false;
      props.forEach((p, i) => {
        const role = roles[i] as Role;
        const g = groupOf(p);
        if (role.kind !== 'keep' || role.extraKey === undefined || !g || b.emittedRaw.has(i)) return;
        if (b.staleExtra.has(role.extraKey) && !deadGroups.has(g)) {
          deadGroups.add(g);
          grown = true;
        } else if (deadGroups.has(g) && !b.staleExtra.has(role.extraKey)) {
          b.staleExtra.add(role.extraKey);
          grown = true;
        }
      });
    }
  }

  // Extra entries the raw card does not carry as they are.
  const rawExtraKeys = new Set<string>();
  raw?.mapped.roles.forEach((r) => {
    if (r.kind === 'keep' && r.extraKey !== undefined && !b.staleExtra.has(r.extraKey))
      rawExtraKeys.add(r.extraKey);
  });
  for (const [key, value] of Object.entries(person.extra)) {
    if (rawExtraKeys.has(key)) continue;
    if (/^X-[A-Z0-9-]+$/.test(key) && !SPECIAL_X.has(key) && !LINKEDIN_RE.test(value.trim())) {
      b.props.push([key.toLowerCase(), {}, 'unknown', escapeText(value)]);
    } else if (key === 'ROLE') {
      b.props.push(['role', {}, 'text', value]);
    } else {
      // ical.js reads parameter values as text (unescaping \\ and \n) but writes them as they are: escape \.
      const xKey = key.replace(/\\/g, '\\\\').replace(/\r\n|\r/g, '\n');
      b.props.push(['x-rapport-extra', { 'x-key': xKey }, 'unknown', escapeText(value)]);
    }
  }

  // Unmodelled properties of the raw card, in their order (those of a group whose value changed go with it).
  if (raw) {
    const { props, lines } = raw.card;
    const roles = raw.mapped.roles;
    props.forEach((p, i) => {
      const role = roles[i] as Role;
      if (role.kind !== 'keep' || b.emittedRaw.has(i)) return;
      if (role.extraKey !== undefined && b.staleExtra.has(role.extraKey)) return;
      const g = groupOf(p);
      if (g && deadGroups.has(g)) return;
      const converted = convertKept(
        b.rawProp(i),
        (lines[i] as { value: string }).value,
        raw.card.version,
        version,
      );
      if (converted) b.props.push(converted);
    });
  }

  if (person.photo && !(m && photoEquals(m.photo, person.photo) && b.reuse('photo'))) {
    const ph = person.photo;
    if (ph.kind === 'url') {
      b.props.push(['photo', {}, 'uri', oneLine(ph.url)]);
    } else if (ph.data.length === 0) {
      // Nothing to write.
    } else if (v3) {
      const type = typeFromMime(ph.mime);
      b.props.push([
        'photo',
        type ? { encoding: 'b', type } : { encoding: 'b' },
        'binary',
        encodeBase64(ph.data),
      ]);
    } else {
      const mime = ph.mime || 'application/octet-stream';
      b.props.push(['photo', {}, 'uri', `data:${mime};base64,${encodeBase64(ph.data)}`]);
    }
  }
  return b.props;
}

const LIST_STRUCTURED = new Set(['n', 'adr']);
const STRUCTURED = new Set(['org', 'gender', 'clientpidmap']);
const MULTI = new Set(['nickname', 'categories']);

/**
 * A raw property with its value decoded by us from the normalised text: ical.js keeps `\;` in plain text and
 * splits lists at a separator that follows an escaped backslash, so its values do not always survive a rewrite.
 */
function faithful(p: JProp, raw: string, version: VCardVersion): JProp {
  const [name, , type] = p;
  const params = escapeParams(p[1]);
  if (type === 'text' || type === 'phone-number') {
    if (LIST_STRUCTURED.has(name)) {
      const value = splitEscaped(raw, ';').map((c) => {
        const list = splitEscaped(c, ',').map((v) => unescapeText(v));
        return list.length === 1 ? (list[0] as string) : list;
      });
      return [name, params, type, value];
    }
    if (STRUCTURED.has(name)) {
      return [name, params, type, splitEscaped(raw, ';').map((v) => unescapeText(v))];
    }
    if (MULTI.has(name)) return [name, params, type, ...splitEscaped(raw, ',').map((v) => unescapeText(v))];
    return [name, params, type, unescapeText(raw)];
  }
  if (type === 'uri') {
    const value = unescapeUri(raw);
    // ical.js takes uri as a 4.0 TEL's default and writes no VALUE, but RFC 6350's default is text: readers that
    // follow it (vobject) would read `tel:+33…` as the number's text. A number that is no URI stays text.
    if (version === '4.0' && name === 'tel' && /^[a-z][a-z0-9+.-]*:/i.test(value))
      return [name, { value: 'uri', ...params }, type, value];
    return [name, params, type, value];
  }
  if (type === 'binary') {
    // Re-encode: some writers emit base64 of an invalid length (which lenient readers accept and strict ones not).
    const data = decodeBase64(raw);
    return data ? [name, params, type, encodeBase64(data)] : [name, params, type, ...p.slice(3)];
  }
  // 3.0: ical.js reads `BDAY:1996-04-15` as type date and would add VALUE=DATE on writing; we write none.
  if (version === '3.0' && type === 'date' && name === 'bday') return [name, params, 'date-time', p[3]];
  return [name, params, type, ...p.slice(3)];
}

/**
 * ical.js reads every parameter value as text (unescaping `\\`, `\n`, `\,`) but writes values as they are, so a
 * value read from a card must have its backslashes escaped again before it is written.
 */
function escapeParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const esc = (v: unknown) => (typeof v === 'string' ? v.replace(/\\/g, '\\\\') : v);
  for (const [k, v] of Object.entries(params))
    out[k] = k === 'group' ? v : Array.isArray(v) ? v.map(esc) : esc(v);
  return out;
}

/** A kept raw property, rewritten when the output version differs from the card's. */
function convertKept(p: JProp, rawValue: string, from: VCardVersion, to: VCardVersion): JProp | undefined {
  if (from === to) return p;
  const [name, params, type] = p;
  const value = p[3];
  const target = DESIGNS[to].property as Record<string, unknown>;
  if (type === 'binary' && to === '4.0') {
    const { encoding: _e, type: t, ...rest } = params;
    const mime =
      typeof t === 'string' ? (t.includes('/') ? t : `image/${t.toLowerCase()}`) : 'application/octet-stream';
    return [name, rest, 'uri', `data:${mime};base64,${String(value)}`];
  }
  if (type === 'uri' && to === '3.0' && typeof value === 'string' && /^data:[^,]*;base64,/i.test(value)) {
    const comma = value.indexOf(',');
    const mime = value.slice(5, value.indexOf(';'));
    return [name, { ...params, encoding: 'b', type: typeFromMime(mime) }, 'binary', value.slice(comma + 1)];
  }
  if (name === 'geo') {
    if (to === '4.0' && Array.isArray(value)) return [name, params, 'uri', `geo:${value.join(',')}`];
    const m = typeof value === 'string' ? /^geo:([-+0-9.]+),([-+0-9.]+)/i.exec(value) : null;
    if (to === '3.0' && m) return [name, params, 'float', [Number(m[1]), Number(m[2])]];
  }
  const known = target[name] as { defaultType?: string; structuredValue?: string } | undefined;
  if (known && type === 'unknown') {
    // Not a property of the card's version (MAILER, CLASS, AGENT, SORT-STRING in 4.0; IMPP, KIND in 3.0), so
    // ical.js read it untyped; written so, it would get VALUE=UNKNOWN. It is a property of the target: its type.
    const t = known.defaultType;
    if (t === 'uri') return [name, params, t, unescapeUri(rawValue)];
    if (t === 'text' || t === 'vcard') {
      if (known.structuredValue)
        return [name, params, t, splitEscaped(rawValue, ';').map((v) => unescapeText(v))];
      return [name, params, t, unescapeText(rawValue)];
    }
  }
  if (!(name in target) || type === 'vcard') {
    // Not a property of the target version: write its text as it was.
    if (type === 'uri') return [name, params, 'unknown', unescapeUri(rawValue)];
    if (type === 'text' && !STRUCTURED.has(name) && !LIST_STRUCTURED.has(name)) {
      return [name, params, 'unknown', escapeText(unescapeText(rawValue))];
    }
    return [name, params, 'unknown', rawValue];
  }
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

/** One person → one vCard (CRLF, folded, ending with CRLF). Never throws on odd values. */
export function serializeVCard(person: ImportedPerson, options: VCardSerializeOptions = {}): string {
  const version = options.version ?? '3.0';
  const prodId = options.prodId === undefined ? DEFAULT_PRODID : options.prodId;
  const design = DESIGNS[version];
  // What ICAL.stringify.component writes, but folding only the lines that need it: its folding walks every line
  // character by character, and most lines are short (a third of a 30,000-card export's time).
  let out = 'BEGIN:VCARD\r\n';
  for (const prop of buildCard(person, version, prodId, options.shownExtra))
    out += `${fold(ICAL.stringify.property(prop, design, true))}\r\n`;
  return `${out}END:VCARD\r\n`;
}

/** ical.js's folding, skipped for a line that fits: at most 75 octets in UTF-8 (3 per UTF-16 unit at most). */
function fold(line: string): string {
  const limit = ICAL.foldLength;
  if (line.length * 3 <= limit || (line.length <= limit && !NON_ASCII.test(line))) return line;
  return ICAL.helpers.foldline(line);
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Many persons → one multi-card file. */
export function serializeVCards(
  persons: Iterable<ImportedPerson>,
  options: VCardSerializeOptions = {},
): string {
  return Array.from(iterateVCards(persons, options)).join('');
}

/** One card at a time, for large exports written to a stream. */
export function* iterateVCards(
  persons: Iterable<ImportedPerson>,
  options: VCardSerializeOptions = {},
): Generator<string> {
  for (const person of persons) yield serializeVCard(person, options);
}

/** Like `iterateVCards`, for persons that arrive asynchronously (a database cursor). */
export async function* streamVCards(
  persons: AsyncIterable<ImportedPerson> | Iterable<ImportedPerson>,
  options: VCardSerializeOptions = {},
): AsyncGenerator<string> {
  for await (const person of persons) yield serializeVCard(person, options);
}
