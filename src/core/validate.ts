import type { z } from 'zod';
import { AppError } from './errors';

/** Parses `input` with `schema` or throws a `validation` AppError naming every offending field path. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, where = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const all = result.error.issues.flatMap((issue) => {
    const base = [where, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: 'is not a known field' }));
    }
    return [{ path: base || '(root)', message: issue.message }];
  });
  // Two checks on one field can fail the same way; report each field + message once.
  const issues = all.filter(
    (x, i) => all.findIndex((y) => y.path === x.path && y.message === x.message) === i,
  );
  const first = issues[0];
  const message = first ? `${first.path}: ${first.message}` : 'invalid input';
  throw new AppError(
    'validation',
    issues.length > 1 ? `${message} (and ${issues.length - 1} more)` : message,
    {
      issues,
    },
  );
}
