import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors';

const SEND_JSON = 'send JSON with Content-Type: application/json';

/** A body a JSON route cannot read: answered 415 with the content type it came as (errors.ts). */
export class NotJsonBody extends Error {
  /** The media type the request named (`text/plain`), or null when it named none. */
  constructor(readonly received: string | null) {
    super('the body is not JSON');
    this.name = 'NotJsonBody';
  }

  /** What the answer says about the body: what to send, and what came instead. */
  get advice(): string {
    return this.received === null
      ? `${SEND_JSON}; this request has a body but no Content-Type`
      : `${SEND_JSON}, not ${this.received}`;
  }
}

/** Said of any body Fastify has no parser for (a route without a body schema, a malformed Content-Type). */
export const SEND_JSON_ADVICE = SEND_JSON;

// Like Fastify: a request without Content-Length or Transfer-Encoding (or with a length of 0) carries no body.
function carriesBody(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function acceptsNoBody(schema: unknown): boolean {
  const parse = (schema as { safeParse?: (v: unknown) => { success: boolean } }).safeParse;
  return typeof parse !== 'function' || parse.call(schema, undefined).success;
}

/**
 * A preParsing hook for the API: a JSON route (its schema has a body and consumes nothing else) refuses a body sent
 * as anything but application/json before it is parsed, and a missing body its schema needs, saying to send JSON.
 * Without it a script's text/plain body (fetch's default for a string, curl with `-H 'Content-Type: text/plain'`)
 * reached the schema as a string and was answered "body: must be an object"; no body at all was answered the same.
 * Routes without a body schema (uploads, actions) are left to Fastify's parsers.
 */
export async function requireJsonBody(req: FastifyRequest): Promise<void> {
  const schema = req.routeOptions.schema;
  if (!schema?.body) return;
  if (schema.consumes && !schema.consumes.includes('application/json')) return;
  const header = req.headers['content-type'];
  if (header === undefined) {
    if (carriesBody(req)) throw new NotJsonBody(null);
    if (!acceptsNoBody(schema.body)) {
      throw new AppError('validation', `body: is missing: ${SEND_JSON}`, {
        issues: [{ path: 'body', message: `is missing: ${SEND_JSON}` }],
      });
    }
    return;
  }
  const mediaType = (header.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType !== 'application/json') throw new NotJsonBody(mediaType || null);
}
