import type { FastifyRequest } from 'fastify';

// Query strings hold search text and path segments may hold secrets (feed tokens, invite links): never log them.
// A secret may carry a file extension (calendar feeds are /feeds/<token>.ics).
const SECRET_SEGMENT = /^[A-Za-z0-9_-]{24,}(\.[A-Za-z0-9]{1,8})?$/;

export function safeUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path
    .split('/')
    .map((s) => (SECRET_SEGMENT.test(s) ? ':secret' : s))
    .join('/');
}

/** pino options for Fastify: request ids, no bodies, no cookies or auth headers, no query strings. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream) {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(req: FastifyRequest) {
        return { method: req.method, url: safeUrl(req.url), remoteAddress: req.ip };
      },
    },
  };
}
