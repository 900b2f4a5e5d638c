import iconv from 'iconv-lite';
import { decodeBytes, detectEncoding, type TextEncoding } from '../text/decode';

/** Bytes in, text out, chunk by chunk; the encoding is decided on the first 64 KB (or the whole file if smaller). */
export interface TextStreamDecoder {
  push(bytes: Uint8Array): string;
  end(): string;
  /** Known once the first text has come out. */
  readonly encoding: TextEncoding | undefined;
}

const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes a byte stream the way decodeBytes decodes a file (BOM, UTF-16 with or without BOM, UTF-8, else
 * windows-1252), holding back only the first 64 KB until the encoding is known. Characters split across chunks
 * are joined. No BOM in the output.
 */
export function createTextStreamDecoder(): TextStreamDecoder {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let encoding: TextEncoding | undefined;
  let decode: ((bytes: Uint8Array) => string) | undefined;
  let flush: (() => string) | undefined;

  const choose = (head: Uint8Array, whole: boolean): string => {
    if (whole) {
      const decoded = decodeBytes(head);
      encoding = decoded.encoding;
      decode = () => '';
      flush = () => '';
      return decoded.text;
    }
    const detected = detectEncoding(head, { complete: false });
    encoding = detected.encoding;
    if (encoding === 'utf-8' || encoding === 'utf-16le') {
      const decoder = new TextDecoder(encoding); // drops the BOM itself
      decode = (bytes) => decoder.decode(bytes, { stream: true });
      flush = () => decoder.decode();
    } else {
      const decoder = iconv.getDecoder(encoding); // strips a UTF-16 BOM itself
      decode = (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      flush = () => decoder.end() ?? '';
    }
    return decode(head);
  };

  const joined = () => {
    const all = new Uint8Array(pendingBytes);
    let at = 0;
    for (const part of pending) {
      all.set(part, at);
      at += part.length;
    }
    pending = [];
    pendingBytes = 0;
    return all;
  };

  return {
    push(bytes: Uint8Array): string {
      if (decode) return decode(bytes);
      pending.push(bytes);
      pendingBytes += bytes.length;
      return pendingBytes >= SNIFF_BYTES ? choose(joined(), false) : '';
    },
    end(): string {
      if (!decode) return choose(joined(), true);
      return (flush as () => string)();
    },
    get encoding() {
      return encoding;
    },
  };
}
