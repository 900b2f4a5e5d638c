import type { ImportedPerson, LabelledValue, PostalAddress } from '../model';
import { spreadsheetSafe } from './spreadsheet-safe';

export interface SerializeContactCsvOptions {
  /** Start with a UTF-8 byte order mark (Excel on Windows needs it to read UTF-8). Default false. */
  bom?: boolean;
  /** Default `\r\n`, as RFC 4180 and Google write it. */
  lineEnding?: '\r\n' | '\n';
}

/** Extra entries Google's format has columns for. */
const PHONETIC = new Set(['Phonetic First Name', 'Phonetic Middle Name', 'Phonetic Last Name']);
/**
 * Extra entries written as a column of their own after the custom fields: Rapport's id, which a re-import of our
 * own export looks up (core/imports/imported-person.ts); a column is easier to find in a spreadsheet.
 */
const OWN_COLUMNS = new Set(['Rapport ID']);
const ADDRESS_COLUMNS: [string, keyof PostalAddress][] = [
  ['Formatted', 'formatted'],
  ['Street', 'street'],
  ['City', 'locality'],
  ['PO Box', 'poBox'],
  ['Region', 'region'],
  ['Postal Code', 'postalCode'],
  ['Country', 'country'],
  ['Extended Address', 'extended'],
];

/** A cell of a person's row; `custom` is the person's custom-field entries (worked out once per person). */
type Cell = (p: ImportedPerson, custom: [string, string][]) => string | undefined;

/**
 * People → CSV in Google Contacts' 2024 format (which Google, Outlook.com and most tools import): numbered
 * groups up to the most any person has, `Connected On`, every `extra` entry as a `Custom Field N` label/value
 * pair as Google writes them, then the `Rapport ID` column; RFC 4180 quoting.
 * `parseContactCsv` reads the result back to the same people (but for `ref`, `raw`, `sourceKey` and inline
 * photos, which the format cannot hold).
 */
export function serializeContactCsv(
  people: ImportedPerson[],
  options: SerializeContactCsvOptions = {},
): string {
  const most = (pick: (p: ImportedPerson) => unknown[] | undefined) =>
    people.reduce((n, p) => Math.max(n, pick(p)?.length ?? 0), 0);
  const columns: [string, Cell][] = [
    ['First Name', (p) => p.givenName],
    ['Middle Name', (p) => p.additionalNames],
    ['Last Name', (p) => p.familyName],
    ['Phonetic First Name', (p) => p.extra['Phonetic First Name']],
    ['Phonetic Middle Name', (p) => p.extra['Phonetic Middle Name']],
    ['Phonetic Last Name', (p) => p.extra['Phonetic Last Name']],
    ['Name Prefix', (p) => p.prefix],
    ['Name Suffix', (p) => p.suffix],
    ['Nickname', (p) => p.nickname],
    ['File As', (p) => p.displayName],
    ['Organization Name', (p) => p.organisation],
    ['Organization Title', (p) => p.title],
    ['Organization Department', (p) => p.department],
    // Google writes a birthday without a year as ` --MM-DD`, leading space included.
    ['Birthday', (p) => (p.birthday?.startsWith('--') ? ` ${p.birthday}` : p.birthday)],
    ['Notes', (p) => p.notes],
    ['Photo', (p) => (p.photo?.kind === 'url' ? p.photo.url : undefined)],
    ['Labels', (p) => p.tags.join(' ::: ')],
  ];
  const group = (name: string, count: number, list: (p: ImportedPerson) => LabelledValue[] | undefined) => {
    for (let n = 0; n < count; n++) {
      columns.push([`${name} ${n + 1} - Label`, (p) => list(p)?.[n]?.label]);
      columns.push([`${name} ${n + 1} - Value`, (p) => list(p)?.[n]?.value]);
    }
  };
  group(
    'E-mail',
    most((p) => p.emails),
    (p) => p.emails,
  );
  group(
    'Phone',
    most((p) => p.phones),
    (p) => p.phones,
  );
  const addresses = most((p) => p.addresses);
  for (let n = 0; n < addresses; n++) {
    columns.push([`Address ${n + 1} - Label`, (p) => p.addresses[n]?.label]);
    for (const [suffix, part] of ADDRESS_COLUMNS)
      columns.push([`Address ${n + 1} - ${suffix}`, (p) => p.addresses[n]?.[part]]);
  }
  group(
    'Website',
    most((p) => p.urls),
    (p) => p.urls,
  );
  group(
    'Event',
    most((p) => p.dates),
    (p) => p.dates,
  );
  if (people.some((p) => p.connectedOn)) columns.push(['Connected On', (p) => p.connectedOn]);

  // Google writes a field of its own naming as a `Custom Field N` label/value pair, and reads it back as one.
  const customs = most(custom);
  for (let n = 0; n < customs; n++) {
    columns.push([`Custom Field ${n + 1} - Label`, (_, c) => c[n]?.[0]]);
    columns.push([`Custom Field ${n + 1} - Value`, (_, c) => c[n]?.[1]]);
  }
  for (const key of OWN_COLUMNS)
    if (people.some((p) => p.extra[key] !== undefined)) columns.push([key, (p) => p.extra[key]]);

  const eol = options.lineEnding ?? '\r\n';
  const lines = [columns.map(([name]) => quote(name)).join(',')];
  const cells = columns.map(([, cell]) => cell);
  for (const p of people) {
    const c = custom(p);
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      const value = (cells[i] as Cell)(p, c);
      // Most cells of a wide file are empty: nothing to guard or quote.
      if (i > 0) line += ',';
      if (value) line += quote(spreadsheetSafe(value));
    }
    lines.push(line);
  }
  return `${options.bom ? '\ufeff' : ''}${lines.join(eol)}${eol}`;
}

/** The person's `extra` entries written as `Custom Field N` pairs (Google's way for a field of its own). */
function custom(p: ImportedPerson): [string, string][] {
  return Object.entries(p.extra).filter(([key]) => !OWN_COLUMNS.has(key) && !PHONETIC.has(key));
}

/** RFC 4180: quote when the value holds a delimiter, quote or line end, or would lose edge spaces. */
function quote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
