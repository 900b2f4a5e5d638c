import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's headers, worked out once at start-up and set on every reply. @fastify/helmet called helmet(options)
 * anew on each request (the CSP parsed again every time: a fifth of the cheapest route's CPU), and our options never
 * vary by request (no per-request CSP nonces).
 */
export function securityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const headers: Record<string, string> = {};
  const collect = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => undefined,
  };
  helmet(options)({} as IncomingMessage, collect as unknown as ServerResponse, (err) => {
    if (err) throw err;
  });
  app.addHook('onRequest', (_req, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
