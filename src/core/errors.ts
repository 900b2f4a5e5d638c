/** Every failure the domain can report. Mapped once to HTTP status (server/errors.ts) and CLI exit code. */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'internal';

export interface ErrorDetails {
  /** Field-level problems: `path` is the dotted path of the offending field (e.g. `emails.0.value`). */
  issues?: { path: string; message: string }[];
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** "No access" must look exactly like "not found" so ids cannot be probed across accounts. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

export function validationError(path: string, message: string): AppError {
  return new AppError('validation', `${path}: ${message}`, { issues: [{ path, message }] });
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
