import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1250';

/**
 * Guesses how bytes from an export are encoded: a BOM wins; many NUL bytes mean UTF-16 without a BOM (old
 * Google and some vCard exports); otherwise strict UTF-8 if it decodes, else windows-1252 (Outlook desktop, old
 * 2.1 vCards), or windows-1250 when the bytes read as Central European letters inside words (a Polish Outlook:
 * `Spółka` is `Spó³ka` in windows-1252). Pass `complete: false` for the first chunk of a stream.
 */
export function detectEncoding(
  bytes: Uint8Array,
  opts: { complete?: boolean } = {},
): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = bytes.subarray(0, 4096);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  if (evenNuls + oddNuls > sample.length / 8) {
    return { encoding: evenNuls > oddNuls ? 'utf-16be' : 'utf-16le', bomLength: 0 };
  }
  if (isUtf8(bytes, opts.complete ?? true)) return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: legacyEncoding(sample), bomLength: 0 };
}

// Bytes that are a letter in windows-1250 but a sign in windows-1252 (ą ł Ł ż Ż Ą ľ Ľ ş Ş ź Ź ť Ť: ¹ ³ £ ¿ ¯ ¥ ¾ ¼ º ª
// Ÿ/undefined), and the reverse (ÿ is ˙ in windows-1250, ƒ ˆ ˜ are undefined there).
const LETTER_IN_1250 = new Set([
  0xb9, 0xb3, 0xa3, 0xbf, 0xaf, 0xa5, 0xbe, 0xbc, 0xba, 0xaa, 0x9f, 0x8f, 0x9d, 0x8d,
]);
const LETTER_IN_1252 = new Set([0xff, 0x83, 0x88, 0x98]);
const isLetterByte = (b: number | undefined) =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b >= 0xc0);

/**
 * The code page of 8-bit text that is not UTF-8: windows-1250 when more of its bytes between two letters are
 * letters only there than only in windows-1252, else windows-1252. Inside a word only: `£5`, `¿Qué?` and `x²` stay
 * windows-1252; `Spó³ka`, `W¹sowicz` do not. Most Western European letters (é ü ß ñ) are the same byte in both,
 * so they count for neither and a tie stays windows-1252.
 */
export function legacyEncoding(sample: Uint8Array): 'windows-1250' | 'windows-1252' {
  let score = 0;
  for (let i = 1; i < sample.length - 1; i++) {
    const b = sample[i] as number;
    if (b < 0x80 || !isLetterByte(sample[i - 1]) || !isLetterByte(sample[i + 1])) continue;
    if (LETTER_IN_1250.has(b)) score++;
    else if (LETTER_IN_1252.has(b)) score--;
  }
  return score > 0 ? 'windows-1250' : 'windows-1252';
}

/**
 * Strict UTF-8 check. On the first chunk of a stream (`complete: false`) a multi-byte sequence cut at the end is
 * not an error; on a whole file every byte counts, the last ones included.
 */
function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** Decodes a whole file to text (without its BOM), using `detectEncoding`. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding === 'utf-8') return { text: new TextDecoder('utf-8').decode(body), encoding };
  if (encoding === 'utf-16le') return { text: new TextDecoder('utf-16le').decode(body), encoding };
  return {
    text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding),
    encoding,
  };
}

/** Decodes bytes known to be in `charset` (a vCard CHARSET= parameter, say); unknown charsets fall back to UTF-8. */
export function decodeCharset(bytes: Uint8Array, charset: string): string {
  const name = charset.trim().toLowerCase();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return iconv.encodingExists(name) ? iconv.decode(buffer, name) : new TextDecoder('utf-8').decode(bytes);
}
