import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import { createdFeedToken, feedTokenInput, feedTokenList, feedUrl } from '../../contracts/feeds';
import type { Clock } from '../../core/clock';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { etagListed } from '../../core/etag';
import { createFeedToken } from '../../core/feeds/create-feed-token';
import { listFeedTokens } from '../../core/feeds/list-feed-tokens';
import { renderAgendaFeed } from '../../core/feeds/render-agenda-feed';
import { revokeFeedToken } from '../../core/feeds/revoke-feed-token';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/**
 * Managing calendar feeds (under /api/v1), from a signed-in browser only: a feed address is a credential that outlives
 * any API token, so a token may not mint one (`sessionOnly`, ADR 4).
 */
export function feedRoutes(opts: { baseUrl: string }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/feeds',
      {
        config: { sessionOnly: true },
        schema: {
          tags: ['feeds'],
          summary: 'My calendar feeds of the agenda (never their secret addresses)',
          response: { 200: feedTokenList, ...errors },
        },
      },
      async (req) => ({ items: await listFeedTokens(req.ctx) }),
    );
    app.post(
      '/feeds',
      {
        config: { sessionOnly: true },
        schema: {
          tags: ['feeds'],
          summary:
            'Create a secret calendar feed address (iCalendar), named if you like; the address is in this response only',
          // Optional, so clients that post no body (from before feeds had names) keep working: Fastify hands the
          // validator null for a missing body, hence nullish rather than optional.
          body: feedTokenInput.nullish(),
          response: { 201: createdFeedToken, ...errors },
        },
      },
      async (req, reply) => {
        const created = await createFeedToken(req.ctx, req.body ?? {});
        return reply.code(201).send({ ...created, url: feedUrl(opts.baseUrl, created.token) });
      },
    );
    app.delete(
      '/feeds/:id',
      {
        config: { sessionOnly: true },
        schema: {
          tags: ['feeds'],
          summary: 'Revoke a calendar feed: its address stops working',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await revokeFeedToken(req.ctx, req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}

export interface PublicFeedOptions {
  baseUrl: string;
  clock: Clock;
  /** A context without an actor: the feed token says whose agenda it is. */
  baseCtx: (req: FastifyRequest) => Ctx;
  /** Fetches per client address. */
  limit: { max: number; timeWindow: number };
}

/**
 * GET /feeds/<token>.ics for calendar apps, which cannot sign in: the secret token is the credential. Strong ETag
 * (hash of the body) with If-None-Match → 304; Last-Modified is when the body was made (see below), so
 * If-Modified-Since never earns a 304. Any unknown, malformed or revoked token gets the same bare 404.
 * The token never reaches the logs (server/logging.ts masks it in the URL).
 */
export function publicFeedRoutes(opts: PublicFeedOptions): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { token: string } }>(
      '/feeds/:token.ics',
      { schema: { hide: true }, config: { rateLimit: opts.limit } },
      async (req, reply) => {
        const now = opts.clock.now();
        let body: string;
        try {
          body = await renderAgendaFeed(opts.baseCtx(req), req.params.token, now, {
            baseUrl: opts.baseUrl,
          });
        } catch (err) {
          if (err instanceof AppError && err.code === 'not_found') {
            return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
          }
          throw err;
        }
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
        // The body is worked out afresh from nearly all the account owns, what other accounts do and the clock
        // (ADR 17), and no time of its last change is kept: the only honest Last-Modified is when it was made.
        // Nothing then shows the feed unchanged since an If-Modified-Since date, so that gets the full feed; the
        // ETag is what earns 304s (and If-None-Match is all that is read when both come, RFC 9110 §13.2.2).
        void reply
          .header('etag', etag)
          .header('last-modified', now.toUTCString()) // IMF-fixdate, whole seconds
          .header('cache-control', 'private, no-cache')
          .header('x-robots-tag', 'noindex, nofollow');
        const inm = req.headers['if-none-match'];
        if (inm !== undefined && etagListed(inm, etag, { weak: true })) return reply.code(304).send();
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'inline; filename="rapport-today.ics"')
          .send(body);
      },
    );
  };
}
