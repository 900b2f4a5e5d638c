import type { AddressPart, ColumnAction, ScalarField } from './column-plan';

const SCALARS: Record<string, ScalarField> = {
  // 2024 format
  'first name': 'givenName',
  'middle name': 'additionalNames',
  'last name': 'familyName',
  'file as': 'displayName',
  'organization name': 'organisation',
  'organization title': 'title',
  'organization department': 'department',
  // before 2024
  name: 'displayName',
  'given name': 'givenName',
  'additional name': 'additionalNames',
  'family name': 'familyName',
  // both
  'name prefix': 'prefix',
  'name suffix': 'suffix',
  nickname: 'nickname',
  notes: 'notes',
};

const ADDRESS_PARTS: Record<string, AddressPart> = {
  formatted: 'formatted',
  street: 'street',
  city: 'locality',
  'po box': 'poBox',
  region: 'region',
  'postal code': 'postalCode',
  country: 'country',
  'extended address': 'extended',
};

const GROUP = /^(e-mail|phone|address|website|event|organization|relation|custom field|im) (\d+) - (.+)$/;

/**
 * Google Contacts CSV, 2024 format and the older one: fixed columns by name, numbered groups
 * (`E-mail 2 - Label` / `- Value`, `Address 1 - City`…) by pattern, so any number of groups works.
 * Relations and custom fields go to `extra` under their label (`Spouse`: `Conor Brennan`); IM and further
 * organisations under their column names.
 */
export function planGoogleColumns(headers: string[]): ColumnAction[] {
  return headers.map((raw): ColumnAction => {
    const name = raw.trim().toLowerCase();
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'scalar', field: scalar };
    if (name === 'birthday') return { kind: 'birthday', order: 'ymd' };
    if (name === 'photo') return { kind: 'photo' };
    if (name === 'labels' || name === 'group membership') return { kind: 'tags', split: 'google' };
    // Not Google's: Rapport's own export writes it (serializeContactCsv).
    if (name === 'connected on') return { kind: 'connectedOn', order: 'ymd' };
    const m = GROUP.exec(name);
    if (!m) return name ? { kind: 'extra' } : { kind: 'ignore' };
    const [, kind, n, part] = m as unknown as [string, string, string, string];
    const group = `${kind}:${n}`;
    const isLabel = part === 'label' || part === 'type';
    switch (kind) {
      case 'e-mail':
      case 'phone':
      case 'website':
        if (isLabel) return { kind: 'label', group };
        if (part === 'value') {
          return {
            kind: kind === 'e-mail' ? 'email' : kind === 'phone' ? 'phone' : 'url',
            group,
            split: 'google',
          };
        }
        return { kind: 'extra' };
      case 'event':
        if (isLabel) return { kind: 'label', group };
        return part === 'value' ? { kind: 'event', group, order: 'ymd' } : { kind: 'extra' };
      case 'address': {
        if (isLabel) return { kind: 'label', group };
        const addressPart = ADDRESS_PARTS[part];
        return addressPart ? { kind: 'address', group, part: addressPart } : { kind: 'extra' };
      }
      case 'organization':
        if (n === '1' && part === 'name') return { kind: 'scalar', field: 'organisation' };
        if (n === '1' && part === 'title') return { kind: 'scalar', field: 'title' };
        if (n === '1' && part === 'department') return { kind: 'scalar', field: 'department' };
        return { kind: 'extra' };
      case 'relation':
      case 'custom field':
        if (isLabel) return { kind: 'label', group };
        // Named as Google shows a pair without a label: `Relation 1`.
        if (part === 'value')
          return { kind: 'labelledExtra', group, name: raw.trim().replace(/\s*-\s*value$/i, '') };
        return { kind: 'extra' };
      default:
        return { kind: 'extra' };
    }
  });
}
