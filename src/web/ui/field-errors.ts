import { type FieldIssue, isApiError } from '../api/client';

/**
 * Field-level messages keyed by dotted path, and in `general` whatever the form cannot show next to one of its
 * fields (an issue about a field it does not render, an error that names no field). Forms show `general` in their
 * FormAlert always, field errors or not, so nothing the server said is lost; it is null when every message sits next
 * to its field.
 */
export interface FieldErrors {
  byPath: Map<string, string>;
  general: string | null;
}

export const noFieldErrors: FieldErrors = { byPath: new Map(), general: null };

/** For a form that leaves the keyboard where it is: a pointer to the highlighted fields, read out as an alert. */
export const FIX_HIGHLIGHTED = 'Please fix the highlighted fields.';

const WORDS: Record<string, string> = {
  email: 'Email',
  password: 'Password',
  name: 'Name',
  newPassword: 'New password',
  currentPassword: 'Current password',
};

/**
 * Splits an API error into messages for the fields the form shows and a general message for the rest, so nothing
 * the server said is lost. `place(path)` says where an issue goes: `true` on its own path, a string for another
 * key (e.g. `contactIds` for `contactIds.0`), `false` when the form has no such field.
 */
export function toFieldErrors(error: unknown, place: (path: string) => boolean | string): FieldErrors {
  if (!error) return noFieldErrors;
  if (!isApiError(error)) {
    return { byPath: new Map(), general: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const placed = new Map<string, Set<string>>();
  const leftover: FieldIssue[] = [];
  for (const issue of error.issues) {
    const where = place(issue.path);
    if (where === false) {
      leftover.push(issue);
      continue;
    }
    const key = where === true ? issue.path : where;
    placed.set(key, (placed.get(key) ?? new Set()).add(sentence(issue.message)));
  }
  const byPath = new Map([...placed].map(([key, messages]) => [key, [...messages].join('. ')]));
  let general: string | null = null;
  if (leftover.length > 0) general = leftover.map(describe).join('. ');
  else if (byPath.size === 0) general = error.message;
  return { byPath, general };
}

/** The FormAlert's message for a form that does not move the keyboard to the first field to fix. */
export function alertMessage(errors: FieldErrors): string | null {
  return errors.general ?? (errors.byPath.size > 0 ? FIX_HIGHLIGHTED : null);
}

/** Everything for a one-field form that shows its errors under that field (and has no FormAlert). */
export function soleFieldError(errors: FieldErrors, path: string): string | undefined {
  const parts = [errors.byPath.get(path), errors.general].filter((m): m is string => Boolean(m));
  return parts.length > 0 ? parts.join('. ') : undefined;
}

function describe(issue: FieldIssue): string {
  return issue.path ? `${WORDS[issue.path] ?? issue.path}: ${issue.message}` : sentence(issue.message);
}

// A message that starts with a name as written (a file, `notazip.zip is not a zip file`) keeps its case.
const STARTS_WITH_NAME = /^[^\s]*[./\\@\d_]/;

function sentence(message: string): string {
  if (STARTS_WITH_NAME.test(message)) return message;
  return message.charAt(0).toUpperCase() + message.slice(1);
}
