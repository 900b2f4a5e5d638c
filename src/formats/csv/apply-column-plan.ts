import {
  emptyPerson,
  type ImportedPerson,
  type ParseIssue,
  type PostalAddress,
  type SourceRef,
} from '../model';
import type { ColumnAction, Split } from './column-plan';
import { describeUnreadDate } from './describe-unread-date';
import { isPlausibleEmail } from './is-plausible-email';
import { composeDate, isEmptyDateMarker, parseContactDate } from './parse-contact-date';

/**
 * Google's system labels (every contact is in My Contacts; Starred is the star). Google writes them marked, in a
 * Labels or Group Membership cell: `* myContacts`, `* starred` (2024 on), `* My Contacts`, `* Starred` (before),
 * or `System Group: My Contacts`; in its Outlook CSV's Categories, as the bare ids `myContacts` and `starred`. A
 * plain `My Contacts` is a label someone chose (Android makes one from CATEGORIES, and our own export writes it).
 */
const SYSTEM_LABELS = new Set(['mycontacts', 'my contacts', 'starred', 'starred in android']);
const SYSTEM_IDS = new Set(['myContacts', 'starred']);

function isSystemLabel(item: string, split: Split): boolean {
  const marked = /^(?:\*|system group:)\s*(.*)$/i.exec(item);
  if (marked) return SYSTEM_LABELS.has((marked[1] as string).trim().toLowerCase());
  return split === 'semicolon' && SYSTEM_IDS.has(item);
}

/** Cells → values, by the way the format packs several into one cell. */
export function splitValues(cell: string, split: Split): string[] {
  let parts: string[];
  if (split === 'google') parts = cell.split(':::');
  else if (split === 'semicolon') parts = cell.split(';');
  else if (split === 'list-comma') parts = cell.split(/[;,]/);
  else parts = [cell];
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Google marks the primary value or a system group with a leading `* `. */
const unstar = (value: string) => value.replace(/^\*\s*/, '').trim();

/**
 * One CSV row → one person, following the plan; problems become issues with the file, line and column.
 * Undefined (with an error issue) when the row has nothing that identifies someone; undefined without an issue
 * for an empty row.
 */
export function applyColumnPlan(
  actions: ColumnAction[],
  headers: string[],
  cells: string[],
  ref: SourceRef,
  issues: ParseIssue[],
): ImportedPerson | undefined {
  const person = emptyPerson(ref);
  const labels = new Map<string, string>();
  const emailTypes = new Map<string, string>();
  const width = Math.max(actions.length, cells.length);
  const value = (i: number) => (cells[i] ?? '').trim();
  let anything = false;

  for (let i = 0; i < actions.length; i++) {
    const action = actions[i] as ColumnAction;
    const v = value(i);
    if (!v) continue;
    if (action.kind === 'label') labels.set(action.group, unstar(v));
    else if (action.kind === 'emailType') emailTypes.set(action.group, v.toUpperCase());
  }

  const addresses = new Map<string, PostalAddress>();
  const birth = { year: '', month: '', day: '' };
  const warn = (i: number, message: string) =>
    issues.push({ ref, field: headers[i] ?? `Column ${i + 1}`, message, severity: 'warning' });

  for (let i = 0; i < width; i++) {
    const v = value(i);
    if (!v) continue;
    anything = true;
    const action: ColumnAction = actions[i] ?? { kind: 'extra' };
    const header = headers[i] || `Column ${i + 1}`;
    switch (action.kind) {
      case 'scalar': {
        const current = person[action.field];
        if (!current) person[action.field] = v;
        else if (action.field === 'notes') person.notes = `${current}\n${v}`;
        break;
      }
      case 'email':
      case 'phone':
      case 'url': {
        const label = action.label ?? (action.group ? labels.get(action.group) : undefined) ?? undefined;
        for (const item of splitValues(v, action.split)) {
          if (action.kind === 'email') {
            if ((action.group && emailTypes.get(action.group) === 'EX') || /^\/o=/i.test(item)) {
              warn(i, 'an Exchange (X.500) address, not an e-mail address; skipped');
              continue;
            }
            if (!isPlausibleEmail(item)) {
              warn(i, `"${item}" is not an e-mail address; the contact is kept without it`);
              continue;
            }
          }
          const list =
            action.kind === 'email' ? person.emails : action.kind === 'phone' ? person.phones : person.urls;
          list.push(label ? { value: item, label } : { value: item });
        }
        break;
      }
      case 'event': {
        const label = action.label ?? (action.group ? labels.get(action.group) : undefined);
        if (isEmptyDateMarker(v)) break;
        const date = parseContactDate(v, action.order);
        if (!date) warn(i, `${describeUnreadDate(v, action.order)}; the contact is kept without it`);
        else {
          if (!person.dates) person.dates = [];
          person.dates.push(label ? { value: date, label } : { value: date });
        }
        break;
      }
      case 'address': {
        let address = addresses.get(action.group);
        if (!address) {
          address = {};
          addresses.set(action.group, address);
        }
        const label = action.label ?? labels.get(action.group);
        if (label) address.label = label;
        address[action.part] = action.part === 'street' && address.street ? `${address.street}\n${v}` : v;
        break;
      }
      case 'birthday': {
        if (isEmptyDateMarker(v)) break;
        const date = parseContactDate(v, action.order);
        if (date) person.birthday = date;
        else warn(i, `${describeUnreadDate(v, action.order)}; the contact is kept without a birthday`);
        break;
      }
      case 'birthPart':
        birth[action.part] = v;
        break;
      case 'connectedOn': {
        const date = parseContactDate(v, action.order);
        if (date && !date.startsWith('--')) person.connectedOn = date;
        else warn(i, `${describeUnreadDate(v, action.order)}; the contact is kept without it`);
        break;
      }
      case 'tags':
        for (const item of splitValues(v, action.split)) {
          if (isSystemLabel(item, action.split)) continue;
          const tag = unstar(item);
          if (tag && !person.tags.includes(tag)) person.tags.push(tag);
        }
        break;
      case 'photo':
        if (/^https?:\/\/\S+$/i.test(v)) person.photo = { kind: 'url', url: v };
        else warn(i, 'not a photo URL; ignored');
        break;
      case 'extra':
        if (!action.noise?.has(v.toLowerCase())) person.extra[uniqueKey(person.extra, header)] = v;
        break;
      case 'labelledExtra': {
        const key = labels.get(action.group) || action.name;
        person.extra[uniqueKey(person.extra, key)] = v;
        break;
      }
      case 'label':
      case 'emailType':
      case 'ignore':
        break;
    }
  }
  if (!anything) return undefined;

  for (const address of addresses.values()) {
    const { label, ...parts } = address;
    if (Object.values(parts).some(Boolean)) person.addresses.push(address);
  }
  if (birth.month || birth.day) {
    const date = composeDate(birth.year, birth.month, birth.day);
    if (date) person.birthday = date;
    else {
      issues.push({
        ref,
        field: 'Birth Year/Month/Day',
        message: `${[birth.year, birth.month, birth.day].join('-')} is not a date; the contact is kept without a birthday`,
        severity: 'warning',
      });
    }
  }
  if (
    !person.displayName &&
    !person.givenName &&
    !person.familyName &&
    !person.nickname &&
    !person.organisation &&
    person.emails.length === 0 &&
    person.phones.length === 0 &&
    person.urls.length === 0
  ) {
    issues.push({
      ref,
      message: 'row has no name, organisation, e-mail address, phone or web address; not imported',
      severity: 'error',
    });
    return undefined;
  }
  return person;
}

/** Two columns with the same name keep both values: the second as `Name (2)`. */
function uniqueKey(extra: Record<string, string>, name: string): string {
  if (!(name in extra)) return name;
  let n = 2;
  while (`${name} (${n})` in extra) n++;
  return `${name} (${n})`;
}
