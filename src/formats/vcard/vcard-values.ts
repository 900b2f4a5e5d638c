/**
 * Small pure helpers shared by the vCard parser and serializer: escaping, labels (TYPE values and Apple's
 * `X-ABLabel`), partial dates and photos.
 */
import type { Photo } from '../model';

// ---------------------------------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------------------------------

/**
 * Unescapes a text value, leniently: `\\`, `\n`/`\N`, `\,`, `\;`, and also `\:` and `\"` (Apple, Gmail). Any other
 * backslash is kept as written. (We do this ourselves rather than use ical.js's values: ical.js leaves `\;` in
 * plain text and splits lists at a separator that follows an escaped backslash, `a\\,b`.)
 */
export function unescapeText(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const next = s[i + 1] as string;
    i++;
    if (next === 'n' || next === 'N') out += '\n';
    else if (next === '\\' || next === ',' || next === ';' || next === ':' || next === '"') out += next;
    else out += c + next;
  }
  return out;
}

/** Unescapes a URI value: like text, but `\n` stays as written (no URI holds a line break). */
export function unescapeUri(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\([\\,;:"])/g, '$1');
}

/** Escapes text for a value ical.js writes verbatim (X- properties): `\`, `,`, `;` and line breaks. */
export function escapeText(s: string): string {
  return s.replace(/\\|;|,|\r\n|\r|\n/g, (c) =>
    c === '\\' ? '\\\\' : c === ';' ? '\\;' : c === ',' ? '\\,' : '\\n',
  );
}

/** Splits an escaped value on an unescaped separator; the parts stay escaped. */
export function splitEscaped(s: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === sep) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------------

export type LabelKind = 'email' | 'tel' | 'url' | 'adr' | 'other';

/** TYPE values that say nothing a person would call a label. */
const NOISE: Record<LabelKind, Set<string>> = {
  email: new Set(['internet', 'pref', 'x400']),
  tel: new Set(['voice', 'pref']),
  url: new Set(['pref']),
  adr: new Set(['pref', 'dom', 'intl', 'postal', 'parcel']),
  other: new Set(['pref']),
};

/** TYPE values the serializer writes as TYPE (anything else becomes an `itemN.X-ABLabel`). */
const KNOWN_TYPES: Record<LabelKind, Set<string>> = {
  email: new Set(['home', 'work', 'other']),
  tel: new Set([
    'home',
    'work',
    'cell',
    'fax',
    'pager',
    'text',
    'video',
    'textphone',
    'main',
    'msg',
    'bbs',
    'modem',
    'car',
    'isdn',
    'pcs',
    'iphone',
    'other',
  ]),
  url: new Set(['home', 'work', 'other']),
  adr: new Set(['home', 'work', 'other']),
  other: new Set(['home', 'work', 'other']),
};

/** The label a person would read, from TYPE values: `TEL;TYPE=HOME,FAX,VOICE` → `home fax`. */
export function labelFromTypes(types: string[], kind: LabelKind): string | undefined {
  const noise = NOISE[kind];
  const seen: string[] = [];
  for (const t of types) {
    const v = t.trim().toLowerCase();
    if (v !== '' && !noise.has(v) && !seen.includes(v)) seen.push(v);
  }
  return seen.length > 0 ? seen.join(' ') : undefined;
}

/** The TYPE values for a label, when the label is made only of known TYPE words (`home fax`); else undefined. */
export function typesForLabel(label: string, kind: LabelKind): string[] | undefined {
  if (label !== label.toLowerCase()) return undefined;
  const words = label.split(' ');
  if (words.join(' ') !== label) return undefined;
  const known = KNOWN_TYPES[kind];
  const noise = NOISE[kind];
  if (words.length === 0 || words.some((w) => !known.has(w) || noise.has(w))) return undefined;
  if (new Set(words).size !== words.length) return undefined;
  return words;
}

/**
 * The TYPE values a label written its own way still means (`Mobile`, `Work Fax`), or undefined: written beside
 * its `X-ABLabel`, so that a client reading only TYPE (Android, Thunderbird) still knows a mobile from a fax.
 */
export function typesHintedBy(label: string, kind: LabelKind): string[] | undefined {
  const words = label
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (kind === 'tel' && w === 'mobile' ? 'cell' : w));
  return typesForLabel(words.join(' '), kind);
}

const APPLE_LABEL_RE = /^_\$!<(.*)>!\$_$/s;

/** Apple writes its built-in labels as `_$!<Other>!$_` (localised by the device): keep the word only. */
export function cleanAppleLabel(label: string): string {
  const m = APPLE_LABEL_RE.exec(label.trim());
  return (m ? (m[1] as string) : label).trim();
}

const APPLE_LABELS = new Set([
  'Other',
  'HomePage',
  'Home',
  'Work',
  'Main',
  'Mobile',
  'HomeFAX',
  'WorkFAX',
  'OtherFAX',
  'Pager',
  'AssistantPhone',
  'CompanyMain',
  'Anniversary',
  'Spouse',
  'Child',
  'Mother',
  'Father',
  'Parent',
  'Brother',
  'Sister',
  'Friend',
  'Partner',
  'Manager',
  'Assistant',
  'School',
]);

/** The `X-ABLabel` value for a label: Apple's built-in words get their `_$!<…>!$_` form back. */
export function appleLabel(label: string): string {
  return APPLE_LABELS.has(label) ? `_$!<${label}>!$_` : label;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------

/**
 * Reads the date forms real files use (Q12): `1996-04-15`, `19960415`, `--0415`, `--04-15`, date-times (the
 * date part is kept as written, no time-zone shift), and Apple's `X-APPLE-OMIT-YEAR=1604` + `1604-12-25`.
 * Returns `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
 */
export function normaliseDate(raw: string, omitYear?: string): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/.exec(s);
  if (m) {
    const [, y, mo, d] = m as unknown as [string, string, string, string];
    if (!validMonthDay(mo, d)) return undefined;
    if (omitYear !== undefined && omitYear.trim() === y) return `--${mo}-${d}`;
    return `${y}-${mo}-${d}`;
  }
  m = /^--(\d{2})-?(\d{2})(?:T.*)?$/.exec(s);
  if (m) {
    const [, mo, d] = m as unknown as [string, string, string];
    return validMonthDay(mo, d) ? `--${mo}-${d}` : undefined;
  }
  return undefined;
}

function validMonthDay(mo: string, d: string): boolean {
  const month = Number(mo);
  const day = Number(d);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// ---------------------------------------------------------------------------------------------------------------
// Photos
// ---------------------------------------------------------------------------------------------------------------

const BASE64_RE = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Decodes base64 after removing all whitespace (Apple's two-space folding leaves one space per line, Q1). */
export function decodeBase64(value: string): Uint8Array | undefined {
  const b64 = value.replace(/\s+/g, '');
  if (b64 === '' || !BASE64_RE.test(b64)) return undefined;
  const buf = Buffer.from(b64, 'base64');
  if (buf.length === 0) return undefined;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export function encodeBase64(data: Uint8Array): string {
  return asBuffer(data).toString('base64');
}

/** `JPEG`, `jpg`, `image/jpeg` → `image/jpeg`; `PNG` → `image/png`; a full media type is kept (lower-case). */
export function mimeFromType(type: string): string {
  const t = type.trim().toLowerCase();
  if (t === 'jpeg' || t === 'jpg' || t === 'pjpeg' || t === 'image/jpg' || t === 'image/pjpeg')
    return 'image/jpeg';
  return t.includes('/') ? t : `image/${t}`;
}

/** The 3.0 TYPE value for a media type: `image/jpeg` → `JPEG`. */
export function typeFromMime(mime: string): string {
  const m = mime.toLowerCase();
  return m.startsWith('image/') ? m.slice('image/'.length).toUpperCase() : m;
}

/** Recognises the common image formats by their first bytes (for photos written without a TYPE). */
export function sniffMime(data: Uint8Array): string {
  const b = (i: number) => data[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45)
    return 'image/webp';
  if (b(0) === 0x42 && b(1) === 0x4d) return 'image/bmp';
  return 'application/octet-stream';
}

/** Reads a `data:` URI (4.0 PHOTO): base64 or percent-encoded. */
export function readDataUri(uri: string): { mime: string; data: Uint8Array } | undefined {
  const comma = uri.indexOf(',');
  if (!/^data:/i.test(uri) || comma === -1) return undefined;
  const meta = uri.slice(5, comma).split(';');
  const body = uri.slice(comma + 1);
  const isBase64 = meta.slice(1).some((p) => p.trim().toLowerCase() === 'base64');
  const mime = (meta[0] ?? '').trim().toLowerCase();
  let data: Uint8Array | undefined;
  if (isBase64) data = decodeBase64(body);
  else {
    try {
      data = new TextEncoder().encode(decodeURIComponent(body));
    } catch {
      data = undefined;
    }
  }
  if (!data) return undefined;
  return { mime: mime || sniffMime(data), data };
}

export function photoEquals(a: Photo | undefined, b: Photo | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'url' || b.kind === 'url')
    return a.kind === b.kind && (a as { url: string }).url === (b as { url: string }).url;
  return a.mime === b.mime && Buffer.compare(asBuffer(a.data), asBuffer(b.data)) === 0;
}

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
