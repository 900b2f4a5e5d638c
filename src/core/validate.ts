import type { z } from 'zod';
import { AppError } from './errors';

type Issue = { path: string; message: string };

/** Parses `input` with `schema` or throws a `validation` AppError naming every offending field path. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, where = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const all = issuesOf(result.error, where);
  // Two checks on one field can fail the same way; report each field + message once.
  const issues = all.filter(
    (x, i) => all.findIndex((y) => y.path === x.path && y.message === x.message) === i,
  );
  throw withIssues(issues);
}

/**
 * `validate` for a use case with business rules of its own: never throws, so that the rules can still speak about
 * the fields that are well-formed and the caller can answer every problem at once (`validationIssues`). `data` is the
 * parsed input when the whole schema passed; `fields` holds each top-level field of an object schema that passed on
 * its own (all of `data` when it passed).
 */
export function inspect<S extends z.ZodObject>(
  schema: S,
  input: unknown,
): { data: z.output<S> | undefined; fields: Partial<z.output<S>>; issues: Issue[] } {
  const result = schema.safeParse(input);
  if (result.success) return { data: result.data, fields: result.data, issues: [] };
  const fields: Record<string, unknown> = {};
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const value = (input as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const one = field.safeParse(value);
      if (one.success) fields[key] = one.data;
    }
  }
  return { data: undefined, fields: fields as Partial<z.output<S>>, issues: issuesOf(result.error) };
}

/**
 * One `validation` AppError for all of `issues`, one per field path (the first said about a path wins: a field is
 * fixed one message at a time); the message names the first and counts the rest.
 */
export function validationIssues(all: readonly Issue[]): AppError {
  return withIssues(all.filter((x, i) => all.findIndex((y) => y.path === x.path) === i));
}

function withIssues(issues: Issue[]): AppError {
  const first = issues[0];
  const message = first ? `${first.path}: ${first.message}` : 'invalid input';
  return new AppError(
    'validation',
    issues.length > 1 ? `${message} (and ${issues.length - 1} more)` : message,
    {
      issues,
    },
  );
}

function issuesOf(error: z.ZodError, where = ''): Issue[] {
  return error.issues.flatMap((issue) => {
    const base = [where, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: 'is not a known field' }));
    }
    return [{ path: base || '(root)', message: issue.message }];
  });
}
