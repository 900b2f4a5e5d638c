import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeCharset } from './decode';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Élodie')]))).toEqual({
      text: 'Élodie',
      encoding: 'utf-8',
    });
  });
  it('reads UTF-16LE with a BOM (old Google CSV)', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode('Name,Given Name\r\nZoë,Zoë', 'utf-16le')]);
    expect(decodeBytes(bytes)).toEqual({ text: 'Name,Given Name\r\nZoë,Zoë', encoding: 'utf-16le' });
  });
  it('reads UTF-16BE without a BOM', () => {
    const bytes = new Uint8Array(iconv.encode('BEGIN:VCARD\r\nFN:Zoë\r\n', 'utf-16be'));
    expect(decodeBytes(bytes)).toEqual({ text: 'BEGIN:VCARD\r\nFN:Zoë\r\n', encoding: 'utf-16be' });
  });
  it('reads windows-1250 when letters inside words are Central European (a Polish Outlook)', () => {
    const text = '"First Name","Company"\r\n"Łukasz","Spółka Łódź"\r\n"Zofia","Urząd"';
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'windows-1250')))).toEqual({
      text,
      encoding: 'windows-1250',
    });
  });
  it('keeps windows-1252 for signs outside words and Western letters both code pages share', () => {
    for (const text of ['Price,£5 ¿Qué? 5¼', 'Renée,Café Müller,Iksiñski,Ærø,Groß']) {
      const bytes = new Uint8Array(iconv.encode(text, 'windows-1252'));
      expect(decodeBytes(bytes)).toEqual({ text, encoding: 'windows-1252' });
    }
  });
  it('falls back to windows-1252 when the bytes are not UTF-8 (Outlook desktop)', () => {
    const bytes = new Uint8Array(
      iconv.encode('"First Name","Company"\r\n"Renée","Café Müller €"', 'windows-1252'),
    );
    expect(decodeBytes(bytes)).toEqual({
      text: '"First Name","Company"\r\n"Renée","Café Müller €"',
      encoding: 'windows-1252',
    });
  });
  it('looks at every byte, the last ones included', () => {
    expect(decodeBytes(enc('a,b\r\nx,–\r\n'))).toEqual({ text: 'a,b\r\nx,–\r\n', encoding: 'utf-8' });
    const latin = new Uint8Array(iconv.encode('a,b\r\nx,é\r\n', 'windows-1252'));
    expect(decodeBytes(latin)).toEqual({ text: 'a,b\r\nx,é\r\n', encoding: 'windows-1252' });
  });
  it('keeps plain UTF-8 as is', () => {
    expect(decodeBytes(enc('a,b\nß,陈'))).toEqual({ text: 'a,b\nß,陈', encoding: 'utf-8' });
  });
});

describe('decodeCharset', () => {
  it('decodes a named charset and falls back to UTF-8 for unknown names', () => {
    expect(decodeCharset(new Uint8Array(iconv.encode('Iksiński', 'iso-8859-2')), 'ISO-8859-2')).toBe(
      'Iksiński',
    );
    expect(decodeCharset(enc('ok'), 'x-unknown')).toBe('ok');
  });
});
