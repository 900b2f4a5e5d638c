import type { AddressPart, ColumnAction, ScalarField } from './column-plan';

const SCALARS: Record<string, ScalarField> = {
  'first name': 'givenName',
  'last name': 'familyName',
  'display name': 'displayName',
  nickname: 'nickname',
  'job title': 'title',
  department: 'department',
  organization: 'organisation',
  notes: 'notes',
};

const PHONES: Record<string, string> = {
  'work phone': 'Work',
  'home phone': 'Home',
  'fax number': 'Fax',
  'pager number': 'Pager',
  'mobile number': 'Mobile',
};

const ADDRESS = /^(home|work) (address|address 2|city|state|zipcode|country)$/;
const ADDRESS_PARTS: Record<string, AddressPart> = {
  address: 'street',
  'address 2': 'street',
  city: 'locality',
  state: 'region',
  zipcode: 'postalCode',
  country: 'country',
};

/**
 * Thunderbird's address-book CSV: fixed English columns, Birth Year/Month/Day in three cells, and a trailing
 * comma after the last header (an empty column, ignored).
 */
export function planThunderbirdColumns(headers: string[]): ColumnAction[] {
  return headers.map((raw): ColumnAction => {
    const name = raw.trim().toLowerCase();
    if (!name) return { kind: 'ignore' };
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'scalar', field: scalar };
    const phone = PHONES[name];
    if (phone) return { kind: 'phone', label: phone, split: 'none' };
    const address = ADDRESS.exec(name);
    if (address) {
      const where = address[1] === 'home' ? 'Home' : 'Work';
      return {
        kind: 'address',
        group: where,
        part: ADDRESS_PARTS[address[2] as string] as AddressPart,
        label: where,
      };
    }
    switch (name) {
      case 'primary email':
      case 'secondary email':
        return { kind: 'email', split: 'none' };
      case 'web page 1':
      case 'web page 2':
        return { kind: 'url', split: 'none' };
      case 'work web page':
        return { kind: 'url', label: 'Work', split: 'none' };
      case 'home web page':
        return { kind: 'url', label: 'Home', split: 'none' };
      case 'birth year':
        return { kind: 'birthPart', part: 'year' };
      case 'birth month':
        return { kind: 'birthPart', part: 'month' };
      case 'birth day':
        return { kind: 'birthPart', part: 'day' };
      default:
        return { kind: 'extra' };
    }
  });
}
