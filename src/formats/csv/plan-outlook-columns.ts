import type { AddressPart, ColumnAction, ScalarField } from './column-plan';
import {
  canonicaliseOutlookHeaders,
  OUTLOOK_DATE_ORDER,
  OUTLOOK_EMPTY_VALUES,
  type OutlookLocale,
} from './outlook-header-names';

const SCALARS: Record<string, ScalarField> = {
  Title: 'prefix',
  'First Name': 'givenName',
  'Middle Name': 'additionalNames',
  'Last Name': 'familyName',
  Suffix: 'suffix',
  Nickname: 'nickname',
  Company: 'organisation',
  Department: 'department',
  'Job Title': 'title',
  Notes: 'notes',
};

const PHONES: Record<string, string> = {
  "Assistant's Phone": 'Assistant',
  'Business Fax': 'Work Fax',
  'Business Phone': 'Work',
  'Business Phone 2': 'Work',
  Callback: 'Callback',
  'Car Phone': 'Car',
  'Company Main Phone': 'Company Main',
  'Home Fax': 'Home Fax',
  'Home Phone': 'Home',
  'Home Phone 2': 'Home',
  ISDN: 'ISDN',
  'Mobile Phone': 'Mobile',
  'Other Fax': 'Other Fax',
  'Other Phone': 'Other',
  Pager: 'Pager',
  'Primary Phone': 'Primary',
  'Radio Phone': 'Radio',
  'TTY/TDD Phone': 'TTY/TDD',
  Telex: 'Telex',
};

const ADDRESS_LABELS: Record<string, string> = { Business: 'Work', Home: 'Home', Other: 'Other' };
const ADDRESS_PARTS: Record<string, AddressPart> = {
  Street: 'street',
  'Street 2': 'street',
  'Street 3': 'street',
  City: 'locality',
  State: 'region',
  'Postal Code': 'postalCode',
  'Country/Region': 'country',
  'Address PO Box': 'poBox',
  Address: 'formatted',
};
const ADDRESS =
  /^(Business|Home|Other) (Street|Street 2|Street 3|City|State|Postal Code|Country\/Region|Address PO Box|Address)$/;
const EMAIL = /^E-mail(?: (\d))? (Address|Type|Display Name)$/;

/**
 * The Outlook family: desktop export (92 fields, localised headers read through outlook-header-names),
 * Outlook.com and Google's "Outlook CSV". Dates follow the header's language; `E-mail Type` EX drops Exchange
 * addresses; Categories (`;`) become tags; Outlook's filler values (`Normal`, `False`, `0/0/00`) are not kept.
 */
export function planOutlookColumns(
  headers: string[],
  /** English headers come from the US and the UK alike: month or day first, when the caller knows which. */
  englishDateOrder?: 'mdy' | 'dmy',
): { actions: ColumnAction[]; locale: OutlookLocale } {
  const { locale, names } = canonicaliseOutlookHeaders(headers);
  const order = locale === 'en' && englishDateOrder ? englishDateOrder : OUTLOOK_DATE_ORDER[locale];
  const actions = names.map((name, i): ColumnAction => {
    if (!(headers[i] ?? '').trim()) return { kind: 'ignore' };
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'scalar', field: scalar };
    const phone = PHONES[name];
    if (phone) return { kind: 'phone', label: phone, split: 'none' };
    const address = ADDRESS.exec(name);
    if (address) {
      const [, where, part] = address as unknown as [string, string, string];
      return {
        kind: 'address',
        group: where,
        part: ADDRESS_PARTS[part] as AddressPart,
        label: ADDRESS_LABELS[where] as string,
      };
    }
    const email = EMAIL.exec(name);
    if (email) {
      const group = `email:${email[1] ?? '1'}`;
      if (email[2] === 'Address') return { kind: 'email', group, split: 'semicolon' };
      return email[2] === 'Type' ? { kind: 'emailType', group } : { kind: 'ignore' };
    }
    switch (name) {
      case 'Web Page':
        return { kind: 'url', split: 'none' };
      case 'Personal Web Page':
        return { kind: 'url', label: 'Personal', split: 'none' };
      case 'Birthday':
        return { kind: 'birthday', order };
      case 'Anniversary':
        return { kind: 'event', label: 'Anniversary', order };
      case 'Categories':
        return { kind: 'tags', split: 'semicolon' };
      default:
        return { kind: 'extra', noise: OUTLOOK_EMPTY_VALUES };
    }
  });
  return { actions, locale };
}
