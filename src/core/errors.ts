/** Every failure the domain can report. Mapped once to HTTP status (server/errors.ts) and CLI exit code. */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  // A write made against a version (`If-Match`) the row no longer has: read it again, then write.
  | 'precondition_failed'
  | 'too_large'
  | 'rate_limited'
  // The database is momentarily contended (another writer holds the lock, a deadlock): retrying shortly works.
  | 'unavailable'
  | 'internal';

export interface ErrorDetails {
  /** Field-level problems: `path` is the dotted path of the offending field (e.g. `emails.0.value`). */
  issues?: { path: string; message: string }[];
  /** `rate_limited`: when (UTC ISO-8601) the limit frees up; the server answers it as Retry-After. */
  retryAt?: string;
  /** `rate_limited` when only a wait is known (a rate-limit store's time to live): whole seconds. */
  retryAfterSeconds?: number;
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

/**
 * A row the owner merged into another: still `not_found` (nothing can be done with it), but saying where it lives
 * now so a bookmark or an old link can lead there. Only ever for the owner's own rows.
 */
export function mergedAway(what: string, into: string): AppError {
  return new AppError('not_found', `${what} was merged into ${into}`, { mergedInto: into });
}

/** Said when the database is momentarily contended (db/portable.ts `isDatabaseBusy`): not a fault, a moment's wait. */
export function databaseBusy(): AppError {
  return new AppError('unavailable', 'the database is busy; try again in a moment');
}

/** A spent limit that frees up at `retryAt` (HTTP 429 with Retry-After, CLI exit 8). */
export function rateLimited(message: string, retryAt: Date, details: ErrorDetails = {}): AppError {
  return new AppError('rate_limited', message, { ...details, retryAt: retryAt.toISOString() });
}

export function validationError(path: string, message: string): AppError {
  return new AppError('validation', `${path}: ${message}`, { issues: [{ path, message }] });
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
