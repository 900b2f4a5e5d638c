import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { HASHING_BUSY } from '../core/accounts/password';
import type { Clock } from '../core/clock';
import { isDatabaseBusy } from '../core/db/portable';
import { AppError, databaseBusy, type ErrorCode, type ErrorDetails } from '../core/errors';
import { NotJsonBody, SEND_JSON_ADVICE } from './json-body';
import { RESTORE_BUSY } from './one-at-a-time';

/** The one place error kinds become HTTP statuses. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'precondition_failed':
      return 412;
    case 'too_large':
      return 413;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}

type Issue = { path: string; message: string };

// fastify-type-provider-zod reports each zod issue as { keyword: code, instancePath: '/a/0/b', params: { keys? } }.
function issuesFromZod(
  validation: readonly { keyword?: string; instancePath?: string; params?: unknown; message?: string }[],
  where: string,
): Issue[] {
  return validation.flatMap((v) => {
    const segments = (v.instancePath ?? '').split('/').filter(Boolean);
    const base = [where === 'body' ? '' : where, ...segments].filter(Boolean).join('.');
    const keys = (v.params as { keys?: string[] } | undefined)?.keys;
    if (v.keyword === 'unrecognized_keys' && keys) {
      return keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: 'is not a known field' }));
    }
    return [{ path: base || where, message: v.message ?? 'is invalid' }];
  });
}

/** Turns anything thrown into `{ error: { code, message, details } }` with the matching status. */
// An upload sent as anything but a multipart form: 415, as a JSON route answers a body that is not JSON.
const SEND_MULTIPART = {
  status: 415,
  code: 'validation',
  message: 'file: send the file as multipart/form-data',
  details: { issues: [{ path: 'file', message: 'send the file as multipart/form-data' }] },
} as const satisfies { status: number; code: ErrorCode; message: string; details: ErrorDetails };

export function toErrorResponse(
  error: unknown,
  /** The media types the route takes (its schema's `consumes`): an upload route's advice is multipart, not JSON. */
  consumes?: readonly string[],
): {
  status: number;
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
} {
  if (error instanceof AppError) {
    return { status: statusOf(error.code), code: error.code, message: error.message, details: error.details };
  }
  // A lock another writer holds, or a deadlock the database broke: the same request succeeds in a moment.
  if (isDatabaseBusy(error)) return toErrorResponse(databaseBusy());
  // 415, not 400: the body was never read, so nothing in it can be wrong yet; what came is named.
  if (error instanceof NotJsonBody) {
    return {
      status: 415,
      code: 'validation',
      message: `body: ${error.advice}`,
      details: { issues: [{ path: 'body', message: error.advice }], contentType: error.received },
    };
  }
  const e = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const issues = issuesFromZod(e.validation, e.validationContext ?? 'body');
    const unique = issues.filter(
      (x, i) => issues.findIndex((y) => y.path === x.path && y.message === x.message) === i,
    );
    const first = unique[0];
    return {
      status: 400,
      code: 'validation',
      message: first ? `${first.path}: ${first.message}` : 'invalid request',
      details: { issues: unique },
    };
  }
  if (isResponseSerializationError(e)) {
    return { status: 500, code: 'internal', message: 'internal error', details: {} };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'too_large', message: 'request body is too large', details: {} };
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return {
        status: 413,
        code: 'too_large',
        message: `file: the upload is larger than this server accepts (${e.message})`,
        details: { issues: [{ path: 'file', message: 'too large' }] },
      };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return SEND_MULTIPART;
    // A body no parser reads on a route without a body schema, or a Content-Type that is not well-formed.
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      // A form posted to an upload: told what a text body there is told.
      if (consumes?.includes('multipart/form-data')) return SEND_MULTIPART;
      return {
        status: 415,
        code: 'validation',
        message: `body: ${SEND_JSON_ADVICE}`,
        details: { issues: [{ path: 'body', message: `unsupported content type: ${SEND_JSON_ADVICE}` }] },
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'validation',
        message: 'body: is empty',
        details: { issues: [{ path: 'body', message: 'is empty' }] },
      };
    case 'FST_ERR_BAD_URL':
      return {
        status: 400,
        code: 'validation',
        message: 'path: is not valid percent-encoded UTF-8',
        details: { issues: [{ path: 'path', message: 'is not valid percent-encoded UTF-8' }] },
      };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 400,
        code: 'validation',
        message: 'path: has a segment that is too long',
        details: { issues: [{ path: 'path', message: 'has a segment that is too long' }] },
      };
    // The web app's file server refuses a path it will not look up (a segment too long for the file system, `//`,
    // `/./`): for an address that names nothing, the answer is the 404 of any unknown page.
    case 'FST_STATIC_FORBIDDEN_PATH':
      return { status: 404, code: 'not_found', message: 'no such page', details: {} };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        status: 400,
        code: 'validation',
        message: 'body: is not valid JSON',
        details: { issues: [{ path: 'body', message: 'is not valid JSON' }] },
      };
  }
  if (e.statusCode === 429) {
    return {
      status: 429,
      code: 'rate_limited',
      message: e.message || 'too many requests; try again later',
      details: {},
    };
  }
  if (e.statusCode === 400 && e instanceof SyntaxError) {
    return {
      status: 400,
      code: 'validation',
      message: 'body: is not valid JSON',
      details: { issues: [{ path: 'body', message: 'is not valid JSON' }] },
    };
  }
  // Any other refusal Fastify or a plugin raises (a client error by its own account) keeps its status: only a
  // fault of ours is a 500.
  if (
    typeof e.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500 &&
    e.code?.startsWith('FST_')
  ) {
    return {
      status: e.statusCode,
      code: CLIENT_ERROR_CODES[e.statusCode] ?? 'validation',
      message: e.message || 'request refused',
      details: {},
    };
  }
  return { status: 500, code: 'internal', message: 'internal error', details: {} };
}

const CLIENT_ERROR_CODES: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
};

/** What a Retry-After says when a refusal named no wait at all (a 429 from a plugin that sent no header). */
const UNKNOWN_WAIT_SECONDS = 60;

/**
 * The Retry-After of a 429 in whole seconds, at least 1, rounded up so that a client never comes back too early:
 * the refusal's own wait (`retryAfterSeconds`: a rate-limit store's time to live), else how long until its limit
 * frees up (`retryAt`) from `now`, else the header @fastify/rate-limit already set.
 */
export function retryAfterSeconds(details: ErrorDetails, now: Date, header?: unknown): number {
  const seconds =
    typeof details.retryAfterSeconds === 'number'
      ? details.retryAfterSeconds
      : typeof details.retryAt === 'string'
        ? (Date.parse(details.retryAt) - now.getTime()) / 1000
        : Number(header ?? Number.NaN);
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : UNKNOWN_WAIT_SECONDS;
}

/** Fastify's error handler: the answer of `toErrorResponse`, and Retry-After on every 429 and 503 (by `clock`). */
export function errorHandler(clock: Clock) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const r = toErrorResponse(error, request.routeOptions.schema?.consumes);
    let details = r.details;
    if (r.code === 'unavailable') {
      // Contention (the database, or too many password hashes at once), not a fault: worth a look when frequent,
      // never an alert. Clients are told when to retry.
      const what =
        r.message === HASHING_BUSY
          ? 'password hashing busy'
          : r.message === RESTORE_BUSY
            ? 'another restore running'
            : 'database busy';
      request.log.warn({ code: r.code, status: r.status, err: error }, what);
      void reply.header('retry-after', '1');
    } else if (r.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: r.code, status: r.status }, 'request refused');
    if (r.status === 429) {
      const seconds = retryAfterSeconds(r.details, clock.now(), reply.getHeader('retry-after'));
      void reply.header('retry-after', String(seconds));
      // The wait is also in the body, for clients (the web app, the CLI) that read the body and not the headers.
      details = { ...r.details, retryAfterSeconds: seconds };
    }
    void reply.status(r.status).send({ error: { code: r.code, message: r.message, details } });
  };
}
