import type { ApiTokenScope } from '../../contracts/auth';
import { AppError } from '../errors';

// What a read-only token may send: the API's reads, and CardDAV's (PROPFIND and REPORT only read, OPTIONS asks what
// the server offers). Everything else may change something, so it is refused before any route runs.
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PROPFIND', 'REPORT']);

/** Whether a token of this scope may make a request with this HTTP method. */
export function tokenMayUse(scope: ApiTokenScope, method: string): boolean {
  return scope === 'full' || READ_METHODS.has(method.toUpperCase());
}

/** The refusal of a write with a read-only token: 403 `forbidden`, `details.reason: "read_only"`. */
export function readOnlyTokenError(): AppError {
  return new AppError(
    'forbidden',
    'this token is read-only: it can read (GET) but not change anything; use a full-access token to write',
    { reason: 'read_only' },
  );
}
