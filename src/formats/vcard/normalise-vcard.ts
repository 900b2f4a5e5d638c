/**
 * Our own vCard pre-normaliser (FORMATS.md §3.2): turns what real clients write (2.1 quoted-printable with soft
 * breaks and charsets, bare 2.1 parameters, `\r\r\n` line ends, Apple's `\:` escapes, …) into vCard 3.0 or 4.0
 * text that ical.js reads, one card at a time. It also splits files into cards, from a string, a byte array or a
 * stream of chunks, keeping each card's original text and starting line so that one bad card can be reported
 * precisely and unknown properties survive a round trip.
 */
import iconv from 'iconv-lite';
import { decodeCharset, detectEncoding, legacyEncoding, type TextEncoding } from '../text/decode';

// ---------------------------------------------------------------------------------------------------------------
// Splitting a file into cards
// ---------------------------------------------------------------------------------------------------------------

/** One card as found in its file. */
export interface RawVCard {
  /** 1-based position of the card in its file. */
  index: number;
  /** 1-based line of its `BEGIN:VCARD` in the file. */
  line: number;
  /** The card exactly as it was in the file (decoded to text, original line ends kept). */
  text: string;
  /** How the card's bytes were decoded, when it was split from bytes. */
  encoding?: TextEncoding;
  /** The file ended (or another card began) before this card's `END:VCARD`. */
  truncated?: boolean;
}

/** What the splitters produce: cards, and non-blank text found outside any card. */
export type VCardSplitItem = { kind: 'card'; card: RawVCard } | { kind: 'stray'; line: number; text: string };

const BEGIN_RE = /^BEGIN[ \t]*:[ \t]*VCARD[ \t]*$/i;
const END_RE = /^END[ \t]*:[ \t]*VCARD[ \t]*$/i;
/** An `AGENT:` line with an empty value: in 2.1 the agent's own card follows on the next lines. */
const EMPTY_AGENT_RE = /^(?:[\w-]+\.)?AGENT(?:;[^:]*)?:[ \t]*$/i;
/** Line terminators, longest first: `\r\r\n` (an iPhone export) counts as one line end (Q2). */
const EOL_RE = /\r\r\n|\r\n|\n|\r/g;

/**
 * Splits text into cards incrementally: feed it chunks with `push`, then call `end`. It holds only the card being
 * read (and a partial line), so a large file streams through without being held in memory.
 */
export class VCardTextSplitter {
  private partial: string[] = [];
  /** `\r` characters seen at the very end of the last chunk: they may be the start of `\r\n` or `\r\r\n`. */
  private heldCr = '';
  private lineNo = 0;
  private card: string[] | null = null;
  private cardLine = 0;
  private depth = 0;
  private previous = '';
  private index = 0;
  private out: VCardSplitItem[] = [];

  push(chunk: string): VCardSplitItem[] {
    if (chunk.length === 0) return [];
    if (
      this.lineNo === 0 &&
      this.partial.length === 0 &&
      this.heldCr === '' &&
      chunk.charCodeAt(0) === 0xfeff
    ) {
      chunk = chunk.slice(1);
    }
    const s = this.heldCr + chunk;
    this.heldCr = '';
    EOL_RE.lastIndex = 0;
    let start = 0;
    for (let m = EOL_RE.exec(s); m !== null; m = EOL_RE.exec(s)) {
      const eol = m[0];
      const after = m.index + eol.length;
      // A `\r` or `\r\r` at the very end may continue in the next chunk: hold it back.
      if ((eol === '\r' && (after === s.length || (after === s.length - 1 && s[after] === '\r'))) === true) {
        this.partial.push(s.slice(start, m.index));
        this.heldCr = s.slice(m.index);
        start = s.length;
        break;
      }
      this.partial.push(s.slice(start, m.index));
      const line = this.partial.length === 1 ? (this.partial[0] as string) : this.partial.join('');
      this.partial = [];
      this.onLine(line, eol);
      start = after;
    }
    if (start < s.length) this.partial.push(s.slice(start));
    return this.drain();
  }

  end(): VCardSplitItem[] {
    const rest = this.partial.join('');
    this.partial = [];
    if (rest.length > 0 || this.heldCr.length > 0) this.onLine(rest, this.heldCr);
    this.heldCr = '';
    if (this.card) this.emitCard(true);
    return this.drain();
  }

  private drain(): VCardSplitItem[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private onLine(line: string, eol: string): void {
    this.lineNo++;
    if (this.card === null) {
      if (BEGIN_RE.test(line)) this.startCard(line, eol);
      else if (line.trim() !== '') this.out.push({ kind: 'stray', line: this.lineNo, text: line });
      return;
    }
    if (BEGIN_RE.test(line)) {
      if (EMPTY_AGENT_RE.test(this.previous) || this.depth > 1) {
        this.depth++;
      } else {
        // A new card starts before this one ended: close it as truncated.
        this.emitCard(true);
        this.startCard(line, eol);
        return;
      }
    } else if (END_RE.test(line)) {
      this.depth--;
    }
    this.card.push(line + eol);
    this.previous = line;
    if (this.depth === 0) this.emitCard(false);
  }

  private startCard(line: string, eol: string): void {
    this.card = [line + eol];
    this.cardLine = this.lineNo;
    this.depth = 1;
    this.previous = line;
  }

  private emitCard(truncated: boolean): void {
    const card: RawVCard = { index: ++this.index, line: this.cardLine, text: (this.card ?? []).join('') };
    if (truncated) card.truncated = true;
    this.out.push({ kind: 'card', card });
    this.card = null;
    this.depth = 0;
    this.previous = '';
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for bytes outside ASCII
const NON_ASCII_RE = /[^\x00-\x7f]/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits bytes into cards incrementally. The encoding is detected on the first 4 KB (BOM, UTF-16 with or without
 * BOM); 8-bit files are then split on their line ends and each card is decoded on its own, as strict UTF-8 or else
 * windows-1252 (windows-1250 when its letters say so), so one Latin-1 card in a UTF-8 file (merged exports) still
 * reads correctly.
 */
export class VCardByteSplitter {
  private text = new VCardTextSplitter();
  private head: Uint8Array[] = [];
  private headLength = 0;
  private mode: 'detect' | 'utf16' | '8bit' = 'detect';
  private utf16?: TextDecoder;
  private utf16Encoding: TextEncoding = 'utf-16le';

  push(chunk: Uint8Array): VCardSplitItem[] {
    if (this.mode === 'detect') {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength < 4096) return [];
      return this.detect();
    }
    return this.feed(chunk);
  }

  end(): VCardSplitItem[] {
    const items = this.mode === 'detect' ? this.detect(true) : [];
    if (this.mode === 'utf16' && this.utf16) items.push(...this.convert(this.text.push(this.utf16.decode())));
    items.push(...this.convert(this.text.end()));
    return items;
  }

  private detect(complete = false): VCardSplitItem[] {
    const head = Buffer.concat(this.head);
    this.head = [];
    const { encoding, bomLength } = detectEncoding(head, { complete });
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      this.mode = 'utf16';
      this.utf16Encoding = encoding;
      this.utf16 = new TextDecoder(encoding);
    } else {
      this.mode = '8bit';
    }
    return this.feed(head.subarray(bomLength));
  }

  private feed(chunk: Uint8Array): VCardSplitItem[] {
    if (this.mode === 'utf16')
      return this.convert(this.text.push((this.utf16 as TextDecoder).decode(chunk, { stream: true })));
    // Latin-1 maps each byte to one character, so line ends are found without decoding; cards are decoded below.
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    return this.convert(this.text.push(buffer.toString('latin1')));
  }

  private convert(items: VCardSplitItem[]): VCardSplitItem[] {
    if (this.mode === 'utf16') {
      for (const item of items) if (item.kind === 'card') item.card.encoding = this.utf16Encoding;
      return items;
    }
    for (const item of items) {
      if (item.kind === 'card') {
        const { text, encoding } = decode8bit(item.card.text);
        item.card.text = text;
        item.card.encoding = encoding;
      } else {
        item.text = decode8bit(item.text).text;
      }
    }
    return items;
  }
}

function decode8bit(latin1: string): { text: string; encoding: TextEncoding } {
  if (!NON_ASCII_RE.test(latin1)) return { text: latin1, encoding: 'utf-8' };
  const bytes = Buffer.from(latin1, 'latin1');
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // A card that names its CHARSET has its values decoded again from windows-1252 (below), which gives back
    // every byte a multi-byte charset uses; others may be a Polish phone's windows-1250.
    const encoding = HAS_CHARSET.test(latin1) ? 'windows-1252' : legacyEncoding(bytes);
    return { text: iconv.decode(bytes, encoding), encoding };
  }
}

const HAS_CHARSET = /;CHARSET=/i;

const SYNC_CHUNK = 1 << 20;

/** Splits a whole file (text, or bytes in any encoding) into cards. */
export function* splitVCards(input: string | Uint8Array): Generator<VCardSplitItem> {
  if (typeof input === 'string') {
    const splitter = new VCardTextSplitter();
    for (let i = 0; i < input.length; i += SYNC_CHUNK) yield* splitter.push(input.slice(i, i + SYNC_CHUNK));
    yield* splitter.end();
    return;
  }
  const splitter = new VCardByteSplitter();
  for (let i = 0; i < input.length; i += SYNC_CHUNK) yield* splitter.push(input.subarray(i, i + SYNC_CHUNK));
  yield* splitter.end();
}

/**
 * Splits a stream into cards, yielding each card as soon as its `END:VCARD` arrives. Accepts byte chunks (a
 * `fs.createReadStream`, a web `ReadableStream`, an upload) or already decoded text chunks, not a mix.
 */
export async function* splitVCardStream(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncGenerator<VCardSplitItem> {
  let text: VCardTextSplitter | undefined;
  let bytes: VCardByteSplitter | undefined;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      if (bytes) throw new TypeError('splitVCardStream: text chunk in a byte stream');
      text ??= new VCardTextSplitter();
      yield* text.push(chunk);
    } else {
      if (text) throw new TypeError('splitVCardStream: byte chunk in a text stream');
      bytes ??= new VCardByteSplitter();
      yield* bytes.push(chunk);
    }
  }
  if (text) yield* text.end();
  if (bytes) yield* bytes.end();
}

// ---------------------------------------------------------------------------------------------------------------
// Normalising one card
// ---------------------------------------------------------------------------------------------------------------

export interface NormaliseWarning {
  /** 1-based line in the file (or in the card's text when it was normalised on its own). */
  line: number;
  message: string;
}

/** One content line of the normalised card. */
export interface NormalisedLine {
  /** Where the property started in the file. */
  line: number;
  /** Property name, upper-case, without its group. */
  name: string;
  group?: string;
  /** The normalised content line (unfolded, no line end). */
  text: string;
  /** Its value part (after the first unquoted `:`), in the escaping of the output version. */
  value: string;
}

export interface NormalisedVCard {
  /** vCard 3.0 or 4.0 text for ical.js: CRLF, unfolded, `VERSION` first. */
  text: string;
  /** The version the output declares: 2.1 and 3.0 become 3.0, 4.0 stays 4.0. */
  version: '3.0' | '4.0';
  /** The version the card declared (`2.1`, `3.0`, `4.0`), or `''` when it had none. */
  sourceVersion: string;
  /** The content lines between `VERSION` and `END:VCARD`, in order (one ical.js property each). */
  lines: NormalisedLine[];
  warnings: NormaliseWarning[];
}

interface Param {
  /** Upper-case name, or null for a bare 2.1 parameter (`TEL;CELL:`). */
  name: string | null;
  /** The values: TYPE lists are split on commas; other values are kept whole, without their quotes. */
  values: string[];
}

interface ContentLine {
  group?: string;
  name: string;
  params: Param[];
  value: string;
}

const NAME_RE = /^(?:([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\.)?([A-Za-z0-9_-]+)$/;
const PROPERTY_START_RE = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*[ \t]*[;:]/;

/** Splits `group.NAME;P=V;BARE:value`; quoted parameter values may hold `;`, `:` and `,`. */
export function splitContentLine(s: string): ContentLine | null {
  let i = 0;
  const n = s.length;
  while (i < n && s[i] !== ';' && s[i] !== ':') i++;
  if (i >= n) return null;
  const m = NAME_RE.exec(s.slice(0, i).trim());
  if (!m) return null;
  const params: Param[] = [];
  while (s[i] === ';') {
    i++;
    let j = i;
    let quoted = false;
    while (j < n && (quoted || (s[j] !== ';' && s[j] !== ':'))) {
      if (s[j] === '"') quoted = !quoted;
      j++;
    }
    const raw = s.slice(i, j).trim();
    i = j;
    if (raw === '') continue;
    const eq = raw.indexOf('=');
    if (eq === -1) {
      params.push({ name: null, values: [unquote(raw)] });
      continue;
    }
    const name = raw.slice(0, eq).trim().toUpperCase();
    const valueText = raw.slice(eq + 1).trim();
    if (name === '') continue;
    const values = name === 'TYPE' ? splitTypeValues(valueText) : [unquote(valueText)];
    params.push({ name, values });
  }
  if (s[i] !== ':') return null;
  const line: ContentLine = { name: (m[2] as string).toUpperCase(), params, value: s.slice(i + 1) };
  if (m[1]) line.group = m[1];
  return line;
}

function unquote(v: string): string {
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v.replace(/"/g, '');
}

function splitTypeValues(v: string): string[] {
  return v
    .replace(/"/g, '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Words that are TYPE values when a 2.1 card writes them bare (`TEL;CELL;PREF:`), never charsets. */
const NOT_CHARSETS = new Set([
  'HOME',
  'WORK',
  'CELL',
  'PREF',
  'VOICE',
  'FAX',
  'MSG',
  'PAGER',
  'BBS',
  'MODEM',
  'CAR',
]);

/** Structured values (components split on `;`). */
const STRUCTURED = new Set(['N', 'ADR', 'ORG', 'GENDER', 'CLIENTPIDMAP']);
/** 2.1 structured values whose components are comma lists (N's middle names, ADR's street lines). */
const STRUCTURED_LISTS = new Set(['N', 'ADR']);
/** Text values (single or comma lists) that ical.js types as text. */
const TEXT = new Set([
  'FN',
  'NOTE',
  'TITLE',
  'ROLE',
  'LABEL',
  'EMAIL',
  'MAILER',
  'PRODID',
  'SORT-STRING',
  'CLASS',
  'UID',
  'KIND',
  'XML',
  'NICKNAME',
  'CATEGORIES',
]);
/** Values that are URIs (or binary data) in 3.0 and 4.0. */
const URI = new Set([
  'URL',
  'PHOTO',
  'LOGO',
  'SOUND',
  'KEY',
  'SOURCE',
  'IMPP',
  'MEMBER',
  'RELATED',
  'CALURI',
  'CALADRURI',
  'FBURL',
]);
/** 2.1 values copied without text escaping (dates, numbers, phone numbers). */
const RAW_21 = new Set(['VERSION', 'BDAY', 'REV', 'TZ', 'TEL', 'ANNIVERSARY']);

interface LogicalLine {
  text: string;
  line: number;
  /** The raw lines of a 2.1 agent's embedded card, when this is `AGENT:` followed by `BEGIN:VCARD`…`END:VCARD`. */
  nested?: string[];
}

interface OpenLine {
  pieces: string[];
  line: number;
  /** Quoted-printable / base64 value, once the header (up to the first `:`) has been read. */
  qp?: boolean;
  b64?: boolean;
  nested?: string[];
}

const QP_HEADER_RE = /^[^:]*QUOTED-PRINTABLE[^:]*:/i;
const B64_HEADER_RE = /^[^:]*[;=](?:BASE64|B)[;:]/i;

function classify(open: OpenLine): void {
  if (open.qp !== undefined) return;
  const head = open.pieces.join('');
  if (!head.includes(':')) return;
  open.qp = QP_HEADER_RE.test(head);
  open.b64 = B64_HEADER_RE.test(head);
}

/**
 * Joins physical lines into logical lines: RFC folding (CRLF + one space or tab), 2.1 quoted-printable soft breaks
 * (`=` at the end of the line, next line without indentation), lines that are not properties (a producer's raw
 * newline, or unindented base64) and a 2.1 agent's embedded card.
 */
function unfold(physical: string[], firstLine: number, warnings: NormaliseWarning[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  let cur: OpenLine | null = null;
  const close = () => {
    if (!cur) return;
    const l: LogicalLine = { text: cur.pieces.join(''), line: cur.line };
    if (cur.nested) l.nested = cur.nested;
    out.push(l);
    cur = null;
  };
  // Skip the card's own BEGIN and END lines.
  let start = 0;
  while (start < physical.length && !BEGIN_RE.test(physical[start] as string)) start++;
  if (start === physical.length) start = -1;
  let end = physical.length - 1;
  while (end > start && !END_RE.test(physical[end] as string)) end--;
  if (end <= start) end = physical.length;
  for (let i = start + 1; i < end; i++) {
    const text = physical[i] as string;
    const line = firstLine + i;
    if (cur !== null) {
      const open: OpenLine = cur;
      classify(open);
      const last = open.pieces[open.pieces.length - 1] as string;
      if (open.qp && !open.nested && last.endsWith('=')) {
        open.pieces[open.pieces.length - 1] = last.slice(0, -1);
        open.pieces.push(text);
        continue;
      }
      if (text.startsWith(' ') || text.startsWith('\t')) {
        open.pieces.push(text.slice(1));
        continue;
      }
      if (text.trim() === '') continue;
      if (BEGIN_RE.test(text) && EMPTY_AGENT_RE.test(open.pieces.join(''))) {
        // 2.1 AGENT: the agent's card follows; keep it whole as the property's value.
        const nested: string[] = [text];
        let depth = 1;
        while (depth > 0 && i + 1 < end) {
          i++;
          const t = physical[i] as string;
          if (BEGIN_RE.test(t)) depth++;
          else if (END_RE.test(t)) depth--;
          nested.push(t);
        }
        open.nested = nested;
        continue;
      }
      if (!PROPERTY_START_RE.test(text) && !/^VERSION[ \t]*:/i.test(open.pieces[0] as string)) {
        // Not a property: unindented base64, or a producer's raw line break inside a value.
        if (open.b64) {
          open.pieces.push(text);
        } else {
          open.pieces.push('\n', text);
          warnings.push({ line, message: 'joined a line that is not a property to the value before it' });
        }
        continue;
      }
    } else if (text.trim() === '') {
      continue;
    }
    close();
    cur = { pieces: [text], line };
  }
  close();
  return out;
}

/**
 * Normalises one card (its raw text, as split from the file) into vCard 3.0 (from 2.1 or 3.0) or 4.0 text that
 * ical.js reads. Never throws; what it had to drop or guess is in `warnings`.
 */
export function normaliseVCard(card: RawVCard | string): NormalisedVCard {
  const raw: RawVCard = typeof card === 'string' ? { index: 1, line: 1, text: card } : card;
  const physical = raw.text.split(EOL_RE);
  if (physical.length > 0 && physical[physical.length - 1] === '') physical.pop();
  const warnings: NormaliseWarning[] = [];
  const sourceVersion = findVersion(physical);
  const is21 = sourceVersion !== '' && Number.parseFloat(sourceVersion) < 3;
  const version: '3.0' | '4.0' = sourceVersion.startsWith('4') ? '4.0' : '3.0';

  const logical = unfold(physical, raw.line, warnings);
  const lines: NormalisedLine[] = [];
  for (const l of logical) {
    const parsed = splitContentLine(l.text);
    if (!parsed) {
      warnings.push({ line: l.line, message: `ignored a line that is not a property: "${clip(l.text)}"` });
      continue;
    }
    if (parsed.name === 'VERSION' || parsed.name === 'BEGIN' || parsed.name === 'END') continue;
    lines.push(normaliseProperty(parsed, l, { is21, version, encoding: raw.encoding }, warnings));
  }
  if (raw.truncated) warnings.push({ line: raw.line, message: 'the card has no END:VCARD' });
  warnings.sort((a, b) => a.line - b.line);
  const body = lines.map((l) => `${l.text}\r\n`).join('');
  return {
    text: `BEGIN:VCARD\r\nVERSION:${version}\r\n${body}END:VCARD\r\n`,
    version,
    sourceVersion,
    lines,
    warnings,
  };
}

function findVersion(physical: string[]): string {
  let depth = 0;
  for (const line of physical) {
    if (BEGIN_RE.test(line)) depth++;
    else if (END_RE.test(line)) depth--;
    else if (depth <= 1) {
      const m = /^VERSION[ \t]*:[ \t]*([0-9.]+)/i.exec(line);
      if (m) return m[1] as string;
    }
  }
  return '';
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

interface CardContext {
  is21: boolean;
  version: '3.0' | '4.0';
  encoding?: TextEncoding;
}

function normaliseProperty(
  p: ContentLine,
  l: LogicalLine,
  ctx: CardContext,
  warnings: NormaliseWarning[],
): NormalisedLine {
  let qp = false;
  let binary = false;
  let charset: string | undefined;
  const types: string[] = [];
  const params: { name: string; values: string[] }[] = [];
  let isUriValue = URI.has(p.name) || (ctx.version === '4.0' && (p.name === 'TEL' || p.name === 'GEO'));
  for (const param of p.params) {
    if (param.name === null) {
      const bare = (param.values[0] ?? '').trim();
      const upper = bare.toUpperCase();
      if (upper === 'QUOTED-PRINTABLE') qp = true;
      else if (upper === 'BASE64' || upper === 'B') binary = true;
      else if (upper === '7BIT' || upper === '8BIT') continue;
      else if (
        !NOT_CHARSETS.has(upper) &&
        /^(UTF-?8|ISO-?8859-\d+|WINDOWS-125\d|US-ASCII|SHIFT_JIS|BIG5|GB2312|KOI8-R)$/i.test(bare)
      )
        charset = bare;
      else types.push(bare);
      continue;
    }
    const value = param.values[0] ?? '';
    switch (param.name) {
      case 'ENCODING': {
        const upper = value.toUpperCase();
        if (upper === 'QUOTED-PRINTABLE') qp = true;
        else if (upper === 'BASE64' || upper === 'B') binary = true;
        else if (upper !== '7BIT' && upper !== '8BIT') params.push({ name: 'ENCODING', values: [value] });
        break;
      }
      case 'CHARSET':
        charset = value;
        break;
      case 'TYPE':
        types.push(...param.values);
        break;
      case 'VALUE': {
        const upper = value.toUpperCase();
        if (upper === 'URL' || upper === 'URI' || upper === 'CONTENT-ID' || upper === 'CID') {
          params.push({ name: 'VALUE', values: ['uri'] });
          isUriValue = true;
        } else if (upper !== 'INLINE' && upper !== '') {
          params.push({ name: 'VALUE', values: [value.toLowerCase()] });
          if (upper === 'TEXT') isUriValue = false;
        }
        break;
      }
      default:
        params.push({ name: param.name, values: param.values });
    }
  }
  if (types.length > 0) params.unshift({ name: 'TYPE', values: types });
  if (binary) {
    params.unshift({ name: 'ENCODING', values: ['b'] });
    isUriValue = false;
  }

  let value = p.value;
  if (l.nested) value = l.nested.join('\n');
  if (qp) {
    const decoded = decodeQuotedPrintable(value, charset);
    if (decoded.invalid) {
      warnings.push({
        line: l.line,
        message: `${p.name}: invalid ${charset ?? 'UTF-8'} bytes in a quoted-printable value`,
      });
    }
    value = decoded.text;
  } else if (charset && ctx.encoding === 'windows-1252' && NON_ASCII_RE.test(value)) {
    // The card was not valid UTF-8 as a whole; this value says which charset its own bytes are in.
    value = decodeCharset(iconv.encode(value, 'windows-1252'), charset);
  }

  if (binary) {
    value = value.replace(/\s+/g, '');
  } else if (ctx.is21) {
    value = convert21(p.name, value, isUriValue);
  } else {
    if (qp || l.nested) value = value.replace(/\r\n|\r|\n/g, '\\n');
    else value = value.replace(/\r\n|\r|\n/g, isUriValue ? '' : '\\n');
    value = lenientUnescape(p.name, value, ctx.version, isUriValue);
  }

  const name = p.group ? `${p.group}.${p.name}` : p.name;
  const text = `${name}${params.map(formatParam).join('')}:${value}`;
  const out: NormalisedLine = { line: l.line, name: p.name, text, value };
  if (p.group) out.group = p.group;
  return out;
}

function formatParam(p: { name: string; values: string[] }): string {
  return `;${p.name}=${p.values.map(formatParamValue).join(',')}`;
}

function formatParamValue(v: string): string {
  const safe = v.replace(/"/g, "^'").replace(/\r\n|\r|\n/g, '^n');
  return /[;:,]/.test(safe) ? `"${safe}"` : safe;
}

/** Decodes quoted-printable (soft breaks already joined) into text, using the value's CHARSET. */
export function decodeQuotedPrintable(value: string, charset?: string): { text: string; invalid: boolean } {
  const bytes: number[] = [];
  const s = value.endsWith('=') ? value.slice(0, -1) : value;
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d && i + 2 < s.length && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // Not allowed in QP, but keep the text: encode the character as UTF-8.
      const ch = String.fromCodePoint(s.codePointAt(i) as number);
      for (const b of enc.encode(ch)) bytes.push(b);
      i += ch.length - 1;
    }
  }
  const buf = Uint8Array.from(bytes);
  const cs = (charset ?? '')
    .trim()
    .toLowerCase()
    .replace(/^utf8$/, 'utf-8');
  if (cs === '' || cs === 'utf-8') {
    try {
      return { text: strictUtf8.decode(buf), invalid: false };
    } catch {
      if (cs === '') return { text: iconv.decode(Buffer.from(buf), 'windows-1252'), invalid: false };
      return { text: new TextDecoder('utf-8').decode(buf), invalid: true };
    }
  }
  return { text: decodeCharset(buf, cs), invalid: false };
}

/** 2.1 → 3.0: 2.1 only escapes `;` (and some writers `,`); `\n` is literal text and newlines are raw. */
function convert21(name: string, value: string, isUri: boolean): string {
  if (isUri || RAW_21.has(name)) return value.replace(/\r\n|\r|\n/g, '');
  if (name === 'GEO') return value.replace(',', ';');
  if (STRUCTURED.has(name)) {
    const keepCommas = STRUCTURED_LISTS.has(name);
    return splitUnescaped21(value, ';')
      .map((c) => escape30(c, keepCommas))
      .join(';');
  }
  if (name === 'CATEGORIES') {
    return splitUnescaped21(value, ';')
      .flatMap((c) => c.split(','))
      .map((c) => escape30(c, false))
      .join(',');
  }
  return escape30(unescape21(value), false);
}

function splitUnescaped21(value: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\' && (value[i + 1] === ';' || value[i + 1] === ',')) {
      cur += value[i + 1];
      i++;
    } else if (c === sep) {
      parts.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  parts.push(cur);
  return parts;
}

function unescape21(value: string): string {
  return value.replace(/\\([;,])/g, '$1');
}

function escape30(s: string, keepCommas: boolean): string {
  return s.replace(/\\|;|,|\r\n|\r|\n/g, (c) => {
    if (c === ',') return keepCommas ? ',' : '\\,';
    if (c === '\\') return '\\\\';
    if (c === ';') return '\\;';
    return '\\n';
  });
}

/**
 * 3.0/4.0 writers escape more than the RFCs allow: Apple writes `http\://`, Gmail `\"`, many `\;` in plain
 * text. Rewrites those so ical.js reads the text as meant. `\\` pairs are kept, so `\\:` stays a backslash + `:`.
 */
function lenientUnescape(name: string, value: string, version: '3.0' | '4.0', isUri: boolean): string {
  if (!value.includes('\\')) return value;
  let chars: string;
  if (STRUCTURED.has(name) || (name === 'GEO' && version === '3.0')) chars = ':"';
  else if (isUri) chars = version === '3.0' ? ':";,' : ':";';
  else if (TEXT.has(name)) chars = ':";';
  else return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\' && i + 1 < value.length) {
      const next = value[i + 1] as string;
      out += chars.includes(next) ? next : c + next;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * FORMATS.md §3.2: a whole file (bytes in any encoding, or text) → one string of normalised cards ical.js can
 * read. For large files prefer `splitVCardStream` + `normaliseVCard`, which hold one card at a time.
 */
export function normaliseVCardText(input: Uint8Array | string): string {
  const out: string[] = [];
  for (const item of splitVCards(input)) if (item.kind === 'card') out.push(normaliseVCard(item.card).text);
  return out.join('');
}
