import { addressLine } from '../../contracts/address-line';
import { formatDate, formatPartialDate } from './format';

const FIELD_LABELS: Record<string, string> = {
  displayName: 'Name',
  givenName: 'Given name',
  familyName: 'Family name',
  additionalNames: 'Middle names',
  prefix: 'Prefix',
  namePrefix: 'Prefix',
  suffix: 'Suffix',
  nameSuffix: 'Suffix',
  nickname: 'Nickname',
  organisation: 'Organisation',
  department: 'Department',
  title: 'Title',
  birthday: 'Birthday',
  notes: 'Notes',
  location: 'Location',
  howWeMet: 'How we met',
  connectedOn: 'Connected on',
  emails: 'Email',
  phones: 'Phone',
  urls: 'Web link',
  tags: 'Tag',
  addresses: 'Address',
  dates: 'Date',
  photo: 'Photo',
};

/** Human words for a contact field as the API names it (`customFields.Team` → "Team"). */
export function fieldLabel(field: string): string {
  if (field.startsWith('customFields.')) return field.slice('customFields.'.length);
  return FIELD_LABELS[field] ?? field;
}

function parse(json: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A field's value as a person reads it: addresses and dates arrive as JSON, photos as a fingerprint, dates as
 * ISO strings.
 */
export function fieldValue(field: string, value: string | null): string | null {
  if (value === null || value === '') return null;
  switch (field) {
    case 'photo':
      return 'a photo';
    case 'addresses': {
      const a = parse(value);
      if (!a) return value;
      const line = addressLine(a);
      return typeof a.label === 'string' && a.label ? `${line} (${a.label})` : line;
    }
    case 'dates': {
      const d = parse(value);
      if (!d || typeof d.value !== 'string') return value;
      const when = formatPartialDate(d.value);
      return typeof d.label === 'string' && d.label ? `${d.label}: ${when}` : when;
    }
    case 'birthday':
      return formatPartialDate(value);
    case 'connectedOn':
      return formatDate(value);
    default:
      return value;
  }
}
