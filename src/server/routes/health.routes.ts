import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setupState } from '../../contracts/auth';
import { getSetupState } from '../../core/accounts/get-setup-state';
import type { DatabaseHandle } from '../../core/db/connect';
import { pingDatabase } from '../../core/db/ping';

const health = z.object({
  status: z.literal('ok'),
  engine: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export function healthRoutes(version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: { tags: ['meta'], summary: 'Liveness and database check', response: { 200: health } },
      },
      async (req) => {
        await pingDatabase(req.ctx.db);
        return { status: 'ok' as const, engine: req.ctx.engine, version };
      },
    );
    app.get(
      '/setup',
      {
        config: { public: true },
        schema: {
          tags: ['meta'],
          summary: 'Whether the first account still has to be created',
          response: { 200: setupState },
        },
      },
      (req) => getSetupState(req.ctx),
    );
  };
}

/**
 * `/health` outside the API prefix answers the same JSON as `/api/v1/health`: uptime monitors and container probes
 * are pointed at `/health` by habit, and used to get the web app's page with 200 even with the database down. A 404
 * would only turn them red; the real check keeps them meaningful. Hidden from the API document (one entry is enough).
 */
export function monitorHealthRoute(version: string, handle: DatabaseHandle): FastifyPluginAsync {
  return async (app) => {
    app.get('/health', { schema: { hide: true } }, async (_req, reply) => {
      await pingDatabase(handle.db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', engine: handle.engine, version });
    });
  };
}
