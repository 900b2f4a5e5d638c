import { decodeBytes, decodeCharset, detectEncoding, type TextEncoding } from '../text/decode';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `decodeBytes` for a complete file. detectEncoding checks UTF-8 on all but the last 3 bytes (made for stream
 * chunks), so a file whose only tell sits at its very end is misread both ways (`…–\r\n` as windows-1252,
 * `…é\r\n` in windows-1252 as UTF-8 with U+FFFD). A whole file has no cut: UTF-8 versus windows-1252 is decided
 * on all of it. BOMs and UTF-16 are left to decodeBytes.
 */
export function decodeFileBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, bomLength } = detectEncoding(bytes);
  if (bomLength > 0 || (encoding !== 'utf-8' && encoding !== 'windows-1252')) return decodeBytes(bytes);
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeCharset(bytes, 'windows-1252'), encoding: 'windows-1252' };
  }
}
