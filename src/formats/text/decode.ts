import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Guesses how bytes from an export are encoded: a BOM wins; many NUL bytes mean UTF-16 without a BOM (old
 * Google and some vCard exports); otherwise strict UTF-8 if it decodes, else windows-1252 (Outlook desktop, old
 * 2.1 vCards). Pass `complete: false` for the first chunk of a stream.
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
  return { encoding: isUtf8(bytes, opts.complete ?? true) ? 'utf-8' : 'windows-1252', bomLength: 0 };
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
