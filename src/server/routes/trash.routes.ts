import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common';
import { trashListing } from '../../contracts/trash';
import { listTrash } from '../../core/trash/list-trash';

export const trashRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/trash',
    {
      schema: {
        tags: ['trash'],
        summary: 'Everything I deleted that can still be restored',
        response: { 200: trashListing, 401: errorBody },
      },
    },
    (req) => listTrash(req.ctx),
  );
};
