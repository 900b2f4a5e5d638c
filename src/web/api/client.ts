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
const unauthenticatedListeners = new Set<() => void>();

/** Remembers the CSRF token from a session/login/signup/password response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever an API call (other than the session probe) answers 401, e.g. the session expired. */
export function onUnauthenticated(listener: () => void): () => void {
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
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    // The cookie is always the current session's (another tab may have signed in again); memory is the fallback.
    const token = csrfFromCookie() ?? csrfToken;
    if (token) headers['X-CSRF-Token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && !opts.quiet401) {
      for (const listener of unauthenticatedListeners) listener();
    }
    if (isErrorBody(data)) {
      const details = (data.error.details ?? {}) as Record<string, unknown>;
      throw new ApiError(res.status, data.error.code, data.error.message, toIssues(details), details);
    }
    throw new ApiError(
      res.status,
      'http_error',
      `The server answered ${res.status} ${res.statusText}`.trim(),
    );
  }
  return data as T;
}

/** The typed fetch wrapper every feature uses: JSON in and out, CSRF header on writes, `ApiError` on failure. */
export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
