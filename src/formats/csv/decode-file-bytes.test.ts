import { describe, expect, it } from 'vitest';
import { decodeFileBytes } from './decode-file-bytes';

describe('decodeFileBytes', () => {
  it('keeps UTF-8 whose last character is multi-byte and followed by CRLF (detectEncoding alone says windows-1252)', () => {
    expect(decodeFileBytes(new TextEncoder().encode('a,b\r\nx,–\r\n'))).toEqual({
      text: 'a,b\r\nx,–\r\n',
      encoding: 'utf-8',
    });
  });
  it('falls back to windows-1252 even when the only non-UTF-8 byte is among the last three', () => {
    expect(decodeFileBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toEqual({
      text: 'Café',
      encoding: 'windows-1252',
    });
  });
});
