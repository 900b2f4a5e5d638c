import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeQuotedPrintable,
  normaliseVCard,
  normaliseVCardText,
  type RawVCard,
  splitVCardStream,
  splitVCards,
  type VCardSplitItem,
  VCardTextSplitter,
} from './normalise-vcard';

const cards = (items: Iterable<VCardSplitItem>): RawVCard[] =>
  Array.from(items).flatMap((i) => (i.kind === 'card' ? [i.card] : []));

describe('splitting', () => {
  const text =
    'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:One\r\nEND:VCARD\r\n' +
    'BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Two\r\r\nEND:VCARD\r\r\n' +
    'junk\n' +
    'BEGIN:VCARD\rVERSION:3.0\rFN:Three\rEND:VCARD\r' +
    'BEGIN:VCARD\nVERSION:3.0\nFN:Four\nEND:VCARD';

  it('keeps each card’s original text and the line of its BEGIN', () => {
    const items = Array.from(splitVCards(text));
    expect(items.map((i) => (i.kind === 'card' ? [i.card.index, i.card.line] : ['stray', i.line]))).toEqual([
      [1, 1],
      [2, 5],
      ['stray', 9],
      [3, 10],
      [4, 14],
    ]);
    expect(cards(items)[1]?.text).toBe('BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Two\r\r\nEND:VCARD\r\r\n');
  });

  it('gives the same cards whatever the chunk boundaries (also between \\r and \\n)', () => {
    const whole = cards(splitVCards(text));
    for (let size = 1; size <= 12; size++) {
      const splitter = new VCardTextSplitter();
      const items: VCardSplitItem[] = [];
      for (let i = 0; i < text.length; i += size) items.push(...splitter.push(text.slice(i, i + size)));
      items.push(...splitter.end());
      expect(cards(items)).toEqual(whole);
    }
  });

  it('decodes each card of an 8-bit file on its own (a windows-1252 card among UTF-8 ones)', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nEND:VCARD\r\n', 'utf8'),
      iconv.encode('BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Renée €\r\nEND:VCARD\r\n', 'windows-1252'),
    ]);
    const [a, b] = cards(splitVCards(new Uint8Array(bytes)));
    expect([a?.encoding, a?.text]).toEqual([
      'utf-8',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nEND:VCARD\r\n',
    ]);
    expect([b?.encoding, b?.text]).toEqual([
      'windows-1252',
      'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Renée €\r\nEND:VCARD\r\n',
    ]);
  });

  it('streams text chunks and byte chunks', async () => {
    const fromText: RawVCard[] = [];
    for await (const i of splitVCardStream(['BEGIN:VCARD\nFN:A\nEN', 'D:VCARD\n']))
      if (i.kind === 'card') fromText.push(i.card);
    expect(fromText.map((c) => c.text)).toEqual(['BEGIN:VCARD\nFN:A\nEND:VCARD\n']);
    async function* bytes() {
      yield new TextEncoder().encode('BEGIN:VCARD\r\nFN:Ã');
      yield new TextEncoder().encode('©\r\nEND:VCARD\r\n');
    }
    const fromBytes: RawVCard[] = [];
    for await (const i of splitVCardStream(bytes())) if (i.kind === 'card') fromBytes.push(i.card);
    expect(fromBytes.map((c) => c.text)).toEqual(['BEGIN:VCARD\r\nFN:Ã©\r\nEND:VCARD\r\n']);
  });

  it('closes a card whose END is missing when the next card begins', () => {
    const items = cards(splitVCards('BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n'));
    expect(items.map((c) => [c.text, c.truncated])).toEqual([
      ['BEGIN:VCARD\nFN:A\n', true],
      ['BEGIN:VCARD\nFN:B\nEND:VCARD\n', undefined],
    ]);
  });
});

describe('normaliseVCard', () => {
  it('turns a 2.1 card into 3.0: QP decoded, bare parameters typed, text escaped for 3.0', () => {
    const raw = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BC=',
      'rgen;;;',
      'TEL;CELL;PREF:+49 1',
      'NOTE:a, b; c \\n d',
      'PHOTO;ENCODING=BASE64;JPEG:AAEC',
      ' AwQF',
      '',
      'END:VCARD',
    ].join('\r\n');
    const n = normaliseVCard(raw);
    expect(n.sourceVersion).toBe('2.1');
    expect(n.text).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Müller;Jürgen;;;',
        'TEL;TYPE=CELL,PREF:+49 1',
        'NOTE:a\\, b\\; c \\\\n d',
        'PHOTO;ENCODING=b;TYPE=JPEG:AAECAwQF',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    expect(n.warnings).toEqual([]);
  });

  it('puts VERSION first (ical.js needs it to read 4.0) and rewrites Apple/Gmail escapes', () => {
    const n = normaliseVCard(
      'BEGIN:VCARD\nFN:X\nVERSION:4.0\nURL:http\\://x.test\nNOTE:say \\"hi\\"\\: ok\nEND:VCARD\n',
    );
    expect(n.version).toBe('4.0');
    expect(n.text).toBe(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nURL:http://x.test\r\nNOTE:say "hi": ok\r\nEND:VCARD\r\n',
    );
  });

  it('keeps an escaped backslash before a colon', () => {
    expect(normaliseVCard('BEGIN:VCARD\nVERSION:3.0\nNOTE:C\\\\:x\nEND:VCARD').lines[0]?.value).toBe(
      'C\\\\:x',
    );
  });

  it('keeps quoted parameter values that need quotes (4.0 ADR LABEL)', () => {
    const n = normaliseVCard(
      'BEGIN:VCARD\nVERSION:4.0\nADR;LABEL="1 Main St, Town: A";TYPE=home:;;1 Main St;Town;;;\nEND:VCARD',
    );
    expect(n.lines[0]?.text).toBe('ADR;TYPE=home;LABEL="1 Main St, Town: A":;;1 Main St;Town;;;');
  });

  it('recodes a value whose CHARSET differs from the card’s 8-bit encoding', () => {
    const latin1Card = iconv.decode(Buffer.from('NOTE;CHARSET=UTF-8:Zo\xc3\xab', 'latin1'), 'windows-1252');
    const n = normaliseVCard({
      index: 1,
      line: 1,
      encoding: 'windows-1252',
      text: `BEGIN:VCARD\r\nVERSION:3.0\r\n${latin1Card}\r\nEND:VCARD\r\n`,
    });
    expect(n.lines[0]?.value).toBe('Zoë');
  });

  it('warns about invalid bytes in a UTF-8 quoted-printable value, with the file line', () => {
    const n = normaliseVCard({
      index: 2,
      line: 40,
      text: 'BEGIN:VCARD\r\nVERSION:2.1\r\nORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:A=80\r\nEND:VCARD\r\n',
    });
    expect(n.lines[0]?.value).toBe('A\ufffd');
    expect(n.warnings).toEqual([
      { line: 42, message: 'ORG: invalid UTF-8 bytes in a quoted-printable value' },
    ]);
  });
});

describe('decodeQuotedPrintable', () => {
  it('decodes with the given charset, or UTF-8 then windows-1252 when none is given', () => {
    expect(decodeQuotedPrintable('Caf=C3=A9').text).toBe('Café');
    expect(decodeQuotedPrintable('Caf=E9').text).toBe('Café');
    expect(decodeQuotedPrintable('=E9t=E9', 'ISO-8859-1').text).toBe('été');
    expect(decodeQuotedPrintable('=C7=E0', 'windows-1251').text).toBe('За');
    expect(decodeQuotedPrintable('a=3Db=ZZ').text).toBe('a=b=ZZ');
  });
});

describe('normaliseVCardText', () => {
  it('normalises a whole file for ical.js', () => {
    expect(
      normaliseVCardText('BEGIN:VCARD\nVERSION:2.1\nTEL;HOME:1\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEND:VCARD\n'),
    ).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nTEL;TYPE=HOME:1\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD\r\n',
    );
  });
});
