import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app (dist/web) and falls back to index.html for client-side routes. Unknown /api paths
 * answer the JSON 404 instead.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const built = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: ['index.html'],
      // Hashed asset names never change content: cache them for a year; index.html is revalidated.
      setHeaders: (reply, path) => {
        void reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return reply.code(404).send({
        error: {
          code: 'not_found',
          message: `no route ${req.method} ${req.url.split('?')[0]}`,
          details: {},
        },
      });
    }
    if (!built) {
      return reply
        .code(503)
        .type('text/html')
        .send(
          '<!doctype html><title>Rapport</title><p>The web app is not built yet: run <code>npm run build:web</code> (npm start does it).</p>',
        );
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
