import type { z } from 'zod';
import { AppError } from './errors';

/** Parses `input` with `schema` or throws a `validation` AppError naming every offending field path. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, where = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => {
    const base = [where, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: 'is not a known field' }));
    }
    return [{ path: base || '(root)', message: issue.message }];
  });
  const first = issues[0];
  const message = first ? `${first.path}: ${first.message}` : 'invalid input';
  throw new AppError('validation', issues.length > 1 ? `${message} (and ${issues.length - 1} more)` : message, {
    issues,
  });
}
