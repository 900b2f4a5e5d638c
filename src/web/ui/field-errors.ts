import { type FieldIssue, isApiError } from '../api/client';

/** Field-level messages keyed by dotted path, plus whatever could not be placed next to a field. */
export interface FieldErrors {
  byPath: Map<string, string>;
  general: string | null;
}

export const noFieldErrors: FieldErrors = { byPath: new Map(), general: null };

const WORDS: Record<string, string> = {
  email: 'Email',
  password: 'Password',
  name: 'Name',
  newPassword: 'New password',
  currentPassword: 'Current password',
};

/**
 * Splits an API error into messages for the fields the form shows (`known(path)`) and a general message for the
 * rest, so nothing the server said is lost.
 */
export function toFieldErrors(error: unknown, known: (path: string) => boolean): FieldErrors {
  if (!error) return noFieldErrors;
  if (!isApiError(error)) {
    return { byPath: new Map(), general: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const byPath = new Map<string, string>();
  const leftover: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (known(issue.path) && !byPath.has(issue.path)) byPath.set(issue.path, sentence(issue.message));
    else leftover.push(issue);
  }
  let general: string | null = null;
  if (leftover.length > 0) {
    general = leftover.map((i) => `${WORDS[i.path] ?? i.path}: ${i.message}`).join('. ');
  } else if (byPath.size === 0) {
    general = error.message;
  } else {
    general = 'Please fix the highlighted fields.';
  }
  return { byPath, general };
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
