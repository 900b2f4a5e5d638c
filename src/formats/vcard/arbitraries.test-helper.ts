/** fast-check arbitraries for vCard tests: persons as our parser returns them, with hostile text. */
import fc from 'fast-check';
import { emptyPerson, type ImportedPerson, type LabelledValue, type PostalAddress } from '../model';

// Pieces that exercise escaping, folding and encodings: vCard separators, backslashes, quotes, line breaks,
// accents, CJK, emoji (astral, with modifiers and ZWJ), and RFC 6868's caret.
const PIECES = [
  'a',
  'Zoë',
  'Ølaf',
  'José',
  'Łódź',
  '東京',
  '😀',
  '👍🏽',
  '👩‍💻',
  ',',
  ';',
  ':',
  '\\',
  '\\n',
  '"',
  "'",
  '^',
  '=',
  '.',
  '-',
  ' ',
  '\n',
  'BEGIN:VCARD',
  'END:VCARD',
  'item1.',
  'x',
  '0',
];

/** Text as our parser returns it: no CR (line breaks are LF), no blank ends. */
const text = (max = 8) =>
  fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: max })
    .map((parts) => parts.join('').trim())
    .filter((s) => s !== '');
const line = (max = 6) =>
  text(max)
    .map((s) => s.replace(/\n+/g, ' ').trim())
    .filter((s) => s !== '');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const label = maybe(
  fc.oneof(
    fc.constantFrom(
      'home',
      'work',
      'cell',
      'home fax',
      'Other',
      'HomePage',
      'Anniversary',
      'linkedin',
      'pref',
      'internet',
    ),
    line(4).filter((s) => !/^_\$!<.*>!\$_$/.test(s)),
  ),
);
const labelled = (value: fc.Arbitrary<string>) =>
  fc
    .record({ value, label })
    .map(({ value, label }) => (label === undefined ? { value } : { value, label }) as LabelledValue);

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,12}$/),
    fc.stringMatching(/^[a-z0-9-]{1,10}\.(test|example)$/),
  )
  .map(([l, d]) => `${l}@${d}`);
const phone = fc.stringMatching(/^\+?[0-9]{1,3}( ?\(?[0-9]{2,4}\)?[ -]?[0-9]{2,4}){1,3}(,,[0-9]{1,4})?$/);
const url = fc.oneof(
  fc.stringMatching(/^https:\/\/[a-z0-9-]{1,12}\.example\/[a-zA-Z0-9_~.%,;=&?-]{0,20}$/),
  fc.stringMatching(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]{3,20}$/),
);
const pad = (n: number) => String(n).padStart(2, '0');
const fullDate = fc
  .tuple(
    fc.integer({ min: 1900, max: 2030 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
const date = fc.oneof(
  fullDate,
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([m, d]) => `--${pad(m)}-${pad(d)}`),
);
const address = fc
  .record(
    {
      label,
      poBox: maybe(line()),
      extended: maybe(text()),
      street: maybe(text()),
      locality: maybe(line()),
      region: maybe(line()),
      postalCode: maybe(line(3)),
      country: maybe(line()),
      formatted: maybe(text(10)),
    },
    { requiredKeys: [] },
  )
  .map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as PostalAddress);
const photo = fc.oneof(
  fc.record({
    kind: fc.constant('inline' as const),
    mime: fc.constantFrom('image/jpeg', 'image/png', 'image/gif'),
    data: fc.uint8Array({ minLength: 1, maxLength: 400 }),
  }),
  url.map((u) => ({ kind: 'url' as const, url: u })),
);
const extraKey = fc.oneof(
  fc.stringMatching(/^X-[A-Z][A-Z0-9-]{0,12}$/),
  fc.constantFrom('ROLE', 'Connected On', 'Position', 'X-ABDATE', 'KIND', 'x-lower', 'Notes; with "quotes"'),
);

const NAME_PARTS = ['givenName', 'familyName', 'additionalNames', 'prefix', 'suffix'] as const;

export const personArb: fc.Arbitrary<ImportedPerson> = fc
  .tuple(
    fc.record(
      {
        displayName: text(),
        givenName: maybe(text()),
        // Four `;` in a family name alone reads as ownCloud's over-escaped N (see read-vcard.ts).
        familyName: maybe(text().filter((s) => s.split(';').length !== 5)),
        additionalNames: maybe(text()),
        prefix: maybe(line()),
        suffix: maybe(line()),
        nickname: maybe(text()),
        organisation: maybe(text()),
        department: maybe(text()),
        title: maybe(text()),
        emails: fc.array(labelled(email), { maxLength: 3 }),
        phones: fc.array(labelled(phone), { maxLength: 3 }),
        urls: fc.array(labelled(url), { maxLength: 3 }),
        addresses: fc.array(address, { maxLength: 2 }),
        birthday: maybe(date),
        // The same date under the same label is read as one (Q17).
        dates: maybe(
          fc.uniqueArray(labelled(date), {
            minLength: 1,
            maxLength: 2,
            selector: (d) => `${d.value} ${d.label?.toLowerCase() ?? ''}`,
          }),
        ),
        notes: maybe(text(20)),
        connectedOn: maybe(fullDate),
        tags: fc.uniqueArray(text(4), { maxLength: 4 }),
        photo: maybe(photo),
        extra: fc.dictionary(extraKey, text(6), { maxKeys: 3 }),
        sourceKey: maybe(
          fc.oneof(
            fc.uuid().map((u) => `urn:uuid:${u}`),
            line(4),
          ),
        ),
      },
      { requiredKeys: ['displayName', 'emails', 'phones', 'urls', 'addresses', 'tags', 'extra'] },
    ),
    // One person in four is known by a display name only (a CSV "Name" column, the API), which 3.0 writes as
    // an N made up for iOS; left to chance, all five name parts would almost never be missing at once.
    fc.nat(3),
  )
  .map(([fields, nameless]) => {
    const p: ImportedPerson = { ...emptyPerson({ file: 'generated' }) };
    for (const [k, v] of Object.entries(fields))
      if (v !== undefined && !(nameless === 0 && (NAME_PARTS as readonly string[]).includes(k)))
        (p as unknown as Record<string, unknown>)[k] = v;
    return p;
  });
