import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type ContactCsvEvent, parseContactCsv } from './parse-contact-csv';
import { parseContactCsvStream } from './parse-contact-csv-stream';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** Cuts bytes at the given offsets. */
function* pieces(bytes: Uint8Array, cuts: number[]): Generator<Uint8Array> {
  let at = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.subarray(at, cut);
    at = cut;
  }
  yield bytes.subarray(at);
}

async function collect(stream: AsyncGenerator<ContactCsvEvent>) {
  const result = {
    records: [] as unknown[],
    issues: [] as unknown[],
    starts: [] as unknown[],
    previews: [] as unknown[],
  };
  for await (const event of stream) {
    if (event.kind === 'record') result.records.push(event.record);
    else if (event.kind === 'issue') result.issues.push(event.issue);
    else if (event.kind === 'start') result.starts.push(event);
    else result.previews.push(event.preview);
  }
  return result;
}

/** A file well past the 64 KB the decoder holds back: the header and then the first data row many times. */
function big(name: string, encoding: string, copies: number): Uint8Array {
  const text = iconv.decode(Buffer.from(fixture(name)), encoding);
  const [header, ...rest] = text.split('\r\n');
  const body = rest.filter(Boolean)[0] as string;
  const all = [header, ...Array.from({ length: copies }, () => body), ''].join('\r\n');
  const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [];
  return new Uint8Array([...bom, ...iconv.encode(all, encoding)]);
}

describe('parseContactCsvStream', () => {
  it('yields what parseContactCsv returns, whatever the chunks, for every fixture', async () => {
    const names = [
      'google-2024.csv',
      'google-legacy-utf16le.csv',
      'outlook-desktop-1252.csv',
      'outlook-desktop-de.csv',
      'outlook-com.csv',
      'google-outlook.csv',
      'thunderbird.csv',
      'generic.csv',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(fc.nat(3000), { maxLength: 8 }),
        async (name, cuts) => {
          const bytes = fixture(name);
          const whole = parseContactCsv(bytes, { file: name });
          const streamed = await collect(parseContactCsvStream(pieces(bytes, cuts), { file: name }));
          expect(streamed.records).toEqual(whole.records);
          expect(streamed.issues).toEqual(whole.issues);
          expect(streamed.previews).toEqual(whole.preview ? [whole.preview] : []);
          expect(streamed.starts).toEqual([
            {
              kind: 'start',
              format: whole.format,
              encoding: whole.encoding,
              delimiter: whole.delimiter,
              headers: whole.headers,
            },
          ]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('decodes large windows-1252 and UTF-16 streams chunk by chunk, characters split across chunks included', async () => {
    for (const [name, encoding] of [
      ['outlook-desktop-de.csv', 'windows-1252'],
      ['google-legacy-utf16le.csv', 'utf-16le'],
    ] as const) {
      const bytes = big(name, encoding, 200);
      expect(bytes.length).toBeGreaterThan(64 * 1024);
      const whole = parseContactCsv(bytes, { file: name });
      expect(whole.records).toHaveLength(200);
      // Odd chunk sizes split UTF-16 code units and put the encoding decision mid-stream.
      const chunks = [
        ...pieces(
          bytes,
          Array.from({ length: 60 }, (_, k) => k * 4099 + 1),
        ),
      ];
      const streamed = await collect(parseContactCsvStream(chunks, { file: name }));
      expect(streamed.records).toEqual(whole.records);
      expect(streamed.issues).toEqual(whole.issues);
    }
  });

  it('reads a LinkedIn Connections stream and string chunks too', async () => {
    const text =
      'Notes:\n"When exporting…"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      'Ada,Quill,https://www.linkedin.com/in/ada-quill,,Quillworks,CTO,01 Feb 2025\n';
    const streamed = await collect(parseContactCsvStream([text.slice(0, 30), text.slice(30)]));
    expect(streamed.records).toEqual(parseContactCsv(text).records);
    expect(streamed.starts).toMatchObject([{ format: 'linkedin-connections' }]);
  });
});
