import type { ImportedPerson, LabelledValue, PostalAddress } from '../model';
import { planGoogleColumns } from './plan-google-columns';
import { spreadsheetSafe } from './spreadsheet-safe';

export interface SerializeContactCsvOptions {
  /** Start with a UTF-8 byte order mark (Excel on Windows needs it to read UTF-8). Default false. */
  bom?: boolean;
  /** Default `\r\n`, as RFC 4180 and Google write it. */
  lineEnding?: '\r\n' | '\n';
}

const NAME_AND_ORG = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Phonetic First Name',
  'Phonetic Middle Name',
  'Phonetic Last Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'File As',
  'Organization Name',
  'Organization Title',
  'Organization Department',
  'Birthday',
  'Notes',
  'Photo',
  'Labels',
];
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

type Cell = (p: ImportedPerson) => string | undefined;

/**
 * People → CSV in Google Contacts' 2024 format (which Google, Outlook.com and most tools import): numbered
 * groups up to the most any person has, `Connected On` and then every `extra` key as trailing columns (a key
 * that would be read back as a standard column gets ` (extra)` appended), RFC 4180 quoting.
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
  for (let n = 0; n < most((p) => p.addresses); n++) {
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

  const taken = new Set(columns.map(([name]) => name.toLowerCase()));
  for (const p of people) {
    for (const key of Object.keys(p.extra)) {
      if (NAME_AND_ORG.includes(key) && key.startsWith('Phonetic')) continue; // written in its own column
      const name = extraColumnName(key);
      if (taken.has(name.toLowerCase())) continue;
      taken.add(name.toLowerCase());
      columns.push([name, (q) => q.extra[key]]);
    }
  }

  const eol = options.lineEnding ?? '\r\n';
  const lines = [columns.map(([name]) => quote(name)).join(',')];
  for (const p of people)
    lines.push(columns.map(([, cell]) => quote(spreadsheetSafe(cell(p) ?? ''))).join(','));
  return `${options.bom ? '\ufeff' : ''}${lines.join(eol)}${eol}`;
}

/** An extra key that Google's columns would claim on the way back (`Notes`, `E-mail 3 - Value`) is renamed. */
function extraColumnName(key: string): string {
  const [action] = planGoogleColumns([key]);
  const claimed =
    action?.kind !== 'extra' || NAME_AND_ORG.some((n) => n.toLowerCase() === key.trim().toLowerCase());
  return claimed || !key.trim() ? `${key.trim() || 'Column'} (extra)` : key;
}

/** RFC 4180: quote when the value holds a delimiter, quote or line end, or would lose edge spaces. */
function quote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
