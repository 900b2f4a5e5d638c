import type { ErrorBody } from '../../contracts';

/** One field-level problem reported by the API; `path` is dotted, e.g. `emails.0.value`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Any non-2xx answer from the API, with its code and field issues (if any). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const BASE = '/api/v1';
let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<(error: ApiError) => void>();

/** Remembers the CSRF token from a session/login/signup/password response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called with the error whenever an API call (other than the session probe) answers 401, e.g. the session expired. */
export function onUnauthenticated(listener: (error: ApiError) => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function csrfFromCookie(): string | null {
  const match = document.cookie.split('; ').find((c) => c.startsWith('rapport_csrf='));
  return match ? decodeURIComponent(match.slice('rapport_csrf='.length)) : null;
}

/** The session cookie is HttpOnly; its readable CSRF twin tells whether a session may exist. */
export function hasSessionCookie(): boolean {
  return csrfFromCookie() !== null;
}

export type QueryValue = string | number | undefined | null;

/** Builds `path?query` dropping empty values. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(v: unknown): v is ErrorBody {
  return (
    typeof v === 'object' &&
    v !== null &&
    'error' in v &&
    typeof (v as { error: unknown }).error === 'object' &&
    (v as { error: unknown }).error !== null
  );
}

function toIssues(details: Record<string, unknown>): FieldIssue[] {
  const raw = details.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const { path, message } = i as { path?: unknown; message?: unknown };
    const p = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    return [{ path: p, message: typeof message === 'string' ? message : 'is invalid' }];
  });
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Don't broadcast a 401 (used by the session probe, where 401 just means "signed out"). */
  quiet401?: boolean;
  /** Content type of a `Blob` body (sent as is, e.g. a backup file). */
  contentType?: string;
  /** More request headers (e.g. `If-Match`). */
  headers?: Record<string, string>;
}

// The ETag each answer came with, by the object it was parsed into: a later write names the version it was read as.
const etags = new WeakMap<object, string>();

/** The ETag the API answered with this object (a GET /contacts/:id, or the PATCH that saved it), if it sent one. */
export function etagOf(value: object): string | undefined {
  return etags.get(value);
}

/** The CSRF token to send on a write: the cookie is always the current session's (another tab may have signed in again); memory is the fallback. */
export function currentCsrfToken(): string | null {
  return csrfFromCookie() ?? csrfToken;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Turns a non-2xx answer into an `ApiError` (and tells the listeners about a 401 unless `quiet401`). */
export function errorFromResponse(
  status: number,
  statusText: string,
  text: string,
  quiet401 = false,
): ApiError {
  const error = toApiError(status, statusText, parseJson(text));
  if (status === 401 && !quiet401) {
    for (const listener of unauthenticatedListeners) listener(error);
  }
  return error;
}

function toApiError(status: number, statusText: string, data: unknown): ApiError {
  if (isErrorBody(data)) {
    const details = (data.error.details ?? {}) as Record<string, unknown>;
    return new ApiError(status, data.error.code, data.error.message, toIssues(details), details);
  }
  if (status === 413) {
    return new ApiError(413, 'too_large', 'The file is larger than this server accepts.', [
      { path: 'file', message: 'too large' },
    ]);
  }
  return new ApiError(status, 'http_error', `The server answered ${status} ${statusText}`.trim());
}

export const NETWORK_ERROR_MESSAGE = 'Could not reach the server. Check your connection and try again.';

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  const raw = opts.body instanceof Blob;
  if (opts.body !== undefined)
    headers['Content-Type'] = raw ? (opts.contentType ?? 'application/octet-stream') : 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = currentCsrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : raw ? (opts.body as Blob) : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!res.ok) throw errorFromResponse(res.status, res.statusText, text, opts.quiet401);
  const data = parseJson(text);
  const etag = res.headers.get('etag');
  if (etag && typeof data === 'object' && data !== null) etags.set(data, etag);
  return data as T;
}

/** The typed fetch wrapper every feature uses: JSON in and out, CSRF header on writes, `ApiError` on failure. */
export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body === undefined ? {} : { body }),
  /** POSTs a file's bytes unchanged (no JSON round trip in the browser). */
  postFile: <T>(path: string, file: Blob, contentType: string) =>
    request<T>('POST', path, { body: file, contentType }),
};

/** The API's address for a path, e.g. for a download link (GETs carry the session cookie). */
export function apiUrl(path: string): string {
  return BASE + path;
}
