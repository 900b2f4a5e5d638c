/**
 * What to do with each column of a contact CSV. Every format (Google, Outlook, Thunderbird, a user's mapping)
 * is a planner: header → one action per column; a single applier then turns rows into people.
 */

export type ScalarField =
  | 'displayName'
  | 'givenName'
  | 'familyName'
  | 'additionalNames'
  | 'prefix'
  | 'suffix'
  | 'nickname'
  | 'organisation'
  | 'department'
  | 'title'
  | 'notes';

export type AddressPart =
  | 'street'
  | 'locality'
  | 'region'
  | 'postalCode'
  | 'country'
  | 'poBox'
  | 'extended'
  | 'formatted';

/** How to read day/month order in dates; `auto` takes only forms that are unambiguous. */
export type DateOrder = 'ymd' | 'mdy' | 'dmy' | 'auto';

/** How a cell holds several values: Google's ` ::: `, or a list separated by `;` (and `,` for `list-comma`). */
export type Split = 'google' | 'semicolon' | 'list-comma' | 'none';

export type ColumnAction =
  | { kind: 'scalar'; field: ScalarField }
  | { kind: 'email' | 'phone' | 'url'; label?: string; group?: string; split: Split }
  | { kind: 'event'; label?: string; group?: string; order: DateOrder }
  /** The Label/Type column of a numbered group (`E-mail 1 - Label`). */
  | { kind: 'label'; group: string }
  /** Outlook's `E-mail Type`: `EX` marks an Exchange (X.500) address, not an e-mail address. */
  | { kind: 'emailType'; group: string }
  | { kind: 'address'; group: string; part: AddressPart; label?: string }
  | { kind: 'birthday'; order: DateOrder }
  | { kind: 'birthPart'; part: 'year' | 'month' | 'day' }
  | { kind: 'connectedOn'; order: DateOrder }
  | { kind: 'tags'; split: Split }
  | { kind: 'photo' }
  /**
   * The Value column of a labelled custom field (Google's `Relation 1 - Value`, `Custom Field 1 - Value`): kept in
   * `extra` under its group's label, or under `name` when the label is empty.
   */
  | { kind: 'labelledExtra'; group: string; name: string }
  /** Kept in `extra` under the column name, unless the value is one of `noise` (lower-case). */
  | { kind: 'extra'; noise?: ReadonlySet<string> }
  | { kind: 'ignore' };
