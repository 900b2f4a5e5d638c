import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setupState } from '../../contracts/auth';
import { getSetupState } from '../../core/accounts/get-setup-state';
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
