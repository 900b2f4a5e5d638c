/**
 * One card → ical.js properties → the fields of an `ImportedPerson`, remembering which property produced which
 * field. The parser uses the person; the serializer uses the provenance to keep, on export, every property of the
 * original card that we do not model.
 */
import ICAL from 'ical.js';
import type { ImportedPerson, LabelledValue, Photo, PostalAddress } from '../model';
import {
  type NormalisedLine,
  type NormalisedVCard,
  type NormaliseWarning,
  normaliseVCard,
  type RawVCard,
} from './normalise-vcard';
import {
  cleanAppleLabel,
  decodeBase64,
  type LabelKind,
  labelFromTypes,
  mimeFromType,
  normaliseDate,
  readDataUri,
  sniffMime,
  splitEscaped,
  unescapeText,
  unescapeUri,
} from './vcard-values';

/**
 * The date connected (LinkedIn's), which no vCard property holds: Rapport writes it as an X-RAPPORT-EXTRA of this
 * key and reads it back into the model, so that a round trip through vCard keeps it.
 */
export const CONNECTED_ON_KEY = 'Connected on';

/** A jCard property as ical.js returns it: `[name, params, type, ...values]` (name and group lower-case). */
export type JProp = [string, Record<string, unknown>, string, ...unknown[]];

export interface ReadCard {
  version: '3.0' | '4.0';
  sourceVersion: string;
  /** ical.js properties without VERSION, index-aligned with `lines`. */
  props: JProp[];
  lines: NormalisedLine[];
  warnings: NormaliseWarning[];
}

export type ReadResult = { ok: true; card: ReadCard } | { ok: false; line: number; message: string };

function icalParse(text: string): unknown[] {
  const parsed = ICAL.parse(text) as unknown[];
  if (parsed[0] !== 'vcard') throw new Error('not a vCard');
  return parsed;
}

/**
 * Normalises a card and parses it with ical.js. A property line ical.js rejects is dropped with a warning (its
 * line number and ical.js's reason) and the rest of the card is read; only a card ical.js cannot read at all
 * fails. Never throws.
 */
export function readCard(raw: RawVCard | string): ReadResult {
  let norm: NormalisedVCard;
  try {
    norm = normaliseVCard(raw);
  } catch (e) {
    return {
      ok: false,
      line: typeof raw === 'string' ? 1 : raw.line,
      message: `cannot read the card: ${errorText(e)}`,
    };
  }
  const warnings = [...norm.warnings];
  let lines = norm.lines;
  let jcard: unknown[];
  try {
    jcard = icalParse(norm.text);
  } catch (first) {
    // Find the lines ical.js rejects, drop them, and read the rest.
    const head = `BEGIN:VCARD\r\nVERSION:${norm.version}\r\n`;
    const kept: NormalisedLine[] = [];
    for (const l of lines) {
      try {
        icalParse(`${head}${l.text}\r\nEND:VCARD\r\n`);
        kept.push(l);
      } catch (e) {
        warnings.push({ line: l.line, message: `ignored ${l.name}: ${errorText(e)}` });
      }
    }
    lines = kept;
    try {
      jcard = icalParse(`${head}${lines.map((l) => `${l.text}\r\n`).join('')}END:VCARD\r\n`);
    } catch {
      const line = typeof raw === 'string' ? 1 : raw.line;
      return { ok: false, line, message: `ical.js cannot read the card: ${errorText(first)}` };
    }
  }
  const all = (jcard[1] ?? []) as JProp[];
  const props = all.slice(1);
  if (props.length !== lines.length) {
    const line = typeof raw === 'string' ? 1 : raw.line;
    return { ok: false, line, message: 'ical.js read a different number of properties than the card has' };
  }
  return {
    ok: true,
    card: { version: norm.version, sourceVersion: norm.sourceVersion, props, lines, warnings },
  };
}

export function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Mapping
// ---------------------------------------------------------------------------------------------------------------

/**
 * What each property became: `field` (a modelled value, keyed `displayName`, `name`, `email:0`, `address:1`, …),
 * `label` (an `X-ABLabel` naming its group's value), `keep` (not modelled: kept on export, shown in `extra` when
 * it matters to a human) or `drop` (technical, or a duplicate of a single-valued field).
 */
export type Role =
  | { kind: 'field'; key: string }
  | { kind: 'label'; group: string }
  | { kind: 'keep'; extraKey?: string }
  | { kind: 'drop' };

export type MappedFields = Omit<ImportedPerson, 'ref' | 'raw'>;

export interface MappedCard {
  fields: MappedFields;
  roles: Role[];
  /** Set when the card is a contact group (Apple `X-ADDRESSBOOKSERVER-KIND:group`, 4.0 `KIND:group`). */
  contactGroup?: { name?: string; members: number };
  warnings: NormaliseWarning[];
}

/** Properties that mean nothing to a person: kept on export (unless dropped) but not listed in `extra`. */
const TECHNICAL = new Set([
  'x-ms-ol-design',
  'x-ms-ol-default-postal-address',
  'x-abuid',
  'x-abadr',
  'x-abshowas',
  'x-addressbookserver-kind',
  'x-addressbookserver-member',
  'member',
  'sort-string',
  'x-ablabel',
]);
/** Dropped on export and not in `extra`: the exporter writes its own. */
const DROPPED = new Set(['version', 'prodid', 'rev', 'clientpidmap']);
const ANNIVERSARIES = new Set([
  'anniversary',
  'x-anniversary',
  'x-ms-anniversary',
  'x-evolution-anniversary',
]);
const BINARY_CAPABLE = new Set(['photo', 'logo', 'sound', 'key']);
const LINKEDIN_RE = /^https?:\/\/([a-z0-9-]+\.)*linkedin\.com\//i;

/** The parameter on an N we wrote from the display name only (see serialize-vcard's nameFromDisplayName). */
export const DERIVED_PARAM = 'x-rapport-derived';

function paramString(params: Record<string, unknown>, name: string): string | undefined {
  const v = params[name];
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v.join(',');
  return undefined;
}

function paramList(params: Record<string, unknown>, name: string): string[] {
  const v = params[name];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

function trimmed(s: string): string | undefined {
  const t = s.trim();
  return t === '' ? undefined : t;
}

/** Splits a structured value (N, ADR) into `count` components; a component's comma list is joined by `join`. */
function structured(value: string, count: number): string[][] {
  const comps = splitEscaped(value, ';').map((c) => splitEscaped(c, ',').map((v) => unescapeText(v)));
  while (comps.length < count) comps.push([]);
  return comps;
}

function joinList(list: string[] | undefined, sep: string): string | undefined {
  if (!list) return undefined;
  return trimmed(
    list
      .map((v) => v.trim())
      .filter((v) => v !== '')
      .join(sep),
  );
}

interface AdrInfo {
  index: number;
  group?: string;
  typeKey: string;
}

function typeKey(params: Record<string, unknown>): string {
  return paramList(params, 'type')
    .map((t) => t.toLowerCase())
    .filter((t) => t !== 'pref')
    .sort()
    .join(',');
}

function readPhoto(
  value: string,
  params: Record<string, unknown>,
  version: '3.0' | '4.0',
): Photo | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (/^data:/i.test(v)) {
    const d = readDataUri(v);
    return d ? { kind: 'inline', mime: d.mime, data: d.data } : undefined;
  }
  const encoding = (paramString(params, 'encoding') ?? '').toLowerCase();
  const valueType = (paramString(params, 'value') ?? '').toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:/i.test(v) && encoding !== 'b' && !/^[A-Za-z0-9+/=]+$/.test(v)) {
    return { kind: 'url', url: unescapeUri(v) };
  }
  if (encoding === 'b' || (version === '3.0' && valueType !== 'uri')) {
    const data = decodeBase64(v);
    if (!data) return undefined;
    const type = paramString(params, 'type') ?? paramString(params, 'mediatype');
    return {
      kind: 'inline',
      mime: type ? mimeFromType(type.split(',')[0] as string) : sniffMime(data),
      data,
    };
  }
  return undefined;
}

/** Maps a read card's properties to the model's fields, and says what each property became. Never throws. */
export function mapCard(card: ReadCard): MappedCard {
  const { props, lines, version } = card;
  const warnings: NormaliseWarning[] = [];
  const fields: MappedFields = { emails: [], phones: [], urls: [], addresses: [], tags: [], extra: {} };
  const roles: Role[] = props.map(() => ({ kind: 'drop' }));
  const groupLabels = new Map<string, string>();
  const modelledGroups = new Set<string>();
  const dates: LabelledValue[] = [];
  const adrs: AdrInfo[] = [];
  const labels: { index: number; text: string; group?: string; typeKey: string }[] = [];
  const notes: string[] = [];
  let kindGroup = false;
  let members = 0;

  for (let i = 0; i < props.length; i++) {
    const p = props[i] as JProp;
    if (p[0] === 'x-ablabel' && typeof p[1].group === 'string') {
      const label = trimmed(cleanAppleLabel(unescapeText((lines[i] as NormalisedLine).value)));
      if (label) groupLabels.set(p[1].group.toLowerCase(), label);
    }
  }
  const labelOf = (params: Record<string, unknown>, kind: LabelKind): string | undefined => {
    const group = typeof params.group === 'string' ? params.group.toLowerCase() : undefined;
    return (group && groupLabels.get(group)) || labelFromTypes(paramList(params, 'type'), kind);
  };
  const field = (i: number, key: string, params: Record<string, unknown>) => {
    roles[i] = { kind: 'field', key };
    if (typeof params.group === 'string') modelledGroups.add(params.group.toLowerCase());
  };
  // iOS writes one anniversary as X-ANNIVERSARY, as an `X-ABDATE` labelled Anniversary and as ANNIVERSARY; other
  // clients pair their own X- form with the standard one. The same date under the same label is one date: its
  // lines all stand for it, and are all written back when the card is served again.
  const addDate = (i: number, item: LabelledValue, params: Record<string, unknown>) => {
    const label = item.label?.toLowerCase();
    const k = dates.findIndex((d) => d.value === item.value && d.label?.toLowerCase() === label);
    field(i, `date:${k >= 0 ? k : dates.length}`, params);
    if (k < 0) dates.push(item);
  };
  const addExtra = (key: string, value: string) => {
    const prev = fields.extra[key];
    fields.extra[key] = prev === undefined ? value : `${prev}\n${value}`;
  };

  for (let i = 0; i < props.length; i++) {
    const p = props[i] as JProp;
    const l = lines[i] as NormalisedLine;
    const name = p[0];
    const params = p[1];
    const value = l.value;
    switch (name) {
      case 'fn': {
        const v = trimmed(unescapeText(value));
        if (v && fields.displayName === undefined) {
          fields.displayName = v;
          field(i, 'displayName', params);
        }
        break;
      }
      case 'n': {
        if (roles.some((r) => r.kind === 'field' && r.key === 'name')) break;
        // Our own N made up from the display name for iOS (serialize-vcard): not name parts the person has.
        if (paramString(params, DERIVED_PARAM)) break;
        let comps = structured(value, 5);
        // ownCloud once over-escaped N as `N:Ab\;Peter\;Paul\;\;;;;;` (Q9): the first component holds all five
        // and the others are empty. (A family name with four `;` in it would be read the same way.)
        const first = comps[0]?.join(',') ?? '';
        if (first.split(';').length === 5 && comps.slice(1).every((c) => c.every((v) => v === ''))) {
          comps = first.split(';').map((v) => [v]);
        }
        const family = joinList(comps[0], ' ');
        const given = joinList(comps[1], ' ');
        const additional = joinList(comps[2], ' ');
        const prefix = joinList(comps[3], ' ');
        const suffix = joinList(comps[4], ', ');
        if (family) fields.familyName = family;
        if (given) fields.givenName = given;
        if (additional) fields.additionalNames = additional;
        if (prefix) fields.prefix = prefix;
        if (suffix) fields.suffix = suffix;
        field(i, 'name', params);
        break;
      }
      case 'nickname': {
        const v = joinList(
          splitEscaped(value, ',').map((x) => unescapeText(x)),
          ', ',
        );
        if (v) fields.nickname = fields.nickname ? `${fields.nickname}, ${v}` : v;
        field(i, 'nickname', params);
        break;
      }
      case 'org': {
        if (roles.some((r) => r.kind === 'field' && r.key === 'org')) break;
        const units = splitEscaped(value, ';').map((u) => unescapeText(u).trim());
        const org = trimmed(units[0] ?? '');
        const dept = trimmed(
          units
            .slice(1)
            .filter((u) => u !== '')
            .join(', '),
        );
        if (org) fields.organisation = org;
        if (dept) fields.department = dept;
        field(i, 'org', params);
        break;
      }
      case 'title': {
        const v = trimmed(unescapeText(value));
        if (v && fields.title === undefined) {
          fields.title = v;
          field(i, 'title', params);
        }
        break;
      }
      case 'email': {
        const v = trimmed(unescapeText(value).replace(/^\s*mailto:/i, ''));
        if (!v) break;
        const item: LabelledValue = { value: v };
        const label = labelOf(params, 'email');
        if (label) item.label = label;
        field(i, `email:${fields.emails.length}`, params);
        fields.emails.push(item);
        break;
      }
      case 'tel': {
        const v = trimmed(unescapeText(value).replace(/^\s*tel:/i, ''));
        if (!v) break;
        const item: LabelledValue = { value: v };
        const label = labelOf(params, 'tel');
        if (label) item.label = label;
        field(i, `phone:${fields.phones.length}`, params);
        fields.phones.push(item);
        break;
      }
      case 'url': {
        const v = trimmed(unescapeUri(value));
        if (!v) break;
        const item: LabelledValue = { value: v };
        const label = labelOf(params, 'url');
        if (label) item.label = label;
        field(i, `url:${fields.urls.length}`, params);
        fields.urls.push(item);
        break;
      }
      case 'adr': {
        const c = structured(value, 7);
        const address: PostalAddress = {};
        const keys = ['poBox', 'extended', 'street', 'locality', 'region', 'postalCode', 'country'] as const;
        keys.forEach((k, j) => {
          const v = joinList(c[j], ',');
          if (v) address[k] = v;
        });
        const label = labelOf(params, 'adr');
        if (label) address.label = label;
        // ical.js has already decoded the parameter (RFC 6868 ^n, and \\ \n \, as text).
        const formatted = paramString(params, 'label');
        if (formatted !== undefined) {
          const f = trimmed(formatted.replace(/\r\n|\r/g, '\n'));
          if (f) address.formatted = f;
        }
        const info: AdrInfo = { index: fields.addresses.length, typeKey: typeKey(params) };
        if (typeof params.group === 'string') info.group = params.group.toLowerCase();
        adrs.push(info);
        field(i, `address:${fields.addresses.length}`, params);
        fields.addresses.push(address);
        break;
      }
      case 'label': {
        const text = trimmed(unescapeText(value).replace(/\r\n|\r/g, '\n'));
        if (!text) break;
        const entry: (typeof labels)[number] = { index: i, text, typeKey: typeKey(params) };
        if (typeof params.group === 'string') entry.group = params.group.toLowerCase();
        labels.push(entry);
        break;
      }
      case 'bday': {
        if (fields.birthday !== undefined) break;
        const d = normaliseDate(value, paramString(params, 'x-apple-omit-year'));
        if (d) {
          fields.birthday = d;
          field(i, 'birthday', params);
        } else if (trimmed(value)) {
          warnings.push({ line: l.line, message: `BDAY is not a date: "${value.slice(0, 40)}"` });
          roles[i] = { kind: 'keep', extraKey: 'BDAY' };
          addExtra('BDAY', unescapeText(value).trim());
        }
        break;
      }
      case 'x-abdate': {
        const d = normaliseDate(value, paramString(params, 'x-apple-omit-year'));
        if (!d) {
          roles[i] = { kind: 'keep' };
          break;
        }
        const item: LabelledValue = { value: d };
        const group = typeof params.group === 'string' ? params.group.toLowerCase() : undefined;
        const label = group ? groupLabels.get(group) : undefined;
        if (label) item.label = label;
        addDate(i, item, params);
        break;
      }
      case 'note': {
        const v = trimmed(unescapeText(value).replace(/\r\n|\r/g, '\n'));
        if (v) notes.push(v);
        field(i, 'notes', params);
        break;
      }
      case 'categories': {
        for (const t of splitEscaped(value, ',')) {
          const tag = trimmed(unescapeText(t));
          if (tag && !fields.tags.includes(tag)) fields.tags.push(tag);
        }
        field(i, 'tags', params);
        break;
      }
      case 'photo': {
        if (fields.photo) break;
        const photo = readPhoto(value, params, version);
        if (photo) {
          fields.photo = photo;
          field(i, 'photo', params);
        } else if (value.trim() !== '') {
          warnings.push({ line: l.line, message: 'PHOTO is neither base64 data nor a URL; ignored' });
        }
        break;
      }
      case 'uid': {
        const v = trimmed(unescapeText(value));
        if (v && fields.sourceKey === undefined) {
          fields.sourceKey = v;
          field(i, 'sourceKey', params);
        }
        break;
      }
      case 'kind':
      case 'x-addressbookserver-kind': {
        if (value.trim().toLowerCase() === 'group') kindGroup = true;
        roles[i] = { kind: 'keep' };
        if (name === 'kind' && !kindGroup) {
          roles[i] = { kind: 'keep', extraKey: 'KIND' };
          addExtra('KIND', unescapeText(value).trim());
        }
        break;
      }
      case 'member':
      case 'x-addressbookserver-member':
        members++;
        roles[i] = { kind: 'keep' };
        break;
      case 'x-ablabel':
        roles[i] = {
          kind: 'label',
          group: typeof params.group === 'string' ? params.group.toLowerCase() : '',
        };
        break;
      case 'x-rapport-extra': {
        const key = paramString(params, 'x-key');
        const connected = unescapeText(value).trim();
        if (key === CONNECTED_ON_KEY && /^\d{4}-\d{2}-\d{2}$/.test(connected)) {
          field(i, 'connectedOn', params);
          fields.connectedOn = connected;
          break;
        }
        roles[i] = { kind: 'keep' };
        if (key !== undefined && key !== '') {
          roles[i] = { kind: 'keep', extraKey: key };
          addExtra(key, unescapeText(value));
        }
        break;
      }
      default: {
        if (DROPPED.has(name)) break;
        if (ANNIVERSARIES.has(name)) {
          const d = normaliseDate(value);
          if (d) {
            addDate(i, { value: d, label: 'Anniversary' }, params);
            break;
          }
        }
        roles[i] = { kind: 'keep' };
        const encoding = (paramString(params, 'encoding') ?? '').toLowerCase();
        if (encoding === 'b' || (BINARY_CAPABLE.has(name) && /^data:/i.test(value.trim()))) break;
        if (TECHNICAL.has(name)) break;
        if (version === '3.0' && BINARY_CAPABLE.has(name) && !/^[a-z][a-z0-9+.-]*:/i.test(value.trim()))
          break;
        const text = trimmed(unescapeText(value));
        if (!text) break;
        const isSocial = name === 'x-socialprofile' && /^https?:\/\//i.test(text);
        if (isSocial || (name.startsWith('x-') && LINKEDIN_RE.test(text))) {
          const item: LabelledValue = { value: text };
          const label = labelOf(params, 'other') ?? (LINKEDIN_RE.test(text) ? 'linkedin' : undefined);
          if (label) item.label = label;
          field(i, `url:${fields.urls.length}`, params);
          fields.urls.push(item);
          break;
        }
        const key = name.toUpperCase();
        const label = labelOf(params, 'other');
        roles[i] = { kind: 'keep', extraKey: key };
        addExtra(key, label ? `${text} (${label})` : text);
      }
    }
  }

  // LABEL (2.1/3.0) is the printable form of an ADR: pair it by group, then by identical TYPEs, then by order.
  for (const lab of labels) {
    const free = adrs.filter((a) => fields.addresses[a.index]?.formatted === undefined);
    const match =
      (lab.group !== undefined ? free.find((a) => a.group === lab.group) : undefined) ??
      free.find((a) => a.group === undefined && a.typeKey === lab.typeKey) ??
      free.find((a) => a.group === undefined);
    const props0 = props[lab.index] as JProp;
    if (match) {
      (fields.addresses[match.index] as PostalAddress).formatted = lab.text;
      field(lab.index, `address:${match.index}`, props0[1]);
    } else {
      const address: PostalAddress = { formatted: lab.text };
      const label = labelOf(props0[1], 'adr');
      if (label) address.label = label;
      field(lab.index, `address:${fields.addresses.length}`, props0[1]);
      fields.addresses.push(address);
    }
  }
  // An X-ABLabel whose group holds a modelled value is part of that value (its label); others stay with theirs.
  for (let i = 0; i < roles.length; i++) {
    const r = roles[i] as Role;
    if (r.kind === 'label' && !modelledGroups.has(r.group)) roles[i] = { kind: 'keep' };
  }
  if (notes.length > 0) fields.notes = notes.join('\n\n');
  if (dates.length > 0) fields.dates = dates;

  const mapped: MappedCard = { fields, roles, warnings };
  if (kindGroup) {
    mapped.contactGroup = { members };
    if (fields.displayName) mapped.contactGroup.name = fields.displayName;
  }
  return mapped;
}
